/** Shared set-up for the client-vs-emulator suites: an emulator per suite and clients for each auth type. */
import {
	createRemoteItClient,
	type RemoteItAuth,
	type RemoteItClient,
	type RemoteItClientOptions,
} from '../../client';
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../emulator';
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

export const SSH = '80:00:00:00:01:00:00:02';
export const WEB_UI = '80:00:00:00:01:00:00:03';
export const RDP = '80:00:00:00:01:00:00:11';
export const OFFLINE_SSH = '80:00:00:00:01:00:00:31';
export const UNKNOWN_SERVICE = '80:00:00:00:0F:0F:0F:0F';

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

export async function authFor(
	kind: AuthKind,
	url: string,
	account: SeedAccount,
): Promise<RemoteItAuth> {
	switch (kind) {
		case 'accessKey':
			return {
				type: 'accessKey',
				accessKeyId: account.accessKeyId,
				secretAccessKey: account.secretAccessKey,
				developerKey: account.developerKey,
			};
		case 'password':
			return {
				type: 'password',
				developerKey: account.developerKey,
				username: account.email,
				password: account.password,
			};
		case 'token':
			return {
				type: 'token',
				developerKey: account.developerKey,
				token: await obtainToken(url, account),
			};
	}
}

export interface Demo {
	emulator: RunningEmulator;
	account: SeedAccount;
	client(kind: AuthKind, options?: Partial<RemoteItClientOptions>): Promise<RemoteItClient>;
	log(): Promise<RequestLogEntry[]>;
}

export async function startDemo(options: StartEmulatorOptions = {}): Promise<Demo> {
	const emulator = await startEmulator(options);
	const account = seedAccount(emulator.seed);
	return {
		emulator,
		account,
		client: async (kind, extra = {}) =>
			createRemoteItClient({
				apiUrl: emulator.url,
				auth: await authFor(kind, emulator.url, account),
				sleep: noWait,
				retry: quickRetry,
				...extra,
			}),
		log: () => readRequestLog(emulator.url),
	};
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
