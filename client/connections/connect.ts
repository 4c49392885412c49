/** Opens and closes proxy connections through GraphQL or REST v27, with optional reuse of a live connection. */
import { connectionFromGraphql, connectionFromRest, type ConnectionRequest } from './result';
import {
	type ConnectLedger,
	hasRecord,
	replacedBy,
	reusableConnection,
	sameId,
	type SharedSessionList,
	type ConnectionRecords,
} from './book';
import {
	deviceOfflineMessage,
	RemoteItDeviceOfflineError,
	RemoteItError,
	RemoteItNotFoundError,
	RemoteItTimeoutError,
	RemoteItValidationError,
} from '../errors';
import { callGraphql, QUERIES } from '../wire/graphql';
import {
	closeStrays,
	confirmDisconnect,
	outcomeUnknown,
	reconcileLostConnect,
	watchTries,
} from './reconcile';
import { type ApiContext, callRest } from '../wire/api';
import { isPlainObject, textOf } from '../json-values';
import type {
	ApiChoice,
	Connection,
	ConnectOptions,
	Disconnection,
	ProxyType,
	RemoteItAuth,
	ProbeEndpoint,
} from '../types';
import {
	apiChoiceOf,
	normaliseConnectionId,
	normaliseServiceId,
	proxyTypeOf,
	resolveAccessMode,
	wholeNumberOf,
} from '../validate';
import { listActiveConnections } from './active';

/** 'auto' = GraphQL for access keys; REST v27 as docs/remoteit-api.md §2 describes it, for password and token. */
export function resolveApi(choice: ApiChoice, authType: RemoteItAuth['type']): 'graphql' | 'rest' {
	if (choice !== 'auto') return choice;
	return authType === 'accessKey' ? 'graphql' : 'rest';
}

const CONNECT_QUERIES: Record<ProxyType, string> = {
	auto: QUERIES.connect,
	port: QUERIES.connectPortProxy,
	reverse: QUERIES.connectReverseProxy,
};

/** What one client knows about connections: one object per client, built in core.ts. */
export interface ConnectState {
	/** The account's connections opened in this process, shared by every client of that account. */
	records: () => ConnectionRecords;
	/** This client's connects in flight and the connection ids it handed out. */
	ledger: ConnectLedger;
	/** The session list this client's connects share to see what they replaced. */
	sessions: SharedSessionList;
	now: () => Date;
}

interface PreparedConnect {
	api: 'graphql' | 'rest';
	proxyType: ProxyType;
	wait: boolean;
	request: Omit<ConnectionRequest, 'now'>;
}

/** Checks every option before any request. */
export function prepareConnect(
	serviceId: unknown,
	options: ConnectOptions,
	authType: RemoteItAuth['type'],
): PreparedConnect {
	const id = normaliseServiceId(serviceId);
	const { accessMode, hostIp } = resolveAccessMode(options.accessMode, options.hostIp);
	const proxyType = proxyTypeOf(options.proxyType);
	const choice = apiChoiceOf(options.api);
	if (proxyType !== 'auto' && choice === 'rest') {
		throw new RemoteItValidationError(
			'proxyType',
			'Choosing the proxy type needs the GraphQL API; REST v27 always picks it.',
		);
	}
	// REST cannot choose a proxy type, so an explicit type moves 'auto' to GraphQL (token headers work there too).
	const api = proxyType !== 'auto' && choice === 'auto' ? 'graphql' : resolveApi(choice, authType);
	return {
		api,
		proxyType,
		wait: options.wait !== false,
		request: { serviceId: id, accessMode, hostIp, includeRaw: options.includeRaw === true },
	};
}

interface Answered {
	connection: Connection;
	/** REST's answer, which may name the connection remote.it replaced. */
	restAnswer?: Record<string, unknown>;
}

/** Sends the connect over a context whose tries are watched for outcomes remote.it may still have acted on. */
async function requestConnection(
	watched: ApiContext,
	prepared: PreparedConnect,
	request: ConnectionRequest,
	now: () => Date,
): Promise<Answered> {
	if (prepared.api === 'graphql') {
		const data = await callGraphql(watched, CONNECT_QUERIES[prepared.proxyType], {
			serviceId: request.serviceId,
			hostIP: request.hostIp,
		});
		return { connection: connectionFromGraphql(data, { ...request, now: now() }) };
	}
	const restAnswer = await callRest(watched, 'POST', '/device/connect', {
		deviceaddress: request.serviceId,
		wait: String(prepared.wait),
		hostip: request.hostIp,
	});
	return { connection: connectionFromRest(restAnswer, { ...request, now: now() }), restAnswer };
}

