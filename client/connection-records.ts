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

/** The account's records, with connections past their expiry dropped. */
export function recordsFor(key: string, nowMs: number): ConnectionRecords {
	let records = registry.get(key);
	if (!records) registry.set(key, (records = new Map()));
	for (const [id, c] of records) if (Date.parse(c.expiresAt) <= nowMs) records.delete(id);
	return records;
}
