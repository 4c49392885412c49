/**
 * Calls to remote.it's GraphQL v1 API and the reading of its answers (docs/remoteit-api.md §3). Query texts are
 * constants: user input only ever travels as variables. Errors come as HTTP 200 with `errors[]` (only `message` is
 * reliable); auth failures as a bare 401/403.
 */
import {
	RemoteItAuthError,
	RemoteItError,
	RemoteItNotFoundError,
	RemoteItRateLimitError,
	RemoteItUnavailableError,
	throttledMessage,
} from '../errors';
import type { ApiContext } from './api';
import { isPlainObject } from '../json-values';
import { MAX_PAGE_SIZE } from '../validate';
import {
	describeRequest,
	errorForStatus,
	parseJsonBody,
	sendWithRetry,
	type RequestSettings,
} from './request';
import type { HttpRequest, HttpResponse } from '../types';

export const GRAPHQL_PATH = '/graphql/v1';

const DEVICE_FIELDS =
	'id name state online hardwareId lastReported tags { name } services { id name state online application title port }';

export const QUERIES = {
	login: 'query Login { login { id email } }',
	devices: `query Devices($size: Int, $from: Int, $name: String, $state: String, $tag: ListFilter) {
  login { devices(size: $size, from: $from, name: $name, state: $state, tag: $tag, sort: "name") {
    total hasMore items { ${DEVICE_FIELDS} } } } }`,
	device: `query Device($id: [String!]!) { login { device(id: $id) { ${DEVICE_FIELDS} } } }`,
	sessions:
		'query Sessions { login { id sessions { id timestamp user { id } target { id name device { id name } } endpoint { proxy } } } }',
	serviceState:
		'query ServiceState($id: [String!]!) { login { service(id: $id) { id name online device { id name online } } } }',
	events: `query Events($from: Int, $size: Int, $minDate: DateTime, $types: [EventType!]) {
  login { events(from: $from, size: $size, minDate: $minDate, types: $types) {
    total hasMore items { id type state timestamp target { id name device { id name } } } } } }`,
	connect: `mutation Connect($serviceId: String!, $hostIP: String!) {
  connect(serviceId: $serviceId, hostIP: $hostIP) { id host port reverseProxy url created timeout } }`,
	// The proxy type is an enum literal of remote.it's `ProxyType` (docs/remoteit-api.md §3), not a variable:
	// neither text carries user input.
	connectPortProxy: `mutation ConnectPortProxy($serviceId: String!, $hostIP: String!) {
  connect(serviceId: $serviceId, hostIP: $hostIP, type: PORT_PROXY) { id host port reverseProxy url created timeout } }`,
	connectReverseProxy: `mutation ConnectReverseProxy($serviceId: String!, $hostIP: String!) {
  connect(serviceId: $serviceId, hostIP: $hostIP, type: REVERSE_PROXY) { id host port reverseProxy url created timeout } }`,
	// serviceId is always sent; String! also fits a schema that requires it (remote.it's desktop app declares it so).
	disconnect: `mutation Disconnect($serviceId: String!, $connectionId: String!) {
  disconnect(serviceId: $serviceId, connectionId: $connectionId) }`,
	// A device's id is the serviceId of its tags; addTag makes tags that do not exist yet (docs/remoteit-api.md §3a).
	addTags: `mutation AddTags($serviceId: [String!]!, $name: [String!]!) {
  addTag(serviceId: $serviceId, name: $name) }`,
	removeTags: `mutation RemoveTags($serviceId: [String!]!, $name: [String!]!) {
  removeTag(serviceId: $serviceId, name: $name) }`,
} as const;

interface GraphqlEnvelope {
	data?: unknown;
	errors?: unknown;
}

function firstErrorMessage(errors: unknown): string | undefined {
	if (!Array.isArray(errors) || errors.length === 0) return undefined;
	const messages = errors.map((e: unknown) =>
		isPlainObject(e) && typeof e.message === 'string' ? e.message : 'unknown error',
	);
	return messages.join('; ');
}

/**
 * The typed error for a GraphQL `errors[]` entry. remote.it publishes no error codes or texts for GraphQL
 * (docs/remoteit-api.md §6), so only a standard `extensions.code` decides; anything else is a generic API_ERROR
 * carrying remote.it's message, which connect and disconnect then explain by asking remote.it (connect-disconnect.ts).
 */
