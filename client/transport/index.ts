/**
 * The client on plain Node (Node-RED and scripts): `createRemoteItClient` adds the axios transport (loaded on first
 * use) and timers to the engine-neutral client. The client's only use of global timers: the default `sleep` and
 * request deadline. The n8n package does not ship this file: its node injects n8n-workflow's `sleep` and leaves the
 * deadline to n8n's request helper (its `timeout`). The deadline needs a timer it can cancel, or a finished script
 * would stay alive until the timeout passed.
 */
import type { StartDeadline, RemoteItClient, RemoteItClientOptions, SendRequest } from '../types';
import { buildRemoteItClient } from '..';
import { normaliseTimeout } from '../validate';

export const sleepWithTimer = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));

export const startDeadline: StartDeadline = (ms, onExpiry) => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const expired = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(onExpiry()), ms);
	});
	return { expired, cancel: () => clearTimeout(timer) };
};

export * from '..';

/** Loads axios only when a request is actually sent without an engine-supplied transport. */
function lazyAxiosTransport(timeoutMs: () => number): SendRequest {
	let transport: Promise<SendRequest> | undefined;
	return async (request) => {
		transport ??= import('./axios').then((m) => m.createAxiosTransport({ timeoutMs: timeoutMs() }));
		return (await transport)(request);
	};
}

export function createRemoteItClient(options: RemoteItClientOptions): RemoteItClient {
	return buildRemoteItClient({
		...options,
		// Read when the first request is sent: by then the core has validated the timeout.
		send: options?.send ?? lazyAxiosTransport(() => normaliseTimeout(options.timeoutMs)),
		sleep: options?.sleep ?? sleepWithTimer,
		deadline: options?.deadline ?? startDeadline,
	});
}
