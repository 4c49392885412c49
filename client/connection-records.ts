/**
 * Connections opened in this process, per account: the only source of a connection's address and access mode
 * (remote.it's session list carries neither, docs/remoteit-api.md §3). Shared by every client of the same
 * account and API, so Reuse works across n8n executions and Node-RED messages in one process.
 */
import { createHash } from 'node:crypto';
import type { Connection, RemoteItAuth } from './types';

export type ConnectionRecords = Map<string, Connection>;

const registry = new Map<string, ConnectionRecords>();

/** An account's key without any secret in it: key id, username or a hash of the token. */
export function accountKey(apiUrl: string, auth: RemoteItAuth): string {
	const who =
		auth.type === 'accessKey'
			? auth.accessKeyId
			: auth.type === 'password'
				? auth.username.toLowerCase()
				: createHash('sha256').update(auth.token).digest('hex');
	return `${apiUrl} ${auth.type} ${who}`;
}

/** When each account's records were last swept: a sweep reads every record, so not on every request. */
const sweptAtMs = new Map<string, number>();
const SWEEP_EVERY_MS = 60_000;

/**
 * The account's records, with connections past their expiry dropped (at most a minute late: a process that connects
 * to the same services all day holds thousands, and reading them all on every connect cost more than the request).
 */
export function recordsFor(key: string, nowMs: number): ConnectionRecords {
	let records = registry.get(key);
	if (!records) registry.set(key, (records = new Map()));
	const sweptAt = sweptAtMs.get(key);
	if (sweptAt === undefined || nowMs < sweptAt || nowMs - sweptAt >= SWEEP_EVERY_MS) {
		sweptAtMs.set(key, nowMs);
		for (const [id, c] of records) if (Date.parse(c.expiresAt) <= nowMs) records.delete(id);
	}
	return records;
}
