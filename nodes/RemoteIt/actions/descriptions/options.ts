import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { parallelRequestsOption } from './parallel';
import { timeoutOption } from './timeout';

/** The Options collection of operations whose only options are the ones every operation has. */
export function operationOptions(show: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [parallelRequestsOption, timeoutOption],
	};
}
