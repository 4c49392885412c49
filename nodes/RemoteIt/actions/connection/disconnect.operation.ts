import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	updateDisplayOptions,
} from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client';
import { askedAsTool, operationOptions, toolDescription } from '../common/descriptions';
import { readRequiredText } from '../common/parameters';

const displayOptions = { show: { resource: ['connection'], operation: ['disconnect'] } };

/** The Operation option's description, and what an agent reads about Disconnect as a tool. */
export const summary =
	'Close a proxy connection opened by Connect. Needs the id and serviceId that Connect returned. Returns id, serviceId and disconnected: true.';

const properties: INodeProperties[] = [
	toolDescription(summary),
	...askedAsTool(
		{
			displayName: 'Connection ID',
			name: 'connectionId',
			type: 'string',
			default: '={{ $json.id }}',
			required: true,
			description:
				'The ID of the connection to close. The default reads the connection ID that Connect put on the incoming item.',
		},
		'connectionId',
		'The id that Connect returned',
	),
	...askedAsTool(
		{
			displayName: 'Service ID',
			name: 'serviceId',
			type: 'string',
			default: '={{ $json.serviceId }}',
			required: true,
			placeholder: '80:00:00:00:01:00:00:02',
			description:
				'The ID of the service the connection belongs to. The default reads the service ID that Connect put on the incoming item.',
		},
		'serviceId',
		'The serviceId that Connect returned',
	),
	operationOptions,
];

export const description = updateDisplayOptions(displayOptions, properties);

/** The fields the client checks, as this operation's parameters are named in the editor. */
export const parameterNames = { serviceId: 'Service ID', connectionId: 'Connection ID' };

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject> {
	const connectionId = readRequiredText(this, 'connectionId', 'Connection ID', itemIndex, {
		whatToPass: 'the "id" that Connect returned',
	});
	const serviceId = readRequiredText(this, 'serviceId', 'Service ID', itemIndex, {
		whatToPass: 'the "serviceId" that Connect returned',
	});
	const disconnection = await client.disconnect({ connectionId, serviceId });
	return { ...disconnection };
}
