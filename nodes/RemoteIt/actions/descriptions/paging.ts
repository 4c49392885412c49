import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_DEVICE_LIMIT } from '../../../../client/core';

/** Return All / Limit, as every n8n "Get Many" operation offers them. */
export function returnAllAndLimit(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: DEFAULT_DEVICE_LIMIT,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}
