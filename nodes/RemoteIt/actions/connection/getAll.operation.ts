import { type IDataObject, type IExecuteFunctions, updateDisplayOptions } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client';
import { operationOptions, returnAllAndLimit, toolDescription } from '../common/descriptions';
import { readPaging } from '../common/parameters';

const displayOptions = { show: { resource: ['connection'], operation: ['getAll'] } };

/** The Operation option's description, and what an agent reads about it as a tool. */
export const summary =
	"List the account's open proxy connections, each with its id, serviceId and serviceName, and the deviceId and deviceName of the device it reaches. Disconnect closes one by its id and serviceId.";

export const description = updateDisplayOptions(displayOptions, [
	toolDescription(summary),
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
