/**
 * A node's context in the default store the user configured (settings.js `contextStorage`), read and written
 * with callbacks so persistent stores work too, and whether that store outlives a Node-RED restart.
 */
import type { NodeContext } from './node-red-api';

export function readContext(context: NodeContext, key: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		context.get(key, (error, value) => (error ? reject(error) : resolve(value)));
	});
}

export function writeContext(context: NodeContext, key: string, value: unknown): Promise<void> {
	return new Promise((resolve, reject) => {
		context.set(key, value, (error) => (error ? reject(error) : resolve()));
	});
}

/**
 * Whether the default context store keeps values across a restart: anything but Node-RED's `memory` module.
 * The default store is the one named `default` (an object, or the name of another store), else the first listed,
 * else memory (Node-RED's own rule, @node-red/runtime context/index.js).
 */
export function defaultStoreIsPersistent(contextStorage: unknown): boolean {
	if (typeof contextStorage !== 'object' || contextStorage === null) return false;
	const stores = contextStorage as Record<string, unknown>;
	const named = stores.default;
	const store =
		typeof named === 'string'
			? stores[named]
			: (named ?? Object.entries(stores).find(([name]) => name !== '_')?.[1]);
	if (typeof store !== 'object' || store === null) return false;
	return (store as { module?: unknown }).module !== 'memory';
}
