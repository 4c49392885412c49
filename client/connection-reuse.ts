/**
 * Reuse and replacement, decided from the account's connections opened in this process (connection-records.ts):
 * remote.it's session list says which are still live but carries no address (docs/remoteit-api.md §3).
 */
import type { ConnectionRecords } from './connection-records';
import { isPlainObject, textOf } from './json-values';
import type { ApiContext } from './api-context';
import { listActiveConnections } from './active-connections';
import type { ConnectLedger } from './connect-ledger';
import type { ActiveConnection, Connection } from './types';

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
 * One session list for a client's connects that answer together. A connect that must look waits for the client's
 * other connects still in flight, then takes a list sent after its own answer: remote.it lists the sessions live when
 * it reads them (docs/remoteit-api.md §3), so that list shows what this connect replaced, and a burst of connects
 * to one service costs one list instead of one each.
 */
export class SharedSessionList {
	private latest?: { sentAt: number; sessions: Promise<ActiveConnection[]> };

	constructor(
		private readonly ledger: ConnectLedger,
		private readonly list: () => Promise<ActiveConnection[]>,
	) {}

	/** The sessions listed after the answer claimed as `answeredAt` (ConnectLedger.claim). */
	async after(answeredAt: number): Promise<ActiveConnection[]> {
		await Promise.all(this.ledger.allInFlight());
		if (this.latest && this.latest.sentAt > answeredAt) return this.latest.sessions;
		const sessions = this.list();
		this.latest = { sentAt: this.ledger.nextOrder(), sessions };
		return sessions;
	}
}

/**
 * remote.it may close a user's earlier connection to the same service when a new one opens (REST answers
 * `previousConnection`, docs/remoteit-api.md §2). The output names this client's connection that is gone, so a
 * second Connect in one run never silently ends the first. `claimOrder` numbers the connections this client handed
 * out in the order their answers came. Over GraphQL the session list read after this answer (`look.live`) says
 * which are gone: each connect names the latest earlier one, and the connection remote.it kept, when it names none,
 * names the latest later one (its answer came first though remote.it opened it last); each is named once.
 */
export async function replacedBy(
	records: ConnectionRecords,
	claimOrder: (id: string) => number | undefined,
	connection: Connection,
	restAnswer: Record<string, unknown> | undefined,
	look: { siblingsAnswered: () => Promise<void>; live: () => Promise<ActiveConnection[]> },
): Promise<string | undefined> {
	const details =
		restAnswer && isPlainObject(restAnswer.connection) ? restAnswer.connection : undefined;
	const previous = details ? textOf(details.previousConnection) : undefined;
	const others = () =>
		openedTo(records, connection.serviceId).filter((c) => !sameId(c.id, connection.id));
	if (previous !== undefined) {
		const named = () => others().filter((c) => c.proxy === previous || sameId(c.id, previous));
		// A connect to this service still awaiting its answer may be the one remote.it replaced: wait for its record.
		let replaced = named();
		if (replaced.length === 0) {
			await look.siblingsAnswered();
			replaced = named();
		}
		// What remote.it says it replaced is gone, whoever opened it: its record would only pile up until it expires.
		for (const c of replaced) records.delete(c.id);
		return replaced.find((c) => claimOrder(c.id) !== undefined)?.id;
	}
	await look.siblingsAnswered();
	const handedOut = () => others().filter((c) => claimOrder(c.id) !== undefined);
	if (handedOut().length === 0) return undefined;
	const sessions = await look.live();
	const isLive = (c: Connection) => sessions.some((s) => sameId(s.id, c.id));
	const mine = claimOrder(connection.id) ?? Infinity;
	// Read again: connects that shared the list may have named some meanwhile.
	const gone = handedOut()
		.filter((c) => !isLive(c))
		.map((c) => ({ c, order: claimOrder(c.id) ?? Infinity }));
	const latest = (list: typeof gone) => list.sort((a, b) => b.order - a.order)[0]?.c;
	const replaced =
		latest(gone.filter(({ order }) => order < mine)) ??
		(isLive(connection) ? latest(gone.filter(({ order }) => order > mine)) : undefined);
	if (replaced) records.delete(replaced.id);
	return replaced?.id;
}
