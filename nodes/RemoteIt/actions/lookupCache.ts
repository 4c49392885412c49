import type { RemoteItClient } from '../../../client/core';

/**
 * Items of one execution that name the same service ("device/service") share one lookup, so fanning out over many
 * items costs one device listing, not one per item (docs/remoteit-api.md §8.7: keep request counts low). Failed lookups
 * are not kept, so each item reports its own failure.
 */
export function withServiceLookupCache(client: RemoteItClient): RemoteItClient {
	const lookups = new Map<string, ReturnType<RemoteItClient['findService']>>();
	const findService: RemoteItClient['findService'] = async (idOrName) => {
		const key = idOrName.trim().toLowerCase();
		let lookup = lookups.get(key);
		if (!lookup) {
			lookup = client.findService(idOrName);
			lookups.set(key, lookup);
			lookup.catch(() => lookups.delete(key));
		}
		return await lookup;
	};
	return { ...client, findService };
}
