import { type IDataObject, type IExecuteFunctions, updateDisplayOptions } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client';
import { operationOptions, returnAllAndLimit } from '../common/descriptions';
import { readPaging } from '../common/parameters';

const displayOptions = { show: { resource: ['connection'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, [
	...returnAllAndLimit,
	operationOptions,
]);

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const sessions = await client.listActiveConnections();
	return (returnAll ? sessions : sessions.slice(0, limit)).map((session) => ({ ...session }));
}
