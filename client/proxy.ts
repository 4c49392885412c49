/**
 * Parses remote.it's `proxy` strings (docs/remoteit-api.md §2). Three forms exist:
 *  - port proxy      `http://proxy18.rt3.io:38575`   (the scheme means nothing; the endpoint is host:port)
 *  - reverse proxy   `https://abcdef.p18.rt3.io`     (HTTP/HTTPS services; no port, use the URL as is)
 *  - RDP/VNC launch  `http://proxy71.rt3.io/rdp/rdp.php?port=38631` (the port is in the query)
 */
import { RemoteItValidationError } from './errors';

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
