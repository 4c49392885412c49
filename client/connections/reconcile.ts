/**
 * Nothing left open after a failure (docs/design.md, "Reliability"). A connect whose outcome is unknown (timeout,
 * dropped connection, 5xx or an unreadable answer after the request went out) may still have opened a proxy on
 * remote.it, and a disconnect that ran out of retries may have left one open. Both look at the account's live
 * sessions (the session id is the connection id, docs/remoteit-api.md §3) before they report.
 */
import type { ConnectAttempt, ConnectLedger } from './book';
import type { ConnectionRequest } from './result';
import { RemoteItError, RemoteItNotFoundError } from '../errors';
import { headerValue } from '../wire/request';
import { withSend, type ApiContext } from '../wire/api';
import { listActiveConnections } from './active';
import type { Connection, ActiveConnection } from '../types';

/**
 * Session times are remote.it's clock, our start time is ours: the difference is measured from the Date header of
 * the session list's own answer, and what that cannot resolve (its one-second resolution, the round trip) is
 * allowed for. A connection opened earlier than that by anyone else is never taken for ours.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 2_000;
/**
 * Looks after a timeout: at once, then spread over two more timeouts (at most LATE_WINDOW_MS), since the request
 * is still on its way and a busy remote.it (or a busy machine here) may take as long again. After a dropped connection: at once and once more shortly after. After a 5xx: once.
 */
const LATE_LOOKS = 5;
const LATE_WINDOW_MS = 10_000;
const AFTER_DROP_PAUSE_MS = 1_000;

export type CloseConnection = (serviceId: string, connectionId: string) => Promise<void>;

/**
 * The context with its `send` watched: `uncertain()` is true once a try failed in a way remote.it may still have
 * acted on (a 5xx answer or no answer at all), even if a later try succeeded.
 */
export function watchTries(context: ApiContext): { context: ApiContext; uncertain(): boolean } {
	let uncertain = false;
	const watched = withSend(context, (send) => async (request) => {
		try {
			const response = await send(request);
			if (response.status >= 500) uncertain = true;
			return response;
		} catch (error) {
			uncertain = true;
			throw error;
		}
	});
	return { context: watched, uncertain: () => uncertain };
}

/** Failures after which remote.it may or may not have acted on the request. */
export function outcomeUnknown(error: unknown): error is RemoteItError {
	return (
		error instanceof RemoteItError &&
		(error.code === 'TIMEOUT' || error.code === 'UNAVAILABLE') &&
		!isCancellation(error)
	);
}

/** We cancelled it (a Node-RED flow stopping aborts its account's requests): no look can be taken either. */
function isCancellation(error: RemoteItError): boolean {
	const cause = error.cause;
	if (!(cause instanceof Error)) return false;
	return (
		cause.name === 'AbortError' ||
		cause.name === 'CanceledError' ||
		Reflect.get(cause, 'code') === 'ERR_CANCELED'
	);
}

/** Adds what reconciliation found to the failure's message, and `connectionOpen` (true, false, or unknown). */
export function withFinding<E extends RemoteItError>(
	error: E,
	finding: string,
	connectionOpen?: boolean,
): E {
	error.message = `${error.message} ${finding}`;
	if (connectionOpen !== undefined) Object.assign(error, { connectionOpen });
	return error;
}

interface LostConnect {
	context: ApiContext;
	ledger: ConnectLedger;
	attempt: ConnectAttempt;
	request: ConnectionRequest;
	startedAtMs: number;
	/** A connection id already handed out, here or by another client of the account in this process. */
	known: (connectionId: string) => boolean;
	close: CloseConnection;
}

