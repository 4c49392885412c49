/**
 * Builds the remote.it client of one account: one axios transport (one timeout, one abort signal) and the
 * client's own token cache. The config node keeps the client for its lifetime; the Test credentials endpoint
 * builds a short-lived one from the edit dialog's values.
 */
import { createRemoteItClient, RemoteItValidationError, type RemoteItClient } from '../../client';
import { createAxiosTransport } from '../../client/transport/axios';
import { authFromCredentials, type AccountCredentials } from './account-credentials';
import { probeTcp } from '../../client/transport/tcp-probe';

const DEFAULT_API_URL = 'https://api.remote.it';
const DEFAULT_TIMEOUT_SECONDS = 30;
/**
 * Requests one account keeps in flight, whatever bursts of messages arrive; narrowed while remote.it answers 429.
 * The same as the n8n node's default Parallel Requests.
 */
const CONCURRENCY = 50;

export interface AccountSettings {
  apiUrl?: string;
  authMethod: unknown;
  credentials: AccountCredentials;
  timeoutSeconds?: unknown;
}

export function createAccountClient(settings: AccountSettings, signal?: AbortSignal): RemoteItClient {
  const timeoutMs = timeoutMsFrom(settings.timeoutSeconds);
  return createRemoteItClient({
    apiUrl: apiUrlFrom(settings.apiUrl),
    auth: authFromCredentials(settings.authMethod, settings.credentials),
    timeoutMs,
    concurrency: CONCURRENCY,
    send: createAxiosTransport({ timeoutMs, ...(signal ? { signal } : {}) }),
    probe: probeTcp,
  });
}

export function apiUrlFrom(value: unknown): string {
  return typeof value === 'string' && value.trim() ? value.trim() : DEFAULT_API_URL;
}

function timeoutMsFrom(seconds: unknown): number {
  if (seconds === undefined || seconds === null || seconds === '') return DEFAULT_TIMEOUT_SECONDS * 1000;
  const parsed = Number(seconds);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new RemoteItValidationError('timeout', 'The remote.it account timeout must be a positive number of seconds');
  }
  return Math.round(parsed * 1000);
}
