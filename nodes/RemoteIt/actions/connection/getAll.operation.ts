import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client';
import { readPaging } from '../parameters';

const show = { resource: ['connection'], operation: ['getAll'] };

export const description: INodeProperties[] = [
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
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
];

export async function execute(this: IExecuteFunctions, client: RemoteItClient, itemIndex: number): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const sessions = await client.listSessions();
	return (returnAll ? sessions : sessions.slice(0, limit)).map((session) => ({ ...session }));
}
