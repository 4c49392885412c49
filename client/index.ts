/**
 * The remote.it client: `createRemoteItClient(options)`, its types, its typed errors and the request signer.
 * This entry adds the defaults a script needs (the axios transport, loaded on first use only, and timers for
 * retries and the request deadline) to the engine-neutral core in core.ts.
 */
import { buildRemoteItClient } from './core';
import { sleepWithTimer, startDeadline } from './timers';
import type { RemoteItClient, RemoteItClientOptions, SendRequest } from './types';
import { normaliseTimeout } from './validate';

export * from './core';

/** Loads axios only when a request is actually sent without an engine-supplied transport. */
function lazyAxiosTransport(timeoutMs: () => number): SendRequest {
	let transport: Promise<SendRequest> | undefined;
	return async (request) => {
		transport ??= import('./transport/axios').then((m) =>
			m.createAxiosTransport({ timeoutMs: timeoutMs() }),
		);
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
