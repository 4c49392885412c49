import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RemoteItClient } from '../../../client/core';
import { TIMEOUT_ADVICE, createClientForExecution } from '../transport';
import { mapWithConcurrency } from './concurrency';
import { readParallelRequests } from './descriptions/parallel';
import * as connection from './connection/Connection.resource';
import * as device from './device/Device.resource';
import { toNodeError } from './errors';
import { readTimeout } from './parameters';
import { withServiceLookupCache } from './lookupCache';

interface Operation {
	execute(
		this: IExecuteFunctions,
		client: RemoteItClient,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
	/** Client fields named as this operation's parameters are, where they differ from the usual names. */
	parameterNames?: Record<string, string>;
}

const resources: Record<string, Record<string, Operation>> = {
	connection: {
		connect: connection.connect,
		disconnect: connection.disconnect,
		getAll: connection.getAll,
	},
	device: { get: device.get, getAll: device.getAll },
};

/**
 * The one per-item loop, the same for every operation. One client serves the whole execution; items run up to
 * Parallel Requests at a time, and the client holds its requests to the same bound, narrowed while remote.it
 * answers 429. Output keeps input order with `pairedItem`.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	const concurrency = readParallelRequests(this);
	const timeout = { ms: readTimeout(this), advice: TIMEOUT_ADVICE };
	const client = withServiceLookupCache(
		await createClientForExecution(this, { timeout, concurrency }),
	);
	const perItem = await mapWithConcurrency(
		this.getInputData().length,
		concurrency,
		async (itemIndex) => await runItem(this, operation, client, itemIndex),
	);
	return [perItem.flat()];
}

async function runItem(
	context: IExecuteFunctions,
	operation: Operation,
	client: RemoteItClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	try {
		const result = await operation.execute.call(context, client, itemIndex);
		return context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(result), {
			itemData: { item: itemIndex },
		});
	} catch (error) {
		const nodeError = toNodeError(context, error, itemIndex, operation.parameterNames);
		if (context.continueOnFail())
			return [{ json: { error: nodeError.message }, pairedItem: { item: itemIndex } }];
		throw nodeError;
	}
}
