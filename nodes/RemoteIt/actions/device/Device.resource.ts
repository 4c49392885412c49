import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['device'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one device with its state and services',
				action: 'Get a device',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List devices, optionally filtered by name or online status',
				action: 'Get many devices',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
