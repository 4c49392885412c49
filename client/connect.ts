/** Opens and closes proxy connections through GraphQL or REST v27, with optional reuse of a live session. */
import { connectionFromGraphql, connectionFromRest, connectionFromSession, type ConnectionRequest } from './connection';
import { RemoteItError, RemoteItNotFoundError, RemoteItValidationError } from './errors';
import { callGraphql, QUERIES } from './graphql';
import type { ConnectLedger } from './connect-ledger';
import { closeStrays, confirmDisconnect, outcomeUnknown, reconcileLostConnect, watchTries } from './reconcile';
import { callRest, type ApiContext } from './rest';
import { listSessions } from './sessions';
import type { ApiChoice, Connection, ConnectOptions, Disconnection, ProxyType, RemoteItAuth } from './types';
import { apiChoiceOf, normaliseConnectionId, normaliseServiceId, proxyTypeOf, resolveAccessMode } from './validate';

/** 'auto' = GraphQL for access keys; REST v27, exactly as the seed document calls it, for password and token. */
export function resolveApi(choice: ApiChoice, authType: RemoteItAuth['type']): 'graphql' | 'rest' {
  if (choice !== 'auto') return choice;
  return authType === 'accessKey' ? 'graphql' : 'rest';
}

const CONNECT_QUERIES: Record<ProxyType, string> = {
  auto: QUERIES.connect, port: QUERIES.connectPortProxy, reverse: QUERIES.connectReverseProxy,
};

/** Connections this client opened, by service id: the only source of a reused connection's real access mode. */
export type ConnectionRecords = Map<string, Connection>;

interface PreparedConnect {
  api: 'graphql' | 'rest';
  proxyType: ProxyType;
  wait: boolean;
  request: Omit<ConnectionRequest, 'now'>;
}

/** Checks every option before any request. */
export function prepareConnect(serviceId: unknown, options: ConnectOptions, authType: RemoteItAuth['type']): PreparedConnect {
  const id = normaliseServiceId(serviceId);
  const { accessMode, hostIp } = resolveAccessMode(options.accessMode, options.hostIp);
  const proxyType = proxyTypeOf(options.proxyType);
  const choice = apiChoiceOf(options.api);
  if (proxyType !== 'auto' && choice === 'rest') {
    throw new RemoteItValidationError('proxyType', 'Choosing the proxy type needs the GraphQL API; REST v27 always picks it.');
  }
  // REST cannot choose a proxy type, so an explicit type moves 'auto' to GraphQL (token headers work there too).
  const api = proxyType !== 'auto' && choice === 'auto' ? 'graphql' : resolveApi(choice, authType);
  return { api, proxyType, wait: options.wait !== false,
    request: { serviceId: id, accessMode, hostIp, includeRaw: options.includeRaw === true } };
}

async function reusableConnection(context: ApiContext, records: ConnectionRecords, request: ConnectionRequest): Promise<Connection | undefined> {
  const live = (await listSessions(context)).find((s) => s.serviceId === request.serviceId);
  if (!live) return undefined;
  const mine = records.get(request.serviceId);
  if (mine && mine.id.toLowerCase() === live.id.toLowerCase()) return mine;
  return connectionFromSession(live, request);
}

/** Sends the connect over a context whose tries are watched for outcomes remote.it may still have acted on. */
async function requestConnection(watched: ApiContext, prepared: PreparedConnect, request: ConnectionRequest,
  now: () => Date): Promise<Connection> {
  if (prepared.api === 'graphql') {
    const data = await callGraphql(watched, CONNECT_QUERIES[prepared.proxyType],
      { serviceId: request.serviceId, hostIP: request.hostIp });
    return connectionFromGraphql(data, { ...request, now: now() });
  }
  const answer = await callRest(watched, 'POST', '/device/connect',
    { deviceaddress: request.serviceId, wait: String(prepared.wait), hostip: request.hostIp });
  return connectionFromRest(answer, { ...request, now: now() });
}

export interface ConnectState {
  records: ConnectionRecords;
  ledger: ConnectLedger;
  now: () => Date;
}

/**
 * Opens a connection. When the outcome is unknown, or a retry succeeded after a try remote.it may have acted on,
 * the account's sessions are reconciled before anything is reported, so no proxy is left open unreported.
 */
export async function openConnection(context: ApiContext, state: ConnectState, prepared: PreparedConnect,
  reuse: boolean): Promise<Connection> {
  const { records, ledger, now } = state;
  const request: ConnectionRequest = { ...prepared.request, now: now() };
  const reused = reuse ? await reusableConnection(context, records, request) : undefined;
  if (reused) return reused;
  const attempt = ledger.begin(request.serviceId);
  const lost = { context, ledger, attempt, request, startedAtMs: request.now.getTime(),
    close: (serviceId: string, connectionId: string) => disconnectOnce(context, serviceId, connectionId) };
  const watch = watchTries(context);
  let connection: Connection;
  try {
    connection = await requestConnection(watch.context, prepared, request, now);
  } catch (error) {
    attempt.end();
    // An earlier try may have opened a connection even when the last one was refused outright (say, a 429).
    if (!(error instanceof RemoteItError) || !(outcomeUnknown(error) || watch.uncertain())) throw error;
    connection = await ledger.serially(request.serviceId, () => reconcileLostConnect(error, lost));
    records.set(request.serviceId, connection);
    return connection;
  }
  ledger.claim(connection.id);
  attempt.end();
  if (watch.uncertain()) await ledger.serially(request.serviceId, () => closeStrays(connection, lost));
  records.set(request.serviceId, connection);
  return connection;
}

/** One GraphQL disconnect (any auth type works there); false from remote.it means the connection is not open. */
async function disconnectOnce(context: ApiContext, serviceId: string, connectionId: string): Promise<void> {
  const data = await callGraphql(context, QUERIES.disconnect, { serviceId, connectionId });
  const closed = typeof data === 'object' && data !== null && Reflect.get(data, 'disconnect') === true;
  if (!closed) {
    throw new RemoteItNotFoundError(`remote.it did not close connection ${connectionId}; it may already have ended.`);
  }
}

/** Closes a connection; when the tries run out, one final look says whether it is still open. */
export async function closeConnection(context: ApiContext, state: ConnectState, target: unknown,
  api: 'graphql' | 'rest'): Promise<Disconnection> {
  const fields = typeof target === 'object' && target !== null ? (target as Record<string, unknown>) : {};
  const connectionId = normaliseConnectionId(fields.connectionId);
  const serviceId = normaliseServiceId(fields.serviceId);
  const watch = watchTries(context);
  try {
    if (api === 'graphql') await disconnectOnce(watch.context, serviceId, connectionId);
    else await callRest(watch.context, 'POST', '/device/connect/stop', { deviceaddress: serviceId, connectionid: connectionId });
  } catch (error) {
    // "Not found" after a try that may have closed it: that try did.
    if (error instanceof RemoteItNotFoundError && watch.uncertain()) return closed(state, serviceId, connectionId);
    const exhausted = outcomeUnknown(error) || (error instanceof RemoteItError && error.code === 'RATE_LIMITED');
    if (!exhausted) throw error;
    await confirmDisconnect(error, context, serviceId, connectionId, (s, c) => disconnectOnce(context, s, c));
  }
  return closed(state, serviceId, connectionId);
}

function closed(state: ConnectState, serviceId: string, connectionId: string): Disconnection {
  state.ledger.release(connectionId);
  if (state.records.get(serviceId)?.id === connectionId) state.records.delete(serviceId);
  return { id: connectionId, serviceId, disconnected: true };
}
