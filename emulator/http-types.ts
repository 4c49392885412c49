/** What the API handlers receive and return; the server does the socket work. */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmulatorRequest {
	method: string;
	/** The raw request target, path plus query string, exactly as sent (it is signed). */
	target: string;
	pathname: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	remoteAddress: string;
}

export type AuthScheme = 'signature' | 'token' | 'none' | 'password-login';

export interface ApiResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
	/** For the request log; never holds a secret. */
	log?: { auth?: AuthScheme; authFailure?: string; operation?: string };
}

/** A JSON answer. REST escapes slashes as remote.it's PHP back end does (docs/remoteit-api.md §2). */
export function jsonResponse(
	status: number,
	value: unknown,
	options: { escapeSlashes?: boolean } = {},
): ApiResponse {
	const text = JSON.stringify(value);
	return {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' },
		body: options.escapeSlashes ? text.replace(/\//g, '\\/') : text,
	};
}

export function textResponse(
	status: number,
	text: string,
	headers: Record<string, string> = {},
): ApiResponse {
	return {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
		body: text,
	};
}

/** One header value whatever its case or repetition (Node lower-cases names). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(', ') : value;
}
