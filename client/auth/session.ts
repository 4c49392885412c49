/** How each request is authorised; re-login once on an auth failure, never per item (docs/remoteit-api.md §8). */
import { RemoteItAuthError, type SecretRegistry } from '../errors';
import { textOf } from '../json-values';
import { readRestAnswer, REST_PREFIX } from '../wire/rest';
import { sendWithRetry, type RequestSettings } from '../wire/request';
import { signRequest } from './signing';
import type { HttpRequest, RemoteItAuth } from '../types';
import { createHash } from 'node:crypto';

export type Authorize = (request: HttpRequest) => HttpRequest;

export interface AuthSession {
	readonly authType: RemoteItAuth['type'];
	/** What to check when remote.it answers 401/403 for this kind of credential. */
	readonly authAdvice: string;
	/** Runs `call` with an authoriser; a password session renews a refused token once and runs `call` once more. */
	withAuthorization<T>(call: (authorize: Authorize) => Promise<T>): Promise<T>;
	/** Password logins only: the account email that /user/login returned (logs in if needed). */
	loginEmail(): Promise<string>;
}

const ADVICE = {
	accessKey:
		'Check the access key id and secret access key, and that the key is enabled. A computer clock more ' +
		'than ~5 minutes off also makes remote.it refuse the request signature, so check the clock too.',
	password: 'Check the developer key, username and password.',
	token:
		'Check the developer key; the session token may have expired (tokens do). Access keys do not expire.',
} as const;

/** Without an auth_expiration, keep a token for an hour (docs/remoteit-api.md §2). Renew a minute early. */
const DEFAULT_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const RENEWAL_MARGIN_MS = 60 * 1000;

export interface AuthSessionSettings {
	apiUrl: string;
	auth: RemoteItAuth;
	requestSettings: RequestSettings;
	secrets: SecretRegistry;
	/** See RemoteItClientOptions.authenticatedBy. */
	authenticatedBy?: 'client' | 'transport';
}

function withHeaders(request: HttpRequest, headers: Record<string, string>): HttpRequest {
	return { ...request, headers: { ...request.headers, ...headers } };
}

function accessKeySession(
	settings: AuthSessionSettings,
	auth: Extract<RemoteItAuth, { type: 'accessKey' }>,
): AuthSession {
	const authorize: Authorize = (request) => {
		const signed = withHeaders(request, {
			...signRequest({
				...request,
				accessKeyId: auth.accessKeyId,
				secretAccessKey: auth.secretAccessKey,
				now: settings.requestSettings.now(),
			}),
		});
		// REST also wants the developer key, unsigned (docs/remoteit-api.md §4, step 5).
		return auth.developerKey ? withHeaders(signed, { developerkey: auth.developerKey }) : signed;
	};
	return {
		authType: 'accessKey',
		authAdvice: ADVICE.accessKey,
		withAuthorization: (call) => call(authorize),
		loginEmail: () => Promise.reject(new Error('loginEmail is only for password sessions')),
	};
}

const tokenHeaders =
	(developerKey: string, token: string): Authorize =>
	(request) =>
		withHeaders(request, { 'Content-Type': 'application/json', developerkey: developerKey, token });

function tokenSession(auth: Extract<RemoteItAuth, { type: 'token' }>): AuthSession {
	return {
		authType: 'token',
		authAdvice: ADVICE.token,
		withAuthorization: (call) => call(tokenHeaders(auth.developerKey, auth.token)),
		loginEmail: () => Promise.reject(new Error('loginEmail is only for password sessions')),
	};
}

async function logIn(
	settings: AuthSessionSettings,
	auth: Extract<RemoteItAuth, { type: 'password' }>,
): Promise<CachedToken> {
	const { request, response } = await sendWithRetry(settings.requestSettings, () => ({
		method: 'POST',
		url: `${settings.apiUrl}${REST_PREFIX}/user/login`,
		headers: { 'Content-Type': 'application/json', developerkey: auth.developerKey },
		body: JSON.stringify({ username: auth.username, password: auth.password }),
	}));
	const answer = readRestAnswer(request, response, settings.requestSettings, ADVICE.password);
	const token = textOf(answer.token) ?? textOf(answer.auth_token);
	if (!token)
		throw new RemoteItAuthError('remote.it accepted the sign-in but returned no session token.');
	settings.secrets.add(token);
	const expiration = Number(textOf(answer.auth_expiration));
	const nowMs = settings.requestSettings.now().getTime();
	const expiresAtMs =
		Number.isFinite(expiration) && expiration > 0
			? expiration * 1000
			: nowMs + DEFAULT_TOKEN_LIFETIME_MS;
	return { token, email: textOf(answer.email) ?? auth.username, expiresAtMs };
}

