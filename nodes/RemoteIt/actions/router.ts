import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	NodeOperationError,
} from 'n8n-workflow';

import type { RemoteItClient } from '../../../client';
import { toNodeError } from '../../shared/errors';
import { createClientForExecution } from '../../shared/transport';
import { readParallelRequests, readTimeout } from './common/parameters';
import * as connection from './connection/Connection.resource';
import * as device from './device/Device.resource';
import type { RemoteItOperations, Resource } from './node.type';

interface Operation {
	execute(
		this: IExecuteFunctions,
		client: RemoteItClient,
		itemIndex: number,
	): Promise<IDataObject | IDataObject[]>;
	/** Client fields named as this operation's parameters are, where they differ from the usual names. */
	parameterNames?: Record<string, string>;
}

/** An operation missing here, or one the type above does not name, is a compile error. */
const resources = {
	connection: {
		connect: connection.connect,
		disconnect: connection.disconnect,
		getAll: connection.getAll,
	},
	device: {
		addTags: device.addTags,
		get: device.get,
		getAll: device.getAll,
		removeTags: device.removeTags,
	},
} satisfies { [R in Resource]: Record<RemoteItOperations[R], Operation> };

function operationFor(resource: string, operation: string): Operation | undefined {
	if (!Object.hasOwn(resources, resource)) return undefined;
	const operations: Record<string, Operation> = resources[resource as Resource];
	return Object.hasOwn(operations, operation) ? operations[operation] : undefined;
}

/**
 * The one per-item loop, the same for every operation. One client serves the whole execution; items run up to
 * Parallel Requests at a time, and the client holds its requests to the same bound, narrowed while remote.it
 * answers 429. Output keeps input order with `pairedItem`.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operationFor(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}
	const concurrency = readParallelRequests(this);
	const timeout = readTimeout(this);
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

/**
 * Runs `task(0..count-1)` with at most `limit` tasks in flight and returns the results in index order, whatever
 * order they finish in. The first rejection stops new tasks from starting and rejects the whole run.
 */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failed = false;
	const worker = async (): Promise<void> => {
		while (!failed && next < count) {
			const index = next++;
			const running = task(index);
			// A failure stops new tasks; the rejection itself (already an n8n node error) reaches Promise.all unchanged.
			running.catch(() => {
				failed = true;
			});
			results[index] = await running;
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker);
	await Promise.all(workers);
	return results;
}

/**
 * Items of one execution that name the same service ("device/service") share one lookup, so fanning out over many
 * items costs one device listing, not one per item (docs/remoteit-api.md §8.7: keep request counts low). Failed lookups
 * are not kept, so each item reports its own failure.
 */
function withServiceLookupCache(client: RemoteItClient): RemoteItClient {
	const lookups = new Map<string, ReturnType<RemoteItClient['serviceIdOf']>>();
	const serviceIdOf: RemoteItClient['serviceIdOf'] = async (reference, as) => {
		const key = `${as ?? 'either'}:${reference.trim().toLowerCase()}`;
		let lookup = lookups.get(key);
		if (!lookup) {
			lookup = client.serviceIdOf(reference, as);
			lookups.set(key, lookup);
			lookup.catch(() => lookups.delete(key));
		}
		return await lookup;
	};
	return { ...client, serviceIdOf };
}
