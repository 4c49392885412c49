/**
 * Raw HTTP for the emulator's own tests: node:http (fetch hides Host and Content-Length, which are signed)
 * and requests signed by Joyent's reference `http-signature` package, not by our client.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { sign } from 'http-signature';

export interface RawResponse {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
}

export interface RawRequestOptions {
	method?: string;
	headers?: Record<string, string>;
	body?: string;
}

/** Sends exactly these headers (Host and Content-Length included when given). */
export function rawRequest(url: string, options: RawRequestOptions = {}): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const request = httpRequest(
			url,
			{ method: options.method ?? 'GET', headers: options.headers, agent: false },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						headers: response.headers,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(options.body);
	});
}

export function jsonOf<T = Record<string, unknown>>(response: RawResponse): T {
	return JSON.parse(response.body) as T;
}

export const ALL_SIGNED_HEADERS = [
	'(request-target)',
	'host',
	'date',
	'content-type',
	'content-length',
];

export interface SignedRequestOptions {
	method: string;
	path: string;
	body?: string;
	keyId: string;
	/** Base64 secret access key; the HMAC key is its decoded bytes (docs/remoteit-api.md §4). */
	secret: string;
	developerKey?: string;
	signedHeaders?: string[];
	date?: Date;
	/** Host header to send and sign; default the emulator's host:port. */
	host?: string;
	/** Replace header values after signing (to tamper with a signed request). */
	afterSigning?: Record<string, string>;
	/** Sign this Content-Length instead of the byte length (the character-count mistake). */
	signedContentLength?: string;
}

/** Builds the headers http-signature signs, lets it sign, and sends the request over raw HTTP. */
export async function signedRequest(
	baseUrl: string,
	options: SignedRequestOptions,
): Promise<RawResponse> {
	const body = options.body ?? '';
	const headers: Record<string, string> = {
		host: options.host ?? new URL(baseUrl).host,
		date: (options.date ?? new Date()).toUTCString(),
		'content-type': 'application/json',
		'content-length': options.signedContentLength ?? String(Buffer.byteLength(body)),
	};
	sign(
		{
			method: options.method,
			path: options.path,
			getHeader: (name) => headers[name.toLowerCase()],
			setHeader: (name, value) => {
				headers[name.toLowerCase()] = value;
			},
		},
		{
			keyId: options.keyId,
			key: Buffer.from(options.secret, 'base64'),
			algorithm: 'hmac-sha256',
			headers: options.signedHeaders ?? ALL_SIGNED_HEADERS,
		},
	);
	const sent: Record<string, string> = {
		...headers,
		'content-length': String(Buffer.byteLength(body)),
		...options.afterSigning,
	};
	if (options.developerKey) sent.developerkey = options.developerKey;
	return rawRequest(`${baseUrl}${options.path}`, {
		method: options.method,
		headers: sent,
		body: options.body,
	});
}
