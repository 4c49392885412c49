import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client/core';
import { returnAllAndLimit } from '../descriptions/paging';
import { operationOptions } from '../descriptions/options';
import { readPaging } from '../parameters';

const show = { resource: ['connection'], operation: ['getAll'] };

export const description: INodeProperties[] = [...returnAllAndLimit(show), operationOptions(show)];

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const sessions = await client.listActiveConnections();
	return (returnAll ? sessions : sessions.slice(0, limit)).map((session) => ({ ...session }));
}
