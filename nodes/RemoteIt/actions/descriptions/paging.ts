import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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
			// DEFAULT_DEVICE_LIMIT (client/page-sizes.ts); n8n's lint wants the literal (node-param-default-wrong-for-limit).
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}
