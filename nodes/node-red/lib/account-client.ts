/**
 * Builds the remote.it client of one account: one axios transport (one timeout, one abort signal) and the
 * client's own token cache. The account node keeps the client for its lifetime; the Test credentials endpoint
 * builds a short-lived one from the edit dialog's values.
 */
import {
	createRemoteItClient,
	probeTcp,
	DEFAULT_CONCURRENCY,
	DEFAULT_API_URL,
	DEFAULT_REQUEST_TIMEOUT_MS,
	MAX_REQUEST_TIMEOUT_MS,
	RemoteItValidationError,
	type RemoteItClient,
} from '../../../client/transport';
import { createAxiosTransport } from '../../../client/transport/axios';
import { authFromCredentials, type AccountCredentials } from './account-credentials';
import { named } from './field-names';

export interface AccountSettings {
	apiUrl?: string;
	authMethod: unknown;
	credentials: AccountCredentials;
	timeoutSeconds?: unknown;
}

/** The account dialog's fields, with their property names, for the client's option names. */
const ACCOUNT_FIELDS = {
	apiUrl: 'API URL (apiUrl) of the remote.it account',
	authMethod: 'Authentication (authMethod) of the remote.it account',
};

export function createAccountClient(
	settings: AccountSettings,
	signal?: AbortSignal,
): RemoteItClient {
	try {
		return createClient(settings, signal);
	} catch (error) {
		throw named(error, ACCOUNT_FIELDS);
	}
}

function createClient(settings: AccountSettings, signal?: AbortSignal): RemoteItClient {
	const timeoutMs = timeoutMsFrom(settings.timeoutSeconds);
	return createRemoteItClient({
		apiUrl: apiUrlFrom(settings.apiUrl),
		auth: authFromCredentials(settings.authMethod, settings.credentials),
		timeoutMs,
		timeoutAdvice: 'raise the Timeout of the remote.it account',
		concurrency: DEFAULT_CONCURRENCY,
		send: createAxiosTransport({ timeoutMs, ...(signal ? { signal } : {}) }),
		probe: probeTcp,
	});
}

export function apiUrlFrom(value: unknown): string {
	return typeof value === 'string' && value.trim() ? value.trim() : DEFAULT_API_URL;
}

/** The account's Timeout, in seconds as its dialog shows it, up to the client's own limit. */
const MAX_TIMEOUT_SECONDS = MAX_REQUEST_TIMEOUT_MS / 1000;

function timeoutMsFrom(seconds: unknown): number {
	if (seconds === undefined || seconds === null || seconds === '')
		return DEFAULT_REQUEST_TIMEOUT_MS;
	const parsed =
		typeof seconds === 'number' || typeof seconds === 'string' ? Number(seconds) : Number.NaN;
	const ms = Math.round(parsed * 1000);
	if (!Number.isFinite(parsed) || ms < 1 || parsed > MAX_TIMEOUT_SECONDS) {
		throw new RemoteItValidationError(
			'timeout',
			`Timeout (timeout) of the remote.it account: must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}`,
		);
	}
	return ms;
}
