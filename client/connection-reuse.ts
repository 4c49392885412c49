/**
 * Reuse and replacement, decided from the account's connections opened in this process (connection-records.ts):
 * remote.it's session list says which are still live but carries no address (docs/remoteit-api.md §3).
 */
import type { ConnectionRecords } from './connection-records';
import { isPlainObject, textOf } from './json-values';
import type { ApiContext } from './api-context';
import { listActiveConnections } from './active-connections';
import type { Connection } from './types';

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function openedTo(records: ConnectionRecords, serviceId: string): Connection[] {
	return [...records.values()].filter((c) => c.serviceId === serviceId);
}

export function hasRecord(records: ConnectionRecords, connectionId: string): boolean {
	return [...records.keys()].some((id) => sameId(id, connectionId));
}

/**
 * Reuse only what provably belongs to this account and is still live: a connection this process opened (so its
 * address is known) that remote.it still lists among the account's own proxy sessions. Anything else: undefined.
 */
export async function reusableConnection(
	context: ApiContext,
	records: ConnectionRecords,
	serviceId: string,
	answers?: (connection: Connection) => Promise<boolean>,
): Promise<Connection | undefined> {
	const mine = openedTo(records, serviceId);
	if (mine.length === 0) return undefined;
	const live = await listActiveConnections(context);
	const reusable = mine.reverse().find((c) => live.some((s) => sameId(s.id, c.id)));
	for (const c of mine)
		if (c !== reusable && !live.some((s) => sameId(s.id, c.id))) records.delete(c.id);
	// With a probe at hand (Wait Until Reachable), a listed connection must also still accept a connection.
	if (reusable && answers && !(await answers(reusable))) return undefined;
	return reusable;
}

/**
 * remote.it may close a user's earlier connection to the same service when a new one opens (REST answers
 * `previousConnection`, docs/remoteit-api.md §2). The output names this client's connection that is gone, so a
 * second Connect in one run never silently ends the first. `handedOut` says which ids this client returned.
 */
export async function replacedBy(
	context: ApiContext,
	records: ConnectionRecords,
	handedOut: (id: string) => boolean,
	connection: Connection,
	restAnswer?: Record<string, unknown>,
): Promise<string | undefined> {
	const details =
		restAnswer && isPlainObject(restAnswer.connection) ? restAnswer.connection : undefined;
	const previous = details ? textOf(details.previousConnection) : undefined;
	const others = openedTo(records, connection.serviceId).filter(
		(c) => !sameId(c.id, connection.id),
	);
	// What remote.it says it replaced is gone, whoever opened it: its record would only pile up until it expires.
	if (previous !== undefined)
		for (const c of others)
			if (c.proxy === previous || sameId(c.id, previous)) records.delete(c.id);
	const earlier = others.filter((c) => handedOut(c.id));
	if (earlier.length === 0) return undefined;
	let gone: Connection[];
	if (previous !== undefined) {
		gone = earlier.filter((c) => c.proxy === previous || sameId(c.id, previous));
	} else {
		const live = await listActiveConnections(context);
		gone = earlier.filter((c) => !live.some((s) => sameId(s.id, c.id)));
	}
	for (const c of gone) records.delete(c.id);
	return gone[0]?.id;
}
