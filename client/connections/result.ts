/** Reads REST and GraphQL connect answers into the one Connection shape of docs/design.md ("The connection object"). */
import { RemoteItUnavailableError, RemoteItValidationError } from '../errors';
import { isPlainObject, textOf } from '../json-values';
import type { AccessMode, Connection } from '../types';

/** A proxy lives about 8 h when remote.it does not say (docs/remoteit-api.md §5). */
export const DEFAULT_PROXY_LIFETIME_SECONDS = 28800;

export interface ConnectionRequest {
	serviceId: string;
	accessMode: AccessMode;
	hostIp: string;
	now: Date;
	includeRaw: boolean;
}

function unusable(what: string): RemoteItUnavailableError {
	return new RemoteItUnavailableError(
		`remote.it answered the connect request without ${what}; the connection is not usable.`,
	);
}

function positiveNumber(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : Number(textOf(value));
	return Number.isFinite(n) && n > 0 ? n : undefined;
}

function validDate(value: unknown): Date | undefined {
	const text = textOf(value);
	if (!text) return undefined;
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

function assemble(
	id: string,
	endpoint: ParsedProxy,
	proxy: string,
	created: Date,
	timeoutSeconds: number,
	request: ConnectionRequest,
	raw: unknown,
): Connection {
	const connection: Connection = {
		id,
		serviceId: request.serviceId,
		host: endpoint.host,
		port: endpoint.port,
		url: endpoint.url,
		proxy,
		reverseProxy: endpoint.reverseProxy,
		// Reverse proxies are always public behind a random host name (docs/remoteit-api.md §5).
		accessMode: endpoint.reverseProxy ? 'public' : request.accessMode,
		hostIp: endpoint.reverseProxy ? '0.0.0.0' : request.hostIp,
		createdAt: created.toISOString(),
		expiresAt: new Date(created.getTime() + timeoutSeconds * 1000).toISOString(),
		timeoutSeconds,
	};
	if (request.includeRaw) connection.raw = raw;
	return connection;
}

/**
 * REST `/device/connect`: `connection.proxy` plus `proxyserver`/`proxyport`. `requested` is a minute-precision
 * local-format time (`1/15/2021T6:20 PM`) with no zone, so the answer's arrival time is used as createdAt.
 */
export function connectionFromRest(
	answer: Record<string, unknown>,
	request: ConnectionRequest,
): Connection {
	const details = isPlainObject(answer.connection) ? answer.connection : {};
	const id = textOf(details.connectionid) ?? textOf(answer.connectionid);
	if (!id) throw unusable('a connection id');
	const proxy = textOf(details.proxy);
	let endpoint: ParsedProxy;
	if (proxy && (details.reverseProxy === true || details.reverseProxy === 'true')) {
		// remote.it flags reverse proxies (remoteit/sdk-go:contracts/proxy.go sample); the URL is used as it is.
		endpoint = { host: parseProxy(proxy).host, port: null, reverseProxy: true, url: proxy };
	} else if (proxy) {
		endpoint = parseProxy(proxy);
	} else {
		const host = textOf(details.proxyserver);
		const port = positiveNumber(details.proxyport);
		if (!host || !port) throw unusable('a proxy address');
		endpoint = { host, port, reverseProxy: false, url: portProxyUrl(host, port) };
	}
	const timeout = positiveNumber(details.expirationsec) ?? DEFAULT_PROXY_LIFETIME_SECONDS;
	return assemble(id, endpoint, proxy ?? endpoint.url, request.now, timeout, request, answer);
}

/** GraphQL `connect`: `{ id host port reverseProxy url created timeout }` (port is null for reverse proxies). */
export function connectionFromGraphql(data: unknown, request: ConnectionRequest): Connection {
	const answer = isPlainObject(data) && isPlainObject(data.connect) ? data.connect : undefined;
	const id = answer ? textOf(answer.id) : undefined;
	if (!answer || !id) throw unusable('a connection id');
	const url = textOf(answer.url);
	const host = textOf(answer.host);
	const port = positiveNumber(answer.port);
	let endpoint: ParsedProxy;
	if (answer.reverseProxy === true && url) {
		endpoint = { host: host ?? parseProxy(url).host, port: null, reverseProxy: true, url };
	} else if (host && port) {
		endpoint = { host, port, reverseProxy: false, url: portProxyUrl(host, port) };
	} else if (url) {
		endpoint = parseProxy(url);
	} else {
		throw unusable('a proxy address');
	}
	const proxy =
		url ?? (endpoint.port === null ? endpoint.url : `${endpoint.host}:${endpoint.port}`);
	const timeout = positiveNumber(answer.timeout) ?? DEFAULT_PROXY_LIFETIME_SECONDS;
	return assemble(
		id,
		endpoint,
		proxy,
		validDate(answer.created) ?? request.now,
		timeout,
		request,
		data,
	);
}

/**
 * Parses remote.it's `proxy` strings (docs/remoteit-api.md §2). Three forms exist:
 *  - port proxy      `http://proxy18.rt3.io:38575`   (the scheme means nothing; the endpoint is host:port)
 *  - reverse proxy   `https://abcdef.p18.rt3.io`     (HTTP/HTTPS services; no port, use the URL as is)
 *  - RDP/VNC launch  `http://proxy71.rt3.io/rdp/rdp.php?port=38631` (the port is in the query)
 */
export interface ParsedProxy {
	host: string;
	port: number | null;
	reverseProxy: boolean;
	/** Ready to use: the https:// URL of a reverse proxy, or tcp://host:port. */
	url: string;
}

const MAX_PROXY_LENGTH = 2048;

function invalid(detail: string): RemoteItValidationError {
	return new RemoteItValidationError(
		'proxy',
		`remote.it returned a proxy address that cannot be used: ${detail}.`,
	);
}

function portOf(text: string): number | undefined {
	if (!/^\d{1,5}$/.test(text)) return undefined;
	const port = Number(text);
	return port >= 1 && port <= 65535 ? port : undefined;
}

export function portProxyUrl(host: string, port: number): string {
	return `tcp://${host}:${port}`;
}

/** Throws RemoteItValidationError (and nothing else) for anything that is not one of the three forms. */
export function parseProxy(proxy: unknown): ParsedProxy {
	if (typeof proxy !== 'string') throw invalid('it is not text');
	const text = proxy.trim();
	if (text.length === 0 || text.length > MAX_PROXY_LENGTH) throw invalid('it is empty or too long');
	let url: URL;
	try {
		url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `tcp://${text}`);
	} catch {
		throw invalid('it is not a URL');
	}
	const host = url.hostname;
	if (!host) throw invalid('it has no host');
	const queryPort = url.searchParams.get('port');
	if (queryPort !== null) {
		const port = portOf(queryPort);
		if (port === undefined) throw invalid('its port parameter is not a port number');
		return { host, port, reverseProxy: false, url: portProxyUrl(host, port) };
	}
	if (url.port !== '') {
		const port = portOf(url.port);
		if (port === undefined) throw invalid('its port is not a port number');
		return { host, port, reverseProxy: false, url: portProxyUrl(host, port) };
	}
	if (url.protocol === 'https:' || url.protocol === 'http:') {
		return {
			host,
			port: null,
			reverseProxy: true,
			url: `${url.protocol}//${host}${url.pathname === '/' ? '' : url.pathname}`,
		};
	}
	throw invalid('it has neither a port nor an http(s) address');
}
