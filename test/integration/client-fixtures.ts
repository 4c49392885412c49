/** Shared set-up for the client-vs-emulator suites: the demo emulator and clients for each auth type. */
import {
	createRemoteItClient,
	type RemoteItAuth,
	type RemoteItClient,
	type RemoteItClientOptions,
} from '../../client/transport';
import { startEmulator, type StartEmulatorOptions } from '../../emulator';
import { DEMO_IDS, useDemo, type Demo } from '../support/demo';
import {
	readRequestLog,
	seedAccount,
	type RequestLogEntry,
	type SeedAccount,
} from '../support/emulator-control';

export type AuthKind = 'accessKey' | 'password' | 'token';
export const AUTH_KINDS: AuthKind[] = ['accessKey', 'password', 'token'];

/** Retries without real waiting: the suites assert what happened, never how long it took. */
export const noWait = (): Promise<void> => Promise.resolve();
export const quickRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

export { SSH, WEB_UI } from '../support/demo';
export const RDP = DEMO_IDS.desktopRdp;
export const OFFLINE_SSH = DEMO_IDS.offlineSensorSsh;
export const UNKNOWN_SERVICE = DEMO_IDS.unknownService;

/** A session token "obtained elsewhere", as the token auth type expects: one direct REST login. */
export async function obtainToken(url: string, account: SeedAccount): Promise<string> {
	const response = await fetch(`${url}/apv/v27/user/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', developerkey: account.developerKey },
		body: JSON.stringify({ username: account.email, password: account.password }),
	});
	const answer = (await response.json()) as { token?: string };
	if (!answer.token) throw new Error('emulator login returned no token');
	return answer.token;
}

/** The account's access key, with fields replaced by `overrides` (a wrong one, say). */
export function accessKeyAuth(
	account: SeedAccount,
	overrides: Record<string, string> = {},
): Extract<RemoteItAuth, { type: 'accessKey' }> {
	return {
		type: 'accessKey',
		accessKeyId: account.accessKeyId,
		secretAccessKey: account.secretAccessKey,
		developerKey: account.developerKey,
		...overrides,
	};
}

/** The account's developer key, e-mail and password, with fields replaced by `overrides`. */
export function passwordAuth(
	account: SeedAccount,
	overrides: Record<string, string> = {},
): Extract<RemoteItAuth, { type: 'password' }> {
	return {
		type: 'password',
		developerKey: account.developerKey,
		username: account.email,
		password: account.password,
		...overrides,
	};
}

export async function authFor(
	kind: AuthKind,
	url: string,
	account: SeedAccount,
): Promise<RemoteItAuth> {
	switch (kind) {
		case 'accessKey':
			return accessKeyAuth(account);
		case 'password':
			return passwordAuth(account);
		case 'token':
			return {
				type: 'token',
				developerKey: account.developerKey,
				token: await obtainToken(url, account),
			};
	}
}

export interface ClientDemo extends Demo {
	/** A client of the emulator with `auth`, retrying without real waiting. */
	clientWith(auth: RemoteItAuth, options?: Partial<RemoteItClientOptions>): RemoteItClient;
	/** A client of the emulator signed in as the seed's account with `kind`. */
	client(kind: AuthKind, options?: Partial<RemoteItClientOptions>): Promise<RemoteItClient>;
}

function withClients(demo: Demo): ClientDemo {
	const clientWith = (auth: RemoteItAuth, extra: Partial<RemoteItClientOptions> = {}) =>
		createRemoteItClient({
			apiUrl: demo.emulator.url,
			auth,
			sleep: noWait,
			retry: quickRetry,
			...extra,
		});
	return Object.assign(demo, {
		clientWith,
		client: async (kind: AuthKind, extra: Partial<RemoteItClientOptions> = {}) =>
			clientWith(await authFor(kind, demo.emulator.url, demo.account), extra),
	});
}

/** The file's demo emulator (test/support/demo.ts: one per file, reset before each test) with clients. */
export function useClientDemo(options: StartEmulatorOptions = {}): ClientDemo {
	return withClients(useDemo(options));
}

/** An emulator of a test's own (the test closes it), with clients. */
export async function startDemo(options: StartEmulatorOptions = {}): Promise<ClientDemo> {
	const emulator = await startEmulator(options);
	return withClients({
		emulator,
		account: seedAccount(emulator.seed),
		log: (): Promise<RequestLogEntry[]> => readRequestLog(emulator.url),
	});
}

/** The rejection of a promise that must fail (fails the test if it resolves). */
export async function failureOf(
	promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> {
	try {
		await promise;
	} catch (error) {
		return error as Error & Record<string, unknown>;
	}
	throw new Error('expected the call to fail, but it succeeded');
}

export const countPath = (log: RequestLogEntry[], path: string): number =>
	log.filter((e) => e.path === path).length;
export const LOGIN_PATH = '/apv/v27/user/login';
export const GRAPHQL_PATH = '/graphql/v1';
