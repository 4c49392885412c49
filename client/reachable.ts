/**
 * Connect's "wait until reachable": probe the new endpoint until it accepts a connection or a time limit passes
 * (docs/remoteit-api.md §7). The probe, the clock and the sleep are injected, so the client opens no socket and
 * starts no timer of its own.
 */
import { RemoteItTimeoutError } from './errors';
import { wholeNumberOf } from './validate';
import type { Connection, ProbeEndpoint } from './types';

export const DEFAULT_REACHABLE_TIMEOUT_MS = 30_000;
export const MAX_REACHABLE_TIMEOUT_MS = 600_000;
const PROBE_INTERVAL_MS = 500;

export function reachableTimeoutOf(value: unknown): number {
	return wholeNumberOf('reachableTimeoutMs', value, {
		min: 1000,
		max: MAX_REACHABLE_TIMEOUT_MS,
		fallback: DEFAULT_REACHABLE_TIMEOUT_MS,
		unit: 'milliseconds',
	});
}

export interface ReachableSettings {
	probe: ProbeEndpoint;
	timeoutMs: number;
	now: () => Date;
	sleep: (ms: number) => Promise<void>;
}

/** Resolves once a probe succeeds; rejects with RemoteItTimeoutError when the time is up (a failing probe counts as "not yet"). */
export async function waitUntilReachable(
	connection: Connection,
	settings: ReachableSettings,
): Promise<void> {
	const started = settings.now().getTime();
	const endpoint = { host: connection.host, port: connection.port, url: connection.url };
	for (;;) {
		const reached = await settings.probe(endpoint).catch(() => false);
		if (reached) return;
		const elapsed = settings.now().getTime() - started;
		if (elapsed >= settings.timeoutMs) {
			throw new RemoteItTimeoutError(
				`The proxy ${connection.url} did not accept a connection within ${Math.round(settings.timeoutMs / 1000)} s, so it was closed. The device's service may not be running.`,
				settings.timeoutMs,
			);
		}
		await settings.sleep(Math.min(PROBE_INTERVAL_MS, settings.timeoutMs - elapsed));
	}
}