export function errorForGraphqlMessage(
	message: string,
	where: string,
	status: number,
	code?: string,
): RemoteItError {
	const details = { reason: message, status };
	if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') {
		return new RemoteItAuthError(
			`remote.it refused the request (${message}). Check the credentials.`,
			details,
		);
	}
	if (code === 'NOT_FOUND')
		return new RemoteItNotFoundError(
			`remote.it does not know that service, device or connection (${message}). Check the id.`,
			details,
		);
	if (code === 'TOO_MANY_REQUESTS' || code === 'RATE_LIMITED') {
		return new RemoteItRateLimitError(throttledMessage(message), details);
	}
	return new RemoteItError(`remote.it refused ${where}: ${message}`, 'API_ERROR', details);
}

function firstErrorCode(errors: unknown): string | undefined {
	const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
	const extensions = isPlainObject(first) ? first.extensions : undefined;
	const code = isPlainObject(extensions) ? extensions.code : undefined;
	return typeof code === 'string' ? code : undefined;
}

/** Runs one GraphQL operation and returns its `data`. */
export async function callGraphql(
	context: ApiContext,
	query: string,
	variables: Record<string, unknown> = {},
): Promise<unknown> {
	return context.authSession.withAuthorization(async (authorize) => {
		const body = JSON.stringify({ query, variables });
		const { request, response } = await sendWithRetry(context.requestSettings, () =>
			authorize({
				method: 'POST',
				url: `${context.apiUrl}${GRAPHQL_PATH}`,
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body,
			}),
		);
		return readGraphqlAnswer(
			request,
			response,
			context.requestSettings,
			context.authSession.authAdvice,
		);
	});
}

/** Returns the answer's `data`; throws the matching typed error for a failed status, `errors[]` or no data. */
export function readGraphqlAnswer(
	request: HttpRequest,
	response: HttpResponse,
	settings: RequestSettings,
	authAdvice: string,
): unknown {
	if (response.status < 200 || response.status >= 300) {
		throw errorForStatus(request, response, settings, authAdvice);
	}
	const envelope = parseJsonBody(request, response) as GraphqlEnvelope | null;
	const where = describeRequest(request);
	const message = firstErrorMessage(envelope?.errors);
	if (message !== undefined)
		throw errorForGraphqlMessage(
			settings.redact(message),
			where,
			response.status,
			firstErrorCode(envelope?.errors),
		);
	if (!isPlainObject(envelope) || envelope.data === undefined || envelope.data === null) {
		throw new RemoteItUnavailableError(
			`remote.it answered ${where} without data; the answer is not usable.`,
			{ status: response.status },
		);
	}
	return envelope.data;
}

/** What one paged list of `login` is read for: where to start, how many entries, and how each item reads. */
export interface PagedList<T> {
	field: 'devices' | 'events';
	from: number;
	/** Entries wanted (Infinity for all); items that read as undefined do not count. */
	wanted: number;
	/** A server that keeps answering short pages with `hasMore` cannot keep the client looping. */
	maxPages?: number;
	read: (item: Record<string, unknown>) => T | undefined;
}

/**
 * Follows remote.it's from/size paging (`total hasMore items`, at most MAX_PAGE_SIZE a page; docs/remoteit-api.md
 * §3) until `wanted` entries are read, remote.it has no more, or `maxPages` pages were asked for.
 */
export async function readPagedList<T>(
	context: ApiContext,
	query: string,
	variables: Record<string, unknown>,
	list: PagedList<T>,
): Promise<T[]> {
	const entries: T[] = [];
	let from = list.from;
	for (
		let pages = 0;
		pages < (list.maxPages ?? Infinity) && entries.length < list.wanted;
		pages++
	) {
		const size = Math.min(MAX_PAGE_SIZE, list.wanted - entries.length);
		const data = await callGraphql(context, query, { ...variables, from, size });
		const login = isPlainObject(data) && isPlainObject(data.login) ? data.login : {};
		const listed = login[list.field];
		const page = isPlainObject(listed) ? listed : {};
		const items = Array.isArray(page.items) ? page.items.filter(isPlainObject) : [];
		for (const item of items) {
			const entry = list.read(item);
			if (entry !== undefined) entries.push(entry);
		}
		if (page.hasMore !== true || items.length === 0) break;
		from += items.length;
	}
	return entries.slice(0, list.wanted);
}
