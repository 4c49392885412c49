/**
 * draft-cavage HTTP Signature verification (docs/remoteit-api.md §4), the scheme of Joyent's reference
 * `http-signature` package: the signing string is rebuilt from the `headers="..."` list the client sent.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EmulatorRequest } from './http-types';
import { headerValue } from './http-types';
import { hasRfc9421Signature, verifyRfc9421 } from './signature-rfc9421';
import type { SignatureVerdict, SignatureVerifyOptions } from './signature-verdict';

export interface SignatureParams {
	keyId: string;
	algorithm: string;
	headers: string[];
	signature: string;
}

const PARAM = /\s*([a-zA-Z]+)\s*=\s*"([^"]*)"\s*(?:,|$)/y;

/** Parses `Authorization: Signature k="v",...` or a bare `Signature: k="v",...` header. */
export function parseSignatureParams(request: EmulatorRequest): SignatureParams | undefined {
	const authorization = headerValue(request.headers, 'authorization');
	let text: string | undefined;
	if (authorization && /^signature\s/i.test(authorization))
		text = authorization.replace(/^signature\s+/i, '');
	else text = headerValue(request.headers, 'signature');
	if (!text) return undefined;
	const params = new Map<string, string>();
	PARAM.lastIndex = 0;
	let match: RegExpExecArray | null;
	while (PARAM.lastIndex < text.length && (match = PARAM.exec(text)) !== null)
		params.set(match[1], match[2]);
	const keyId = params.get('keyId');
	const signature = params.get('signature');
	if (!keyId || !signature) return undefined;
	return {
		keyId,
		algorithm: (params.get('algorithm') ?? '').toLowerCase(),
		// draft-cavage: when the list is absent only the Date header is signed.
		headers: (params.get('headers') ?? 'date').toLowerCase().split(/\s+/).filter(Boolean),
		signature,
	};
}

/** The client is a signer when it sent either form of the signature header, or an RFC 9421 Signature-Input. */
export function hasSignature(request: EmulatorRequest): boolean {
	if (hasRfc9421Signature(request)) return true;
	const authorization = headerValue(request.headers, 'authorization');
	return (
		(authorization !== undefined && /^signature\s/i.test(authorization)) ||
		headerValue(request.headers, 'signature') !== undefined
	);
}

function signingString(
	request: EmulatorRequest,
	headers: string[],
): { text: string } | { missing: string } {
	const lines: string[] = [];
	for (const name of headers) {
		if (name === '(request-target)') {
			lines.push(`(request-target): ${request.method.toLowerCase()} ${request.target}`);
			continue;
		}
		const value = headerValue(request.headers, name);
		if (value === undefined) return { missing: name };
		lines.push(`${name}: ${value}`);
	}
	return { text: lines.join('\n') };
}

function checkDate(
	request: EmulatorRequest,
	params: SignatureParams,
	nowMs: number,
	skewSeconds: number,
): string | undefined {
	const date = headerValue(request.headers, 'date');
	if (date === undefined) return 'no Date header';
	if (!params.headers.includes('date')) return 'the Date header is not signed';
	const sentMs = Date.parse(date);
	if (Number.isNaN(sentMs)) return 'unparseable Date header';
	if (Math.abs(nowMs - sentMs) > skewSeconds * 1000)
		return 'clock skew: the Date header is outside the allowed window';
	return undefined;
}

function checkContentLength(request: EmulatorRequest, params: SignatureParams): string | undefined {
	if (!params.headers.includes('content-length')) return undefined;
	const declared = headerValue(request.headers, 'content-length');
	if (declared !== undefined && Number(declared) !== request.body.length)
		return 'content-length does not match the body bytes';
	return undefined;
}

function signaturesMatch(expected: Buffer, sentBase64: string): boolean {
	const sent = Buffer.from(sentBase64, 'base64');
	return sent.length === expected.length && timingSafeEqual(sent, expected);
}

export function verifySignature<K>(
	request: EmulatorRequest,
	options: SignatureVerifyOptions<K>,
): SignatureVerdict<K> {
	const authorization = headerValue(request.headers, 'authorization');
	if (hasRfc9421Signature(request) && !(authorization && /^signature\s/i.test(authorization)))
		return verifyRfc9421(request, options);
	const params = parseSignatureParams(request);
	if (!params) return { ok: false, reason: 'malformed signature header' };
	if (params.algorithm !== 'hmac-sha256')
		return { ok: false, reason: `unsupported algorithm ${params.algorithm || '(none)'}` };
	const dateProblem = checkDate(request, params, options.nowMs, options.clockSkewSeconds);
	if (dateProblem) return { ok: false, reason: dateProblem };
	const lengthProblem = checkContentLength(request, params);
	if (lengthProblem) return { ok: false, reason: lengthProblem };
	const found = options.lookupKey(params.keyId);
	if (!found) return { ok: false, reason: 'unknown or disabled access key' };
	const built = signingString(request, params.headers);
	if ('missing' in built) return { ok: false, reason: `signed header ${built.missing} is missing` };
	const expected = createHmac('sha256', found.secret).update(built.text).digest();
	if (!signaturesMatch(expected, params.signature))
		return { ok: false, reason: 'signature mismatch' };
	return { ok: true, key: found.value };
}
