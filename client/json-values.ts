/** Reading values out of untyped input and JSON answers (REST and GraphQL alike) without trusting their shape. */

/** The one test for "a plain object" (not null, not an array), in the client and both shells. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON scalar as text: REST v27 sends every value as a string, but a number or boolean reads the same. */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** No body (n8n's HTTP Request sends `{}` with a GET) is undefined, so a signature covers what is sent. */
export function bodyText(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (typeof body === 'object' && Object.keys(body).length === 0) return undefined;
	return JSON.stringify(body);
}
