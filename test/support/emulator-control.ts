/**
 * Typed helpers for the emulator's control API (/_emulator/, see emulator/README.md), so every test
 * suite drives the emulator the same way. Each takes the emulator's base url (startEmulator().url).
 */
import type { FaultSpec, RequestLogEntry, Seed, TrafficSnapshot } from '../../emulator';
import { forgetSharedWindows } from '../../client/wire/request';
import { forgetSharedTokens } from '../../client/auth/session';

export type { FaultSpec, RequestLogEntry, TrafficSnapshot };

export interface EmulatorConnection {
	id: string;
	owner: string;
	serviceId: string;
	deviceId: string;
	deviceName: string;
	serviceName: string;
	host: string;
	port: number | null;
	proxy: string;
	reverseProxy: boolean;
	hostIp: string;
	createdAt: string;
	expiresAt: string;
}

async function control<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${url}/_emulator/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`emulator control ${method} ${path} failed: ${response.status} ${text}`);
	return JSON.parse(text) as T;
}

/**
 * Back to the seed: devices, connections, tokens, clock, faults, latency, request log. The emulator forgets the
 * tokens it issued, so this process's clients forget them too (they would be refused and renewed), and what 429s
 * taught the accounts' shared windows.
 */
export async function resetEmulator(url: string): Promise<void> {
	await control(url, 'POST', 'reset');
	forgetSharedTokens();
	forgetSharedWindows();
}

/** Sets a device (all its services) or one service online or offline. */
export async function setOnline(url: string, id: string, online: boolean): Promise<void> {
	await control(url, 'POST', 'online', { id, online });
}

/**
 * Arms a fault for the next `times` (default 1) requests whose path matches (exact, or a prefix ending in *):
 * `{ path: '/graphql/v1', kind: 'status', status: 429, retryAfter: 1 }`, `{ kind: 'delay', delayMs }`,
 * `{ kind: 'drop' }` (socket destroyed), `{ kind: 'malformed' }` (truncated JSON body).
 */
export async function injectFault(url: string, fault: FaultSpec): Promise<void> {
	await control(url, 'POST', 'faults', fault);
}

export async function clearFaults(url: string): Promise<void> {
	await control(url, 'DELETE', 'faults');
}

/** A fixed delay before every API request (not control requests); 0 turns it off. */
export async function setLatency(url: string, ms: number): Promise<void> {
	await control(url, 'POST', 'latency', { ms });
}

/** Moves the emulator clock by `seconds` (negative goes back); returns the emulator's new "now". */
export async function shiftClock(url: string, seconds: number): Promise<string> {
	return (await control<{ now: string }>(url, 'POST', 'clock', { advanceSeconds: seconds })).now;
}

/** Sets the emulator clock to an instant (e.g. the date of the signature vector in docs/remoteit-api.md §4). */
export async function setClock(url: string, now: Date | string): Promise<string> {
	const iso = typeof now === 'string' ? now : now.toISOString();
	return (await control<{ now: string }>(url, 'POST', 'clock', { now: iso })).now;
}

/** The requests seen since the last reset/clear: method, path, auth scheme, status; never a secret. */
export async function readRequestLog(
	url: string,
	options: { clear?: boolean } = {},
): Promise<RequestLogEntry[]> {
	const query = options.clear ? '?clear=1' : '';
	return (await control<{ requests: RequestLogEntry[] }>(url, 'GET', `requests${query}`)).requests;
}

export async function clearRequestLog(url: string): Promise<void> {
	await control(url, 'DELETE', 'requests');
}

/** Live (unexpired) proxy connections of every user. */
export async function listEmulatorConnections(url: string): Promise<EmulatorConnection[]> {
	return (await control<{ connections: EmulatorConnection[] }>(url, 'GET', 'connections'))
		.connections;
}

/** Invalidates every session token issued so far (the next token call sees "missing api token"). */
export async function expireTokens(url: string): Promise<number> {
	return (await control<{ expired: number }>(url, 'POST', 'tokens/expire')).expired;
}

/** New TCP connections and TLS handshakes of API requests, requests, peak in flight and 429s since the last clear. */
export async function readTraffic(url: string): Promise<TrafficSnapshot> {
	return (await control<{ traffic: TrafficSnapshot }>(url, 'GET', 'traffic')).traffic;
}

export async function clearTraffic(url: string): Promise<void> {
	await control(url, 'DELETE', 'traffic');
}

/** Holds every account to `perSecond` API requests a second (429 + Retry-After beyond it); 0 lifts the limit. */
export async function setRateLimit(url: string, perSecond: number): Promise<void> {
	await control(url, 'POST', 'rate-limit', { perSecond });
}

export interface SeedAccount {
	email: string;
	password: string;
	developerKey: string;
	accessKeyId: string;
	secretAccessKey: string;
}

/** Credentials of a seed user (default: the first, demo@example.com in the demo seed) and its first enabled key. */
export function seedAccount(seed: Seed, email?: string): SeedAccount {
	const user = email ? seed.users.find((u) => u.email === email.toLowerCase()) : seed.users[0];
	if (!user) throw new Error(`seed has no user ${email ?? ''}`);
	const key = user.accessKeys.find((k) => k.enabled);
	if (!key) throw new Error(`seed user ${user.email} has no enabled access key`);
	return {
		email: user.email,
		password: user.password,
		developerKey: user.developerKey,
		accessKeyId: key.id,
		secretAccessKey: key.secret,
	};
}
