/** draft-cavage HMAC-SHA256 signatures for access keys (docs/remoteit-api.md §4), also the n8n credential's. */
import { createHmac } from 'node:crypto';
import { headerValue } from '../wire/request';

export const DEFAULT_SIGNED_HEADERS = [
	'(request-target)',
	'host',
	'date',
	'content-type',
	'content-length',
] as const;

export interface SignRequestInput {
	method: string;
	url: string;
	/** Headers already on the request; only `content-type` is read (default application/json). */
	headers?: Record<string, string>;
	/** The exact body that will be sent; absent or empty for a bodiless GET. */
	body?: string;
	accessKeyId: string;
	/** Base64 text as remote.it shows it; the HMAC key is the decoded bytes. */
	secretAccessKey: string;
	/** Default: the current time. */
	now?: Date;
	/** Which headers to sign, in order. Default: the five remote.it documents (docs/remoteit-api.md §1). */
	signedHeaders?: readonly string[];
}

/** The headers to add to the request, named as they are sent. */
export interface SignatureHeaders {
	Date: string;
	'Content-Type': string;
	'Content-Length': string;
	Authorization: string;
}

/** IMF-fixdate in GMT (`Tue, 07 Jun 2022 20:51:35 GMT`); local time here is a classic signature mistake. */
export function formatHttpDate(date: Date): string {
	return date.toUTCString();
}

/** One `name: value` line per signed header, joined by `\n`, no trailing newline. */
export function buildSigningString(
	method: string,
	url: string,
	values: { host?: string; date: string; 'content-type': string; 'content-length': string },
	signedHeaders: readonly string[] = DEFAULT_SIGNED_HEADERS,
): string {
	const parsed = new URL(url);
	const lines = signedHeaders.map((name) => {
		const lower = name.toLowerCase();
		if (lower === '(request-target)')
			return `(request-target): ${method.toLowerCase()} ${parsed.pathname}${parsed.search}`;
		// URL.host leaves out default ports, exactly as HTTP clients write the Host header.
		if (lower === 'host') return `host: ${values.host ?? parsed.host}`;
		const value = values[lower as 'date' | 'content-type' | 'content-length'];
		if (value === undefined) throw new Error(`cannot sign header "${name}"`);
		return `${lower}: ${value}`;
	});
	return lines.join('\n');
}

export function computeSignature(signingString: string, secretAccessKey: string): string {
	return createHmac('sha256', Buffer.from(secretAccessKey, 'base64'))
		.update(signingString, 'utf8')
		.digest('base64');
}

/** Signs one request and returns the headers to add (Date, Content-Type, Content-Length, Authorization). */
export function signRequest(input: SignRequestInput): SignatureHeaders {
	const signedHeaders = input.signedHeaders ?? DEFAULT_SIGNED_HEADERS;
	const values = {
		date: formatHttpDate(input.now ?? new Date()),
		'content-type': headerValue(input.headers, 'content-type') ?? 'application/json',
		// Bytes, not characters: a body with non-ASCII text differs (docs/remoteit-api.md §8, item 3).
		'content-length': String(Buffer.byteLength(input.body ?? '', 'utf8')),
	};
	const signingString = buildSigningString(input.method, input.url, values, signedHeaders);
	const signature = computeSignature(signingString, input.secretAccessKey);
	const headerList = signedHeaders.map((h) => h.toLowerCase()).join(' ');
	return {
		Date: values.date,
		'Content-Type': values['content-type'],
		'Content-Length': values['content-length'],
		Authorization: `Signature keyId="${input.accessKeyId}",algorithm="hmac-sha256",headers="${headerList}",signature="${signature}"`,
	};
}
