/** Who is calling: HTTP signature, developer key + token, or nobody (docs/remoteit-api.md §1, §4). */
import type { EmulatorClock } from './clock';
import type { AuthScheme, EmulatorRequest } from './http-types';
import { headerValue } from './http-types';
import { hasSignature, verifySignature } from './signature';
import type { AccountState } from './state';
import type { UserRecord } from './state-types';

export interface CallerIdentity {
	scheme: AuthScheme;
	/** Set when the signature or token was valid. */
	user?: UserRecord;
	/** Why a signature or token was refused; for the request log, never a secret. */
	failure?: string;
	/** The `developerkey` (or `apikey`) header was present / matched an account. */
	developerKeySent: boolean;
	developerKeyValid: boolean;
}

export interface AuthSettings {
	clockSkewSeconds: number;
}

function developerKeyOf(request: EmulatorRequest): string | undefined {
	return headerValue(request.headers, 'developerkey') ?? headerValue(request.headers, 'apikey');
}

function identifyBySignature(
	request: EmulatorRequest,
	accounts: AccountState,
	clock: EmulatorClock,
	settings: AuthSettings,
): Pick<CallerIdentity, 'user' | 'failure'> {
	const verdict = verifySignature<UserRecord>(request, {
		lookupKey: (keyId) => {
			const found = accounts.accessKey(keyId);
			return found && found.key.enabled ? { secret: found.key.key, value: found.user } : undefined;
		},
		nowMs: clock.nowMs(),
		clockSkewSeconds: settings.clockSkewSeconds,
	});
	return verdict.ok ? { user: verdict.key } : { failure: verdict.reason };
}

function identifyByToken(
	token: string,
	accounts: AccountState,
): Pick<CallerIdentity, 'user' | 'failure'> {
	const user = accounts.userByToken(token);
	return user ? { user } : { failure: 'unknown or expired token' };
}

/** Works out the caller; the REST and GraphQL handlers decide how to answer a failure. */
export function identifyCaller(
	request: EmulatorRequest,
	accounts: AccountState,
	clock: EmulatorClock,
	settings: AuthSettings,
): CallerIdentity {
	const developerKey = developerKeyOf(request);
	const base = {
		developerKeySent: developerKey !== undefined,
		developerKeyValid:
			developerKey !== undefined && accounts.userByDeveloperKey(developerKey) !== undefined,
	};
	if (hasSignature(request))
		return {
			scheme: 'signature',
			...base,
			...identifyBySignature(request, accounts, clock, settings),
		};
	const token = headerValue(request.headers, 'token');
	if (token !== undefined) return { scheme: 'token', ...base, ...identifyByToken(token, accounts) };
	return { scheme: 'none', ...base, failure: 'no credentials' };
}

/** The scheme a request uses, without checking it (for requests a fault answers before any handler). */
export function detectAuthScheme(request: EmulatorRequest): AuthScheme {
	if (request.pathname.endsWith('/user/login')) return 'password-login';
	if (hasSignature(request)) return 'signature';
	return headerValue(request.headers, 'token') !== undefined ? 'token' : 'none';
}
