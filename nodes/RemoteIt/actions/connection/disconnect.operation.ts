import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client/core';
import { operationOptions } from '../descriptions/options';
import { readRequiredText } from '../parameters';

const show = { resource: ['connection'], operation: ['disconnect'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Connection ID',
		name: 'connectionId',
		type: 'string',
		default: '={{ $json.id }}',
		required: true,
		description:
			'The ID of the connection to close. The default reads the connection ID that Connect put on the incoming item.',
		displayOptions: { show },
	},
	{
		displayName: 'Service ID',
		name: 'serviceId',
		type: 'string',
		default: '={{ $json.serviceId }}',
		required: true,
		placeholder: '80:00:00:00:01:00:00:02',
		description:
			'The ID of the service the connection belongs to. The default reads the service ID that Connect put on the incoming item.',
		displayOptions: { show },
	},
	operationOptions(show),
];

/** The fields the client checks, as this operation's parameters are named in the editor. */
export const parameterNames = { serviceId: 'Service ID', connectionId: 'Connection ID' };

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject> {
	const connectionId = readRequiredText(this, 'connectionId', 'Connection ID', itemIndex);
	const serviceId = readRequiredText(this, 'serviceId', 'Service ID', itemIndex);
	const disconnection = await client.disconnect({ connectionId, serviceId });
	return { ...disconnection };
}
