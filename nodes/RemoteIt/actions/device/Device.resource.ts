import type { INodeProperties } from 'n8n-workflow';

import type { OperationParameter } from '../router';
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
			description: get.summary,
			action: 'Get a device',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: getAll.summary,
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