/**
 * Opens a connection. When the outcome is unknown, or a retry succeeded after a try remote.it may have acted on,
 * the account's sessions are reconciled before anything is reported, so no proxy is left open unreported.
 */
export async function openConnection(
	context: ApiContext,
	state: ConnectState,
	prepared: PreparedConnect,
	reuse: boolean,
	answers?: (connection: Connection) => Promise<boolean>,
): Promise<Connection> {
	const { ledger, now } = state;
	const request: ConnectionRequest = { ...prepared.request, now: now() };
	const reused = reuse
		? await reusableConnection(context, state.records(), request.serviceId, answers)
		: undefined;
	if (reused) return reused;
	const attempt = ledger.begin(request.serviceId);
	// Another client of this account in this process opened what its records hold: never ours to close.
	const lost = {
		context,
		ledger,
		attempt,
		request,
		startedAtMs: request.now.getTime(),
		known: (id: string) => ledger.isClaimed(id) || hasRecord(state.records(), id),
		close: (serviceId: string, connectionId: string) =>
			disconnectOnce(context, serviceId, connectionId),
	};
	const watch = watchTries(context);
	let answered: Answered;
	try {
		answered = await requestConnection(watch.context, prepared, request, now);
	} catch (error) {
		attempt.end();
		const reported = await explainConnectFailure(context, request.serviceId, error);
		// An earlier try may have opened a connection even when the last one was refused outright (say, a 429).
		if (!(reported instanceof RemoteItError) || !(outcomeUnknown(reported) || watch.uncertain()))
			throw reported;
		return ledger.serially(request.serviceId, () => reconcileLostConnect(reported, lost));
	}
	const { connection, restAnswer } = answered;
	const answeredAt = ledger.claim(connection.id);
	attempt.end();
	if (watch.uncertain())
		await ledger.serially(request.serviceId, () => closeStrays(connection, lost));
	// Recorded before the check, so the connects that share one session list see each other (book.ts).
	state.records().set(connection.id, connection);
	const replaced = await replacedBy(
		state.records(),
		(id) => ledger.claimOrder(id),
		connection,
		restAnswer,
		{
			siblingsAnswered: async () => {
				await Promise.all(ledger.othersInFlight(attempt));
			},
			live: () => state.sessions.after(answeredAt),
		},
	);
	if (replaced) connection.replacedConnectionId = replaced;
	return connection;
}

/** One GraphQL disconnect (any auth type works there); false from remote.it means the connection is not open. */
async function disconnectOnce(
	context: ApiContext,
	serviceId: string,
	connectionId: string,
): Promise<void> {
	const data = await callGraphql(context, QUERIES.disconnect, { serviceId, connectionId });
	const closed = isPlainObject(data) && data.disconnect === true;
	if (!closed) {
		throw new RemoteItNotFoundError(
			`remote.it did not close connection ${connectionId}; it may already have ended.`,
		);
	}
}

/** Closes a connection; when the tries run out, one final look says whether it is still open. */
export async function closeConnection(
	context: ApiContext,
	state: ConnectState,
	target: unknown,
	api: 'graphql' | 'rest',
): Promise<Disconnection> {
	const fields = isPlainObject(target) ? target : {};
	const connectionId = normaliseConnectionId(fields.connectionId);
	const serviceId = normaliseServiceId(fields.serviceId);
	const watch = watchTries(context);
	try {
		if (api === 'graphql') await disconnectOnce(watch.context, serviceId, connectionId);
		else
			await callRest(watch.context, 'POST', '/device/connect/stop', {
				deviceaddress: serviceId,
				connectionid: connectionId,
			});
	} catch (error) {
		const reported = await explainDisconnectFailure(context, connectionId, error);
		// "Not found" after a try that may have closed it: that try did.
		if (reported instanceof RemoteItNotFoundError && watch.uncertain())
			return closed(state, serviceId, connectionId);
		const exhausted =
			outcomeUnknown(reported) ||
			(reported instanceof RemoteItError && reported.code === 'RATE_LIMITED');
		if (!exhausted) throw reported;
		await confirmDisconnect(reported, context, serviceId, connectionId, (s, c) =>
			disconnectOnce(context, s, c),
		);
	}
	return closed(state, serviceId, connectionId);
}

