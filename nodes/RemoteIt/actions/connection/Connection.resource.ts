import type { INodeProperties } from 'n8n-workflow';

import type { OperationParameter } from '../node.type';
import * as connect from './connect.operation';
import * as disconnect from './disconnect.operation';
import * as getAll from './getAll.operation';

export { connect, disconnect, getAll };

const operation: OperationParameter<'connection'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['connection'] } },
	options: [
		{
			name: 'Connect',
			value: 'connect',
			description: connect.summary,
			action: 'Connect to a service',
		},
		{
			name: 'Disconnect',
			value: 'disconnect',
			description: disconnect.summary,
			action: 'Disconnect from a service',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: getAll.summary,
			action: 'Get many connections',
		},
	],
	default: 'connect',
};

export const description: INodeProperties[] = [
	operation,
	...connect.description,
	...disconnect.description,
	...getAll.description,
];
