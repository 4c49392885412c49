/** Opens and closes proxy connections through GraphQL or REST v27, with optional reuse of a live session. */
import { connectionFromGraphql, connectionFromRest, type ConnectionRequest } from './connection';
import { RemoteItDeviceOfflineError, RemoteItError, RemoteItNotFoundError, RemoteItValidationError } from './errors';
import type { ConnectionRecords } from './connection-records';
import { isObject, textOf } from './json-values';
import { callGraphql, QUERIES } from './graphql';
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

/** The account's connections opened in this process, and the ids this client itself opened. */
export interface ConnectionLedger {
  records: () => ConnectionRecords;
  openedHere: Set<string>;
}

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

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function openedTo(records: ConnectionRecords, serviceId: string): Connection[] {
  return [...records.values()].filter((c) => c.serviceId === serviceId);
}

/**
 * Reuse only what provably belongs to this account and is still live: a connection this client opened (so its
 * address is known) that remote.it still lists among the account's own proxy sessions. Anything else: undefined.
 */
async function reusableConnection(context: ApiContext, records: ConnectionRecords, serviceId: string,
  answers?: (connection: Connection) => Promise<boolean>): Promise<Connection | undefined> {
  const mine = openedTo(records, serviceId);
  if (mine.length === 0) return undefined;
  const live = await listSessions(context);
  const reusable = mine.reverse().find((c) => live.some((s) => sameId(s.id, c.id)));
  for (const c of mine) if (c !== reusable && !live.some((s) => sameId(s.id, c.id))) records.delete(c.id);
  // With a probe at hand (Wait Until Reachable), a listed connection must also still accept a connection.
  if (reusable && answers && !(await answers(reusable))) return undefined;
  return reusable;
}

/**
 * remote.it may close a user's earlier connection to the same service when a new one opens (REST answers
 * `previousConnection`, docs/remoteit-api.md §2). The output names this client's connection that is gone, so a
 * second Connect in one run never silently ends the first.
 */
async function replacedBy(context: ApiContext, ledger: ConnectionLedger, connection: Connection, restAnswer?: Record<string, unknown>): Promise<string | undefined> {
  const records = ledger.records();
  const earlier = openedTo(records, connection.serviceId).filter((c) => !sameId(c.id, connection.id) && ledger.openedHere.has(c.id));
  if (earlier.length === 0) return undefined;
  const details = restAnswer && isObject(restAnswer.connection) ? restAnswer.connection : undefined;
  const previous = details ? textOf(details.previousConnection) : undefined;
  let gone: Connection[];
  if (previous !== undefined) {
    gone = earlier.filter((c) => c.proxy === previous || sameId(c.id, previous));
  } else {
    const live = await listSessions(context);
    gone = earlier.filter((c) => !live.some((s) => sameId(s.id, c.id)));
  }
  for (const c of gone) records.delete(c.id);
  return gone[0]?.id;
}

/**
 * remote.it publishes no wording for a failed connect (docs/remoteit-api.md §6), so a generic failure is
 * explained by asking remote.it about the service: unknown to this account, or offline. Otherwise it stands.
 */
async function explainConnectFailure(context: ApiContext, serviceId: string, error: unknown): Promise<unknown> {
  if (!(error instanceof RemoteItError) || error.code !== 'API_ERROR') return error;
  let data: unknown;
  try {
    data = await callGraphql(context, QUERIES.serviceState, { id: [serviceId] });
  } catch {
    return error;
  }
  const found = isObject(data) && isObject(data.login) && Array.isArray(data.login.service) ? data.login.service.filter(isObject) : [];
  const reason = error.reason ?? error.message;
  const details = { reason: error.reason, status: error.status, cause: error };
  if (found.length === 0) {
    return new RemoteItNotFoundError(`This remote.it account has no service ${serviceId} (remote.it said: ${reason}). Check the id.`, details);
  }
  const device = isObject(found[0].device) ? found[0].device : {};
  if (found[0].online === false || device.online === false) {
    return new RemoteItDeviceOfflineError(`The device is offline, so remote.it cannot connect to it (remote.it said: ${reason}). Try again once it is online.`, details);
  }
  return error;
}

/** A refused disconnect of a connection the account no longer lists is a NOT_FOUND, whatever remote.it's wording. */
async function explainDisconnectFailure(context: ApiContext, connectionId: string, error: unknown): Promise<unknown> {
  if (!(error instanceof RemoteItError) || error.code !== 'API_ERROR') return error;
  try {
    if ((await listSessions(context)).some((s) => sameId(s.id, connectionId))) return error;
  } catch {
    return error;
  }
  return new RemoteItNotFoundError(`This remote.it account has no live connection ${connectionId}; it may already have ended (remote.it said: ${error.reason ?? error.message}).`,
    { reason: error.reason, status: error.status, cause: error });
}

export async function openConnection(context: ApiContext, ledger: ConnectionLedger, prepared: PreparedConnect,
  now: () => Date, reuse: boolean, answers?: (connection: Connection) => Promise<boolean>): Promise<Connection> {
  const request: ConnectionRequest = { ...prepared.request, now: now() };
  const reused = reuse ? await reusableConnection(context, ledger.records(), request.serviceId, answers) : undefined;
  if (reused) return reused;
  let connection: Connection;
  let restAnswer: Record<string, unknown> | undefined;
  try {
    if (prepared.api === 'graphql') {
      const data = await callGraphql(context, CONNECT_QUERIES[prepared.proxyType],
        { serviceId: request.serviceId, hostIP: request.hostIp });
      connection = connectionFromGraphql(data, { ...request, now: now() });
    } else {
      restAnswer = await callRest(context, 'POST', '/device/connect',
        { deviceaddress: request.serviceId, wait: String(prepared.wait), hostip: request.hostIp });
      connection = connectionFromRest(restAnswer, { ...request, now: now() });
    }
  } catch (error) {
    throw await explainConnectFailure(context, request.serviceId, error);
  }
  const replaced = await replacedBy(context, ledger, connection, restAnswer);
  if (replaced) connection.replacedConnectionId = replaced;
  ledger.records().set(connection.id, connection);
  ledger.openedHere.add(connection.id);
  return connection;
}

export async function closeConnection(context: ApiContext, ledger: ConnectionLedger, target: unknown,
  api: 'graphql' | 'rest'): Promise<Disconnection> {
  const fields = typeof target === 'object' && target !== null ? (target as Record<string, unknown>) : {};
  const connectionId = normaliseConnectionId(fields.connectionId);
  const serviceId = normaliseServiceId(fields.serviceId);
  try {
    if (api === 'graphql') {
      const data = await callGraphql(context, QUERIES.disconnect, { serviceId, connectionId });
      const closed = typeof data === 'object' && data !== null && Reflect.get(data, 'disconnect') === true;
      if (!closed) {
        throw new RemoteItNotFoundError(`remote.it did not close connection ${connectionId}; it may already have ended.`);
      }
    } else {
      await callRest(context, 'POST', '/device/connect/stop', { deviceaddress: serviceId, connectionid: connectionId });
    }
  } catch (error) {
    throw await explainDisconnectFailure(context, connectionId, error);
  }
  const records = ledger.records();
  for (const id of records.keys()) if (sameId(id, connectionId)) records.delete(id);
  return { id: connectionId, serviceId, disconnected: true };
}