function createdMs(session: ActiveConnection): number {
	const ms = Date.parse(session.createdAt);
	return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** Sessions to the service opened since the request started that no other call in this process has handed out. */
function unclaimedSince(
	listing: SessionListing,
	lost: Pick<LostConnect, 'known' | 'request' | 'startedAtMs'>,
	except?: string,
): ActiveConnection[] {
	const id = lost.request.serviceId;
	const since = lost.startedAtMs + listing.clockOffsetMs - CLOCK_SKEW_ALLOWANCE_MS;
	return listing.sessions.filter(
		(s) =>
			s.serviceId.toUpperCase() === id &&
			!lost.known(s.id) &&
			s.id.toUpperCase() !== except?.toUpperCase() &&
			createdMs(s) >= since,
	);
}

interface SessionListing {
	sessions: ActiveConnection[];
	/** remote.it's clock minus ours when it answered (0 when it sent no readable Date header). */
	clockOffsetMs: number;
}

/** The account's sessions, with how far remote.it's clock is from ours, read from the answer's Date header. */
async function listActiveConnectionsWithClock(context: ApiContext): Promise<SessionListing> {
	let clockOffsetMs = 0;
	const timed = withSend(context, (send) => async (request) => {
		const response = await send(request);
		const date = Date.parse(headerValue(response.headers, 'date') ?? '');
		if (!Number.isNaN(date)) clockOffsetMs = date - context.requestSettings.now().getTime();
		return response;
	});
	const sessions = await listActiveConnections(timed);
	return { sessions, clockOffsetMs };
}

/** Closes each session; one whose close fails in an unknown way gets the final check a disconnect gets. */
async function closeAll(
	sessions: ActiveConnection[],
	lost: Pick<LostConnect, 'context' | 'request' | 'close'>,
): Promise<string[]> {
	const stillOpen: string[] = [];
	for (const session of sessions) {
		try {
			await closeSurely(lost.context, lost.request.serviceId, session.id, lost.close);
		} catch {
			stillOpen.push(session.id);
		}
	}
	return stillOpen;
}

/** Closes a connection; a close that ends in an unknown way is checked (and retried once) before it counts as failed. */
export async function closeSurely(
	context: ApiContext,
	serviceId: string,
	connectionId: string,
	close: CloseConnection,
): Promise<void> {
	try {
		await close(serviceId, connectionId);
	} catch (error) {
		if (error instanceof RemoteItNotFoundError) return;
		if (
			!outcomeUnknown(error) &&
			!(error instanceof RemoteItError && error.code === 'RATE_LIMITED')
		)
			throw error;
		await confirmDisconnect(error, context, serviceId, connectionId, close);
	}
}

/** How many looks, how far apart: the request may still be on its way when no status came back. */
function lookSchedule(error: RemoteItError, timeoutMs: number): { looks: number; pause: number } {
	if (error.code === 'TIMEOUT') {
		return {
			looks: LATE_LOOKS,
			pause: Math.max(100, Math.round(Math.min(2 * timeoutMs, LATE_WINDOW_MS) / (LATE_LOOKS - 1))),
		};
	}
	if (error.status === undefined)
		return { looks: 2, pause: Math.min(AFTER_DROP_PAUSE_MS, timeoutMs) };
	return { looks: 1, pause: 0 };
}

/**
 * After a connect failed with an unknown outcome: closes whatever remote.it opened for it meanwhile and rethrows
 * the failure saying so. A found connection is never returned: remote.it's session list carries no proxy address
 * (docs/remoteit-api.md §3), and only the lost answer held it, so it could not be used.
 */
export async function reconcileLostConnect(
	error: RemoteItError,
	lost: LostConnect,
): Promise<never> {
	await Promise.all(lost.ledger.othersInFlight(lost.attempt));
	const { looks, pause } = lookSchedule(error, lost.context.requestSettings.timeoutMs);
	// When the lost request may still land, every look is taken and the last one decides: a connection seen early
	// (from an earlier try) may yet be replaced or joined by the late one.
	let found: ActiveConnection[] | undefined;
	let failedLook: unknown;
	for (let look = 1; look <= looks; look++) {
		if (look > 1) await lost.context.requestSettings.sleep(pause);
		try {
			found = unclaimedSince(await listActiveConnectionsWithClock(lost.context), lost);
		} catch (listing) {
			failedLook = listing;
		}
	}
	if (found === undefined) {
		const why = failedLook instanceof Error ? failedLook.message : String(failedLook);
		throw withFinding(
			error,
			`Whether remote.it opened a connection anyway could not be checked (${why}); ` +
				`look for a connection to ${lost.request.serviceId} and disconnect it.`,
		);
	}
	const service = lost.request.serviceId;
	if (found.length === 0)
		throw withFinding(error, `No connection to ${service} was found open afterwards.`);
	const stillOpen = await closeAll(found, lost);
	const ids = found.map((s) => s.id).join(', ');
	if (stillOpen.length === 0) {
		throw withFinding(
			error,
			`remote.it had opened ${ids} meanwhile; it was closed again, so nothing is left open.`,
			false,
		);
	}
	throw withFinding(
		error,
		`remote.it had opened ${ids} meanwhile and ${stillOpen.join(', ')} could not be closed: ` +
			'it is still open, disconnect it by its ID.',
		true,
	);
}

/** After a connect that succeeded only on a retry: closes what earlier tries may have opened (best effort). */
export async function closeStrays(
	kept: Connection,
	lost: Omit<LostConnect, 'attempt'> & { attempt: ConnectAttempt },
): Promise<void> {
	try {
		await Promise.all(lost.ledger.othersInFlight(lost.attempt));
		await closeAll(
			unclaimedSince(await listActiveConnectionsWithClock(lost.context), lost, kept.id),
			lost,
		);
	} catch {
		// The connection asked for is open and returned; a stray that could not be checked expires on its own.
	}
}

/**
 * After a disconnect ran out of tries: looks once whether the connection is still open. Gone means closed
 * (perhaps by one of our own tries), so the disconnect succeeded; still open gets one last close.
 */
export async function confirmDisconnect(
	error: RemoteItError,
	context: ApiContext,
	serviceId: string,
	connectionId: string,
	close: CloseConnection,
): Promise<void> {
	let sessions: ActiveConnection[];
	try {
		sessions = await listActiveConnections(context);
	} catch (listing) {
		const why = listing instanceof Error ? listing.message : String(listing);
		throw withFinding(
			error,
			`Whether connection ${connectionId} is still open could not be checked (${why}); ` +
				'it may stay open until it expires.',
		);
	}
	if (!sessions.some((s) => s.id.toUpperCase() === connectionId.toUpperCase())) return;
	try {
		await close(serviceId, connectionId);
	} catch (last) {
		if (last instanceof RemoteItNotFoundError) return;
		throw withFinding(
			error,
			`Connection ${connectionId} is still open on remote.it; run Disconnect again or let it expire.`,
			true,
		);
	}
}
