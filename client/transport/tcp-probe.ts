/**
 * Connect's "wait until reachable" probe for Node-RED and scripts (never the n8n package, which may not open
 * sockets): one TCP connection to the endpoint (a reverse proxy's URL gives host and port). Accepted and not
 * dropped within a moment means reachable.
 */
import { connect } from 'node:net';
import type { ProbeEndpoint } from '../types';

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
