/**
 * A TCP proxy that charges what a real link charges, for a kernel without the netem qdisc: one round
 * trip before a new connection carries data (the TCP handshake), and the one-way delay on every chunk in each
 * direction, in order. TLS passes through as bytes, so its handshake pays its real round trips too. Bandwidth is
 * not limited. It listens on loopback, or on the bench's own veth address (bench/netns.ts).
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface LatencyProxy {
	/** The port clients connect to instead of the target's. */
	port: number;
	readonly rttMs: number;
	/** Connections accepted so far. */
	readonly connections: number;
	/** The most connections open at once since the last `takePeakOpen` (for one request per socket: requests in flight). */
	takePeakOpen(): number;
	close(): Promise<void>;
}

/**
 * Forwards `from` to `to` in order, each chunk `delayMs` after it arrived or, for a chunk sent before the
 * connection was open (`openAtMs`), `delayMs` after that.
 */
function forward(
	from: Socket,
	to: Socket,
	delayMs: number,
	openAtMs: number,
	timers: Set<NodeJS.Timeout>,
): void {
	let lastRelease = 0;
	const later = (action: () => void): void => {
		const release = Math.max(Math.max(performance.now(), openAtMs) + delayMs, lastRelease);
		lastRelease = release;
		const timer = setTimeout(
			() => {
				timers.delete(timer);
				action();
			},
			Math.max(0, release - performance.now()),
		);
		timers.add(timer);
	};
	from.on('data', (chunk: Buffer) =>
		later(() => {
			if (!to.destroyed) to.write(chunk);
		}),
	);
	from.on('end', () => later(() => to.end()));
	from.on('error', () => later(() => to.destroy()));
	from.on('close', () => later(() => to.destroy()));
}

export async function startLatencyProxy(
	target: { host: string; port: number },
	rttMs: number,
	listenAddress = '127.0.0.1',
): Promise<LatencyProxy> {
	const oneWayMs = rttMs / 2;
	const timers = new Set<NodeJS.Timeout>();
	const sockets = new Set<Socket>();
	let connections = 0;
	let open = 0;
	let peakOpen = 0;
	const server: Server = createServer((client) => {
		connections++;
		open++;
		peakOpen = Math.max(peakOpen, open);
		client.once('close', () => open--);
		// The handshake: SYN and SYN-ACK take a round trip before the client's first byte can even leave, so that
		// byte reaches the server one and a half round trips after connect().
		const openAt = performance.now() + rttMs;
		const upstream = connect(target.port, target.host);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.setNoDelay(true);
			socket.on('close', () => sockets.delete(socket));
		}
		forward(client, upstream, oneWayMs, openAt, timers);
		forward(upstream, client, oneWayMs, 0, timers);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, listenAddress, () => resolve());
	});
	return {
		port: (server.address() as AddressInfo).port,
		rttMs,
		get connections() {
			return connections;
		},
		takePeakOpen() {
			const peak = peakOpen;
			peakOpen = open;
			return peak;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
