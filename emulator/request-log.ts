/** What the emulator saw: enough to count and assert on requests, and never a secret. */
import type { AuthScheme } from './http-types';

export interface RequestLogEntry {
	seq: number;
	/** Emulator-clock ISO time. */
	at: string;
	method: string;
	/** Path without the query string. */
	path: string;
	auth: AuthScheme;
	/** 0 when the connection was dropped by a fault. */
	status: number;
	/** GraphQL only: "query login", "mutation connect", ... */
	operation?: string;
	/** Set when an injected fault answered or delayed the request. */
	fault?: string;
	/** Why authentication failed (e.g. "clock skew: ..."), never the credential itself. */
	authFailure?: string;
}

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private seq = 0;

	add(entry: Omit<RequestLogEntry, 'seq'>): void {
		this.seq += 1;
		this.entries.push({ seq: this.seq, ...entry });
	}

	list(): RequestLogEntry[] {
		return [...this.entries];
	}

	clear(): void {
		this.entries = [];
	}
}
