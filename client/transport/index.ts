/** The client on plain Node (Node-RED, scripts): axios, timers and sockets, which the n8n package may not ship. */
import { connect } from 'node:net';
import type {
	ProbeEndpoint,
	StartDeadline,
	RemoteItClient,
	RemoteItClientOptions,
	SendRequest,
} from '../types';
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

/** Runs `run` once after `ms` and returns its cancel: Node-RED's polling node keeps its timers here, out of nodes/ (n8n's scanner reads nodes/). */
export const runLater = (ms: number, run: () => void): (() => void) => {
	const timer = setTimeout(run, ms);
	return () => clearTimeout(timer);
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

/** Wait Until Reachable's probe: one TCP connection, accepted and not dropped within a moment. */
const PROBE_TIMEOUT_MS = 3000;
/** A listener that refuses a source address accepts, then drops at once: hold on briefly before saying yes. */
const SETTLE_MS = 150;

function addressOf(endpoint: { host: string; port: number | null; url: string }): {
	host: string;
	port: number;
} {
	if (endpoint.port !== null) return { host: endpoint.host, port: endpoint.port };
	const url = new URL(endpoint.url);
	return { host: url.hostname, port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80) };
}

export const probeTcp: ProbeEndpoint = (endpoint) =>
	new Promise((resolve) => {
		const socket = connect(addressOf(endpoint));
		let settled = false;
		const finish = (reached: boolean) => {
			if (settled) return;
			settled = true;
			socket.destroy();
			resolve(reached);
		};
		socket.setTimeout(PROBE_TIMEOUT_MS, () => finish(false));
		socket.on('error', () => finish(false));
		socket.on('close', () => finish(false));
		socket.on('connect', () => setTimeout(() => finish(true), SETTLE_MS));
	});
