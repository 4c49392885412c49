/**
 * RFC 9421 HTTP Message Signatures as remote.it's own tools make them (docs/remoteit-api.md §1, §4): label
 * `remoteit`, hmac-sha256 over the base64-decoded secret, usually covering `@method @authority @target-uri date`.
 * The signature base is rebuilt from the covered components and the sent `@signature-params` (RFC 9421 §2.5).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EmulatorRequest } from './http-types';
import { headerValue } from './http-types';
import type { SignatureVerdict, SignatureVerifyOptions } from './signature-verdict';

interface Rfc9421Input {
	components: string[];
	params: string;
	keyId: string;
	alg?: string;
	created?: number;
	expires?: number;
	signature: Buffer;
}

/** `remoteit=("@method" …);created=…;keyid="…";alg="…"` and `remoteit=:base64:`; the `remoteit` label wins. */
function parseInput(request: EmulatorRequest): Rfc9421Input | undefined {
	const input = headerValue(request.headers, 'signature-input');
	const signature = headerValue(request.headers, 'signature');
	if (!input || !signature) return undefined;
	const entries = [...input.matchAll(/([a-z0-9_*.-]+)=(\([^)]*\)[^,]*)/gi)];
	const entry = entries.find((e) => e[1] === 'remoteit') ?? entries[0];
	if (!entry) return undefined;
	const sigs = [...signature.matchAll(/([a-z0-9_*.-]+)=:([A-Za-z0-9+/=]*):/gi)];
	const sig = sigs.find((s) => s[1] === entry[1]);
	if (!sig) return undefined;
	const params = entry[2].trim();
	const components = [...(params.match(/^\(([^)]*)\)/)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map(
		(m) => m[1].toLowerCase(),
	);
	const keyId = params.match(/;keyid="([^"]*)"/)?.[1];
	if (!keyId) return undefined;
	const created = params.match(/;created=(\d+)/)?.[1];
	const expires = params.match(/;expires=(\d+)/)?.[1];
	return {
		components,
		params,
		keyId,
		alg: params.match(/;alg="([^"]*)"/)?.[1],
		created: created ? Number(created) : undefined,
		expires: expires ? Number(expires) : undefined,
		signature: Buffer.from(sig[2], 'base64'),
	};
}

export function hasRfc9421Signature(request: EmulatorRequest): boolean {
	return headerValue(request.headers, 'signature-input') !== undefined;
}

/** The values a signer may have used for `@authority` and `@target-uri`: with or without the port, http or https. */
function candidateBases(
	request: EmulatorRequest,
	input: Rfc9421Input,
): string[] | { missing: string } {
	const host = (headerValue(request.headers, 'host') ?? '').toLowerCase();
	const authorities = [...new Set([host, host.replace(/:\d+$/, '')])];
	const bases: string[] = [];
	for (const authority of authorities) {
		for (const scheme of ['https', 'http']) {
			const lines: string[] = [];
			for (const name of input.components) {
				let value: string | undefined;
				if (name === '@method') value = request.method.toUpperCase();
				else if (name === '@authority') value = authority;
				else if (name === '@target-uri') value = `${scheme}://${host}${request.target}`;
				else if (name === '@path') value = request.pathname;
				else if (name === '@query')
					value = request.target.includes('?')
						? request.target.slice(request.target.indexOf('?'))
						: '?';
				else if (name === '@scheme') value = scheme;
				else if (name === '@request-target') value = request.target;
				else value = headerValue(request.headers, name)?.trim();
				if (value === undefined) return { missing: name };
				lines.push(`"${name}": ${value}`);
			}
			lines.push(`"@signature-params": ${input.params}`);
			bases.push(lines.join('\n'));
		}
	}
	return [...new Set(bases)];
}

export function verifyRfc9421<K>(
	request: EmulatorRequest,
	options: SignatureVerifyOptions<K>,
): SignatureVerdict<K> {
	const input = parseInput(request);
	if (!input) return { ok: false, reason: 'malformed Signature-Input or Signature header' };
	if (input.alg !== undefined && input.alg !== 'hmac-sha256')
		return { ok: false, reason: `unsupported algorithm ${input.alg}` };
	const date = input.components.includes('date')
		? Date.parse(headerValue(request.headers, 'date') ?? '')
		: (input.created ?? NaN) * 1000;
	if (Number.isNaN(date))
		return { ok: false, reason: 'neither a signed Date header nor a created parameter' };
	if (Math.abs(options.nowMs - date) > options.clockSkewSeconds * 1000)
		return { ok: false, reason: 'clock skew: the signature date is outside the allowed window' };
	// http-message-signatures adds expires (created + 300 s by default); RFC 9421 §2.3 says to refuse it once past.
	if (
		input.expires !== undefined &&
		input.expires * 1000 < options.nowMs - options.clockSkewSeconds * 1000
	)
		return { ok: false, reason: 'the signature has expired' };
	const found = options.lookupKey(input.keyId);
	if (!found) return { ok: false, reason: 'unknown or disabled access key' };
	const bases = candidateBases(request, input);
	if (!Array.isArray(bases))
		return { ok: false, reason: `signed component ${bases.missing} is missing` };
	const matches = bases.some((base) => {
		const expected = createHmac('sha256', found.secret).update(base).digest();
		return expected.length === input.signature.length && timingSafeEqual(expected, input.signature);
	});
	return matches ? { ok: true, key: found.value } : { ok: false, reason: 'signature mismatch' };
}
