/**
 * Reuse and replacement, decided from the account's connections opened in this process (connection-records.ts):
 * remote.it's session list says which are still live but carries no address (docs/remoteit-api.md §3).
 */
import { isPlainObject, textOf } from '../json-values';
import type { ApiContext } from '../wire/api';
import { listActiveConnections } from './active';
import type { ActiveConnection, Connection, RemoteItAuth } from '../types';
import { createHash } from 'node:crypto';

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

/**
 * Connections opened in this process, per account: the only source of a connection's address and access mode
 * (remote.it's session list carries neither, docs/remoteit-api.md §3). Shared by every client of the same
 * account and API, so Reuse works across n8n executions and Node-RED messages in one process.
 */
export type ConnectionRecords = Map<string, Connection>;

const registry = new Map<string, ConnectionRecords>();

/** An account's key without any secret in it: key id, username or a hash of the token. */
export function accountKey(apiUrl: string, auth: RemoteItAuth): string {
	const who =
		auth.type === 'accessKey'
			? auth.accessKeyId
			: auth.type === 'password'
				? auth.username.toLowerCase()
				: createHash('sha256').update(auth.token).digest('hex');
	return `${apiUrl} ${auth.type} ${who}`;
}

/** When each account's records were last swept: a sweep reads every record, so not on every request. */
const sweptAtMs = new Map<string, number>();
const SWEEP_EVERY_MS = 60_000;

/**
 * The account's records, with connections past their expiry dropped (at most a minute late: a process that connects
 * to the same services all day holds thousands, and reading them all on every connect cost more than the request).
 */
export function recordsFor(key: string, nowMs: number): ConnectionRecords {
	let records = registry.get(key);
	if (!records) registry.set(key, (records = new Map()));
	const sweptAt = sweptAtMs.get(key);
	if (sweptAt === undefined || nowMs < sweptAt || nowMs - sweptAt >= SWEEP_EVERY_MS) {
		sweptAtMs.set(key, nowMs);
		for (const [id, c] of records) if (Date.parse(c.expiresAt) <= nowMs) records.delete(id);
	}
	return records;
}

/**
 * What one client knows about the connects it made: which connection ids it handed out (so reconciliation never
 * takes another item's connection for a lost one) and which connects to a service are still waiting for their
 * answer (a lost connect waits for them, so their connections are claimed before it looks).
 */
/** Handed-out ids are forgotten after remote.it's usual proxy lifetime (8 h, docs/remoteit-api.md §5), with margin. */
const CLAIM_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface ConnectAttempt {
	readonly serviceId: string;
	/** Resolves when this attempt's request (not its reconciliation) has ended, with its connection id claimed if any. */
	readonly requestEnded: Promise<void>;
	end(): void;
}

export class ConnectLedger {
	private readonly claimed = new Map<string, { atMs: number; order: number }>();
	private orders = 0;
	private readonly inFlight = new Map<string, Set<ConnectAttempt>>();
	private readonly queues = new Map<string, Promise<unknown>>();

	constructor(private readonly nowMs: () => number) {}

	begin(serviceId: string): ConnectAttempt {
		const running = this.inFlight.get(serviceId) ?? new Set<ConnectAttempt>();
		this.inFlight.set(serviceId, running);
		let resolve: () => void = () => undefined;
		const requestEnded = new Promise<void>((r) => (resolve = r));
		const attempt: ConnectAttempt = {
			serviceId,
			requestEnded,
			end: () => {
				running.delete(attempt);
				if (running.size === 0) this.inFlight.delete(serviceId);
				resolve();
			},
		};
		running.add(attempt);
		return attempt;
	}

	/** The other connects to this service whose answers are still awaited. */
	othersInFlight(attempt: ConnectAttempt): Promise<void>[] {
		return [...(this.inFlight.get(attempt.serviceId) ?? [])]
			.filter((a) => a !== attempt)
			.map((a) => a.requestEnded);
	}

	/** Every connect of this client whose answer is still awaited, to whatever service. */
	allInFlight(): Promise<void>[] {
		return [...this.inFlight.values()].flatMap((running) =>
			[...running].map((a) => a.requestEnded),
		);
	}

	/** Claims a connection id when its answer arrives; claims are numbered in the order answers arrived. */
	claim(connectionId: string): number {
		const now = this.nowMs();
		for (const [id, claim] of this.claimed)
			if (now - claim.atMs > CLAIM_LIFETIME_MS) this.claimed.delete(id);
		const order = this.nextOrder();
		this.claimed.set(connectionId.toUpperCase(), { atMs: now, order });
		return order;
	}

	/** A number past every claim so far: what happens next is ordered after them. */
	nextOrder(): number {
		return (this.orders += 1);
	}

	release(connectionId: string): void {
		this.claimed.delete(connectionId.toUpperCase());
	}

	isClaimed(connectionId: string): boolean {
		return this.claimed.has(connectionId.toUpperCase());
	}

	/** When this client handed the connection out, as a claim number; undefined if it did not. */
	claimOrder(connectionId: string): number | undefined {
		return this.claimed.get(connectionId.toUpperCase())?.order;
	}

	/** Runs reconciliations of one service one at a time, so two of them never act on the same connection. */
	serially<T>(serviceId: string, task: () => Promise<T>): Promise<T> {
		const previous = this.queues.get(serviceId) ?? Promise.resolve();
		const next = previous.catch(() => undefined).then(task);
		const settled = next.catch(() => undefined);
		this.queues.set(serviceId, settled);
		void settled.then(() => {
			if (this.queues.get(serviceId) === settled) this.queues.delete(serviceId);
		});
		return next;
	}
}
