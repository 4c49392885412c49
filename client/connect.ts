/** Opens and closes proxy connections through GraphQL or REST v27, with optional reuse of a live session. */
import { connectionFromGraphql, connectionFromRest, connectionFromSession, type ConnectionRequest } from './connection';
import { RemoteItNotFoundError, RemoteItValidationError } from './errors';
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

export async function openConnection(context: ApiContext, records: ConnectionRecords, prepared: PreparedConnect,
  now: () => Date, reuse: boolean): Promise<Connection> {
  const request: ConnectionRequest = { ...prepared.request, now: now() };
  const reused = reuse ? await reusableConnection(context, records, request) : undefined;
  if (reused) return reused;
  let connection: Connection;
  if (prepared.api === 'graphql') {
    const data = await callGraphql(context, CONNECT_QUERIES[prepared.proxyType],
      { serviceId: request.serviceId, hostIP: request.hostIp });
    connection = connectionFromGraphql(data, { ...request, now: now() });
  } else {
    const answer = await callRest(context, 'POST', '/device/connect',
      { deviceaddress: request.serviceId, wait: String(prepared.wait), hostip: request.hostIp });
    connection = connectionFromRest(answer, { ...request, now: now() });
  }
  records.set(request.serviceId, connection);
  return connection;
}

export async function closeConnection(context: ApiContext, records: ConnectionRecords, target: unknown,
  api: 'graphql' | 'rest'): Promise<Disconnection> {
  const fields = typeof target === 'object' && target !== null ? (target as Record<string, unknown>) : {};
  const connectionId = normaliseConnectionId(fields.connectionId);
  const serviceId = normaliseServiceId(fields.serviceId);
  if (api === 'graphql') {
    const data = await callGraphql(context, QUERIES.disconnect, { serviceId, connectionId });
    const closed = typeof data === 'object' && data !== null && Reflect.get(data, 'disconnect') === true;
    if (!closed) {
      throw new RemoteItNotFoundError(`remote.it did not close connection ${connectionId}; it may already have ended.`);
    }
  } else {
    await callRest(context, 'POST', '/device/connect/stop', { deviceaddress: serviceId, connectionid: connectionId });
  }
  if (records.get(serviceId)?.id === connectionId) records.delete(serviceId);
  return { id: connectionId, serviceId, disconnected: true };
}
