/**
 * Which account a request counts against, for the rate limiter: the signing key's user, the token's user, or the
 * e-mail a login names. Read without verifying anything (the handlers verify); unknown callers share one bucket.
 */
import { headerValue, type EmulatorRequest } from './http-types';
import { parseSignatureParams } from './signature';
import type { AccountState } from './state';

export const UNKNOWN_CALLER = 'unknown caller';

function loginEmail(request: EmulatorRequest): string | undefined {
	try {
		const username = (JSON.parse(request.body.toString('utf8')) as { username?: unknown }).username;
		return typeof username === 'string' ? username.trim().toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

export function callerAccount(request: EmulatorRequest, accounts: AccountState): string {
	if (request.pathname.endsWith('/user/login')) return loginEmail(request) ?? UNKNOWN_CALLER;
	// Either signature form names its key: draft-cavage `keyId="…"`, RFC 9421 `keyid="…"` in Signature-Input.
	const keyId =
		parseSignatureParams(request)?.keyId ??
		headerValue(request.headers, 'signature-input')?.match(/;keyid="([^"]*)"/)?.[1];
	if (keyId) return accounts.accessKey(keyId)?.user.email ?? UNKNOWN_CALLER;
	const token = headerValue(request.headers, 'token');
	return (token !== undefined ? accounts.userByToken(token)?.email : undefined) ?? UNKNOWN_CALLER;
}
