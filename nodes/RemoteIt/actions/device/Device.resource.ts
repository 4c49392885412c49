import type { INodeProperties } from 'n8n-workflow';

import type { OperationParameter } from '../node.type';
import * as addTags from './addTags.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as removeTags from './removeTags.operation';

export { addTags, get, getAll, removeTags };

const operation: OperationParameter<'device'> = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['device'] } },
	options: [
		{
			name: 'Add Tags',
			value: 'addTags',
			description: 'Add tags to a device, making tags the account does not have yet',
			action: 'Add tags to a device',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get one device with its state and services',
			action: 'Get a device',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List devices, optionally filtered by name, online status or tags',
			action: 'Get many devices',
		},
		{
			name: 'Remove Tags',
			value: 'removeTags',
			description: 'Take tags off a device',
			action: 'Remove tags from a device',
		},
	],
	default: 'getAll',
};

export const description: INodeProperties[] = [
	operation,
	...addTags.description,
	...get.description,
	...getAll.description,
	...removeTags.description,
];
