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
			description: addTags.summary,
			action: 'Add tags to a device',
		},
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
		{
			name: 'Remove Tags',
			value: 'removeTags',
			description: removeTags.summary,
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
