/**
 * Calls to remote.it's GraphQL v1 API (contract section 3). Query texts are constants: user input only ever
 * travels as variables. Errors come as HTTP 200 with `errors[]` (only `message` is reliable); auth failures as a
 * bare 401/403.
 */
import {
  RemoteItAuthError, RemoteItDeviceOfflineError, RemoteItError, RemoteItNotFoundError, RemoteItRateLimitError,
  RemoteItUnavailableError,
} from './errors';
import { describeRequest, errorForStatus, parseJsonBody, sendWithRetry } from './request';
import type { ApiContext } from './rest';
import type { HttpRequest } from './types';

export const GRAPHQL_PATH = '/graphql/v1';

const DEVICE_FIELDS = 'id name state online hardwareId lastReported services { id name state online application title port }';

export const QUERIES = {
  login: 'query Login { login { id email } }',
  devices: `query Devices($size: Int, $from: Int, $name: String, $state: String) {
  login { devices(size: $size, from: $from, name: $name, state: $state, sort: "name") {
    total hasMore items { ${DEVICE_FIELDS} } } } }`,
  device: `query Device($id: [String!]!) { login { device(id: $id) { ${DEVICE_FIELDS} } } }`,
  sessions: 'query Sessions { login { sessions { id timestamp target { id name } endpoint { proxy } } } }',
  events: `query Events($from: Int, $size: Int, $minDate: DateTime, $types: [EventType!]) {
  login { events(from: $from, size: $size, minDate: $minDate, types: $types) {
    total hasMore items { id type state timestamp target { id name } } } } }`,
  connect: `mutation Connect($serviceId: String!, $hostIP: String!) {
  connect(serviceId: $serviceId, hostIP: $hostIP) { id host port reverseProxy url created timeout } }`,
  // The proxy type is written as an enum literal: the contract names its values but not the enum type a
  // `$type` variable would have to declare. Neither text carries user input.
  connectPortProxy: `mutation ConnectPortProxy($serviceId: String!, $hostIP: String!) {
  connect(serviceId: $serviceId, hostIP: $hostIP, type: PORT_PROXY) { id host port reverseProxy url created timeout } }`,
  connectReverseProxy: `mutation ConnectReverseProxy($serviceId: String!, $hostIP: String!) {
  connect(serviceId: $serviceId, hostIP: $hostIP, type: REVERSE_PROXY) { id host port reverseProxy url created timeout } }`,
  // serviceId is always sent; String! also fits a schema that requires it (remote.it's desktop app declares it so).
  disconnect: `mutation Disconnect($serviceId: String!, $connectionId: String!) {
  disconnect(serviceId: $serviceId, connectionId: $connectionId) }`,
} as const;

interface GraphqlEnvelope {
  data?: unknown;
  errors?: unknown;
}

function firstErrorMessage(errors: unknown): string | undefined {
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const messages = errors.map((e: unknown) =>
    typeof e === 'object' && e !== null && typeof Reflect.get(e, 'message') === 'string' ? String(Reflect.get(e, 'message')) : 'unknown error');
  return messages.join('; ');
}

/** The typed error for a GraphQL `errors[]` message (remote.it sends no error codes, so the text decides). */
export function errorForGraphqlMessage(message: string, where: string, status: number): RemoteItError {
  const details = { reason: message, status };
  if (/inactive|offline|not online/i.test(message)) {
    return new RemoteItDeviceOfflineError(`The device is offline, so remote.it cannot connect to it (${message}). Try again once it is online.`, details);
  }
  if (/not found|does not exist|no such|unknown (service|device|connection)|invalid (service|device)/i.test(message)) {
    return new RemoteItNotFoundError(`remote.it does not know that service, device or connection (${message}). Check the id.`, details);
  }
  if (/unauthori[sz]ed|forbidden|unauthenticated|not authenticated|access denied/i.test(message)) {
    return new RemoteItAuthError(`remote.it refused the request (${message}). Check the credentials.`, details);
  }
  if (/too many|throttl|rate limit/i.test(message)) {
    return new RemoteItRateLimitError(`remote.it is throttling requests (${message}). Wait a while and send fewer requests.`, details);
  }
  return new RemoteItError(`remote.it refused ${where}: ${message}`, 'API_ERROR', details);
}

/** Runs one GraphQL operation and returns its `data`. */
export async function callGraphql(context: ApiContext, query: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  return context.session.withAuthorization(async (authorize) => {
    const body = JSON.stringify({ query, variables });
    const build = (): HttpRequest => authorize({
      method: 'POST',
      url: `${context.apiUrl}${GRAPHQL_PATH}`,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
    });
    let sent: HttpRequest | undefined;
    const response = await sendWithRetry(context.request, () => (sent = build()));
    const request = sent ?? build();
    if (response.status < 200 || response.status >= 300) {
      throw errorForStatus(request, response, context.request, context.session.authAdvice);
    }
    const envelope = parseJsonBody(request, response) as GraphqlEnvelope | null;
    const where = describeRequest(request);
    const message = firstErrorMessage(envelope?.errors);
    if (message !== undefined) throw errorForGraphqlMessage(context.request.redact(message), where, response.status);
    if (typeof envelope !== 'object' || envelope === null || envelope.data === undefined || envelope.data === null) {
      throw new RemoteItUnavailableError(`remote.it answered ${where} without data; the answer is not usable.`,
        { status: response.status });
    }
    return envelope.data;
  });
}