function closed(state: ConnectState, serviceId: string, connectionId: string): Disconnection {
	state.ledger.release(connectionId);
	const records = state.records();
	for (const id of records.keys()) if (sameId(id, connectionId)) records.delete(id);
	return { id: connectionId, serviceId, disconnected: true };
}

/**
 * remote.it publishes no wording for a failed connect or disconnect (docs/remoteit-api.md §6), so a generic
 * failure (API_ERROR) is explained by asking remote.it itself; otherwise it stands as it came.
 */
/** A refused connect: the service is unknown to this account, or its device is offline. */
export async function explainConnectFailure(
	context: ApiContext,
	serviceId: string,
	error: unknown,
): Promise<unknown> {
	if (!(error instanceof RemoteItError) || error.code !== 'API_ERROR') return error;
	let data: unknown;
	try {
		data = await callGraphql(context, QUERIES.serviceState, { id: [serviceId] });
	} catch {
		return error;
	}
	const found =
		isPlainObject(data) && isPlainObject(data.login) && Array.isArray(data.login.service)
			? data.login.service.filter(isPlainObject)
			: [];
	const reason = error.reason ?? error.message;
	const details = { reason: error.reason, status: error.status, cause: error };
	if (found.length === 0) {
		return new RemoteItNotFoundError(
			`This remote.it account has no service ${serviceId} (remote.it said: ${reason}). Check the id.`,
			details,
		);
	}
	const device = isPlainObject(found[0].device) ? found[0].device : {};
	if (found[0].online === false || device.online === false) {
		const names = { device: textOf(device.name), service: textOf(found[0].name) };
		return new RemoteItDeviceOfflineError(deviceOfflineMessage(names), details);
	}
	return error;
}

/** A refused disconnect of a connection the account no longer lists is a NOT_FOUND, whatever remote.it's wording. */
export async function explainDisconnectFailure(
	context: ApiContext,
	connectionId: string,
	error: unknown,
): Promise<unknown> {
	if (!(error instanceof RemoteItError) || error.code !== 'API_ERROR') return error;
	try {
		if ((await listActiveConnections(context)).some((s) => sameId(s.id, connectionId)))
			return error;
	} catch {
		return error;
	}
	return new RemoteItNotFoundError(
		`This remote.it account has no live connection ${connectionId}; it may already have ended (remote.it said: ${error.reason ?? error.message}).`,
		{ reason: error.reason, status: error.status, cause: error },
	);
}

/**
 * Connect's "wait until reachable": probe the new endpoint until it accepts a connection or a time limit passes
 * (docs/remoteit-api.md §7). The probe, the clock and the sleep are injected, so the client opens no socket and
 * starts no timer of its own.
 */
export const DEFAULT_REACHABLE_TIMEOUT_MS = 30_000;
export const MAX_REACHABLE_TIMEOUT_MS = 600_000;
const PROBE_INTERVAL_MS = 500;

export function reachableTimeoutOf(value: unknown): number {
	return wholeNumberOf('reachableTimeoutMs', value, {
		min: 1000,
		max: MAX_REACHABLE_TIMEOUT_MS,
		fallback: DEFAULT_REACHABLE_TIMEOUT_MS,
		unit: 'milliseconds',
	});
}

export interface ReachableSettings {
	probe: ProbeEndpoint;
	timeoutMs: number;
	now: () => Date;
	sleep: (ms: number) => Promise<void>;
}

/** Resolves once a probe succeeds; rejects with RemoteItTimeoutError when the time is up (a failing probe counts as "not yet"). */
export async function waitUntilReachable(
	connection: Connection,
	settings: ReachableSettings,
): Promise<void> {
	const started = settings.now().getTime();
	const endpoint = { host: connection.host, port: connection.port, url: connection.url };
	for (;;) {
		const reached = await settings.probe(endpoint).catch(() => false);
		if (reached) return;
		const elapsed = settings.now().getTime() - started;
		if (elapsed >= settings.timeoutMs) {
			throw new RemoteItTimeoutError(
				`The proxy ${connection.url} did not accept a connection within ${Math.round(settings.timeoutMs / 1000)} s, so it was closed. The device's service may not be running.`,
				settings.timeoutMs,
			);
		}
		await settings.sleep(Math.min(PROBE_INTERVAL_MS, settings.timeoutMs - elapsed));
	}
}