function passwordSession(
	settings: AuthSessionSettings,
	auth: Extract<RemoteItAuth, { type: 'password' }>,
): AuthSession {
	const slot = sharedTokenSlot({
		apiUrl: settings.apiUrl,
		developerKey: auth.developerKey,
		username: auth.username,
		password: auth.password,
	});

	/** A token another client of this process got is a secret of this client too (for redaction). */
	const currentToken = async (): Promise<CachedToken> => {
		const token = await slot.current(
			settings.requestSettings.now().getTime(),
			RENEWAL_MARGIN_MS,
			() => logIn(settings, auth),
		);
		settings.secrets.add(token.token);
		return token;
	};

	const withAuthorization = async <T>(call: (authorize: Authorize) => Promise<T>): Promise<T> => {
		const used = await currentToken();
		try {
			return await call(tokenHeaders(auth.developerKey, used.token));
		} catch (error) {
			if (!(error instanceof RemoteItAuthError) || !error.tokenRejected) throw error;
			// Only the first caller to see this token refused drops it; the others share the renewed one.
			slot.drop(used.token);
			const renewed = await currentToken();
			return call(tokenHeaders(auth.developerKey, renewed.token));
		}
	};

	return {
		authType: 'password',
		authAdvice: ADVICE.password,
		withAuthorization,
		loginEmail: async () => (await currentToken()).email,
	};
}

/** The transport signs or adds the key headers itself (an n8n credential's `authenticate`): send requests as built. */
function transportAuthorizedSession(authType: 'accessKey' | 'token'): AuthSession {
	return {
		authType,
		authAdvice: ADVICE[authType],
		withAuthorization: (call) =>
			call((request) => withHeaders(request, { 'Content-Type': 'application/json' })),
		loginEmail: () => Promise.reject(new Error('loginEmail is only for password sessions')),
	};
}

export function createAuthSession(settings: AuthSessionSettings): AuthSession {
	const { auth } = settings;
	if (settings.authenticatedBy === 'transport' && auth.type !== 'password')
		return transportAuthorizedSession(auth.type);
	if (auth.type === 'accessKey') return accessKeySession(settings, auth);
	if (auth.type === 'token') return tokenSession(auth);
	return passwordSession(settings, auth);
}

/** Keyed by a hash of API URL and credential: a changed password never reuses a token, and no secret is a key. */
export interface CachedToken {
	token: string;
	email: string;
	expiresAtMs: number;
}

export interface PasswordIdentity {
	apiUrl: string;
	developerKey: string;
	username: string;
	password: string;
}

/** One credential's token: the cached one, and the login in flight that every concurrent caller waits on. */
export interface TokenSlot {
	/** A token valid for at least `marginMs` more, logging in (once for all concurrent callers) if there is none. */
	current(nowMs: number, marginMs: number, logIn: () => Promise<CachedToken>): Promise<CachedToken>;
	/** remote.it refused `token`: forget it, unless another caller already replaced it. */
	drop(token: string): void;
}

interface Slot {
	cached?: CachedToken;
	inFlight?: Promise<CachedToken>;
}

const slots = new Map<string, Slot>();

export function tokenKey(identity: PasswordIdentity): string {
	const parts = [identity.apiUrl, identity.developerKey, identity.username, identity.password];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Expired entries go when a new token is stored, so a process that sees many credentials does not grow. */
function sweep(nowMs: number): void {
	for (const [key, slot] of slots) {
		if (!slot.inFlight && (!slot.cached || slot.cached.expiresAtMs <= nowMs)) slots.delete(key);
	}
}

export function sharedTokenSlot(identity: PasswordIdentity): TokenSlot {
	const key = tokenKey(identity);
	const slot = (): Slot => {
		let found = slots.get(key);
		if (!found) slots.set(key, (found = {}));
		return found;
	};
	return {
		current(nowMs, marginMs, logIn) {
			const entry = slot();
			if (entry.cached && nowMs < entry.cached.expiresAtMs - marginMs)
				return Promise.resolve(entry.cached);
			if (entry.inFlight) return entry.inFlight;
			const login = logIn().then((fresh) => {
				sweep(nowMs);
				slot().cached = fresh;
				return fresh;
			});
			entry.inFlight = login;
			// Cleared whether it worked or not: a failed login is not cached, the next caller tries again.
			const clear = () => {
				if (slots.get(key)?.inFlight === login) delete slots.get(key)!.inFlight;
			};
			login.then(clear, clear);
			return login;
		},
		drop(token) {
			const entry = slots.get(key);
			if (entry?.cached?.token === token) delete entry.cached;
		},
	};
}

/** Forgets every cached token of this process (the emulator's reset does the same on its side; tests use both). */
export function forgetSharedTokens(): void {
	slots.clear();
}

/** The six fields both engines store a remote.it credential in. */
export type CredentialField =
	'accessKeyId' | 'secretAccessKey' | 'developerKey' | 'username' | 'password' | 'token';

/** `field` reads a field as the shell stores it and may refuse an empty required one in the shell's words. */
export function authFromCredentialFields(
	type: RemoteItAuth['type'],
	field: (name: CredentialField, required: boolean) => string | undefined,
): RemoteItAuth {
	const required = (name: CredentialField): string => field(name, true) ?? '';
	switch (type) {
		case 'password':
			return {
				type,
				developerKey: required('developerKey'),
				username: required('username'),
				password: required('password'),
			};
		case 'token':
			return { type, developerKey: required('developerKey'), token: required('token') };
		case 'accessKey': {
			const developerKey = field('developerKey', false);
			return {
				type,
				accessKeyId: required('accessKeyId'),
				secretAccessKey: required('secretAccessKey'),
				...(developerKey ? { developerKey } : {}),
			};
		}
	}
}
