import type { INodeProperties } from 'n8n-workflow';

import { MAX_REQUEST_TIMEOUT_MS } from '../../../../client/core';
import { REQUEST_TIMEOUT_MS } from '../../transport';

export const MAX_TIMEOUT_MS = MAX_REQUEST_TIMEOUT_MS;

/** The Timeout option every operation offers, in milliseconds like the HTTP Request node's. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	default: REQUEST_TIMEOUT_MS,
	typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_MS },
	description:
		'How long to wait for each remote.it request, in milliseconds, before giving up. A connect that times out is checked with remote.it, so no connection is left open.',
};
