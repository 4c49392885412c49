/** Turning what n8n's request helpers return or throw into the client's HttpResponse terms. */
export { flattenHeaders } from '../../../client/headers';

/**
 * n8n wraps network failures in errors that keep the axios error, request headers included. Hand the client only
 * what it classifies by (the socket error code) and a short message, never that object.
 */
export function transportFailure(error: unknown): Error {
	const cause = (error as { cause?: unknown }).cause ?? error;
	// httpRequestWithAuthentication throws a NodeApiError with no cause and the socket code as `httpCode`.
	const code =
		readString(cause, 'code') ??
		readString(error, 'code') ??
		socketCode(readString(error, 'httpCode'));
	const failure = new Error(code ? `network error ${code}` : 'network error');
	// The client tells a cancelled request (axios, n8n) and an expired one (fetch's AbortSignal.timeout) by name.
	const name = readString(cause, 'name');
	failure.name = name === 'CanceledError' || name === 'TimeoutError' ? name : 'TransportError';
	if (code) Object.assign(failure, { code });
	return failure;
}

/** ECONNABORTED, ETIMEDOUT, ...: a socket error code, not an HTTP status. */
function socketCode(value: string | undefined): string | undefined {
	return value !== undefined && /^E[A-Z_]+$/.test(value) ? value : undefined;
}

function readString(value: unknown, key: string): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const field = (value as Record<string, unknown>)[key];
	return typeof field === 'string' ? field : undefined;
}
