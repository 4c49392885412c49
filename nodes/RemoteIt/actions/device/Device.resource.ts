import type { INodeProperties } from 'n8n-workflow';

import type { OperationParameter } from '../node.type';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

const operation: OperationParameter<'device'> = {
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
};

export const description: INodeProperties[] = [
	operation,
	...get.description,
	...getAll.description,
];
