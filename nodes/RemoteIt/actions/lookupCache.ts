import type { RemoteItClient } from '../../../client/core';

/**
 * Items of one execution that name the same service ("device/service") share one lookup, so fanning out over many
 * items costs one device listing, not one per item (docs/remoteit-api.md §8.7: keep request counts low). Failed lookups
 * are not kept, so each item reports its own failure.
 */
export function withServiceLookupCache(client: RemoteItClient): RemoteItClient {
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
