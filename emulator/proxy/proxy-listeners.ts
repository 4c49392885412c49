/**
 * Real loopback listeners behind the emulator's proxy connections (emulator-defined: emulator/README.md).
 * Each connection gets a TCP listener on 127.0.0.1 that honours its access mode (docs/remoteit-api.md §5):
 * public lets anyone in, restricted only its hostIP, latching binds to the first source IP that connects.
 * A listener closes when its connection is disconnected, replaced, expires or the emulator resets.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { carry, devicePage, type ProxyTarget } from './responders';

export const LATCHING = '255.255.255.255';
export const PUBLIC = '0.0.0.0';

export interface ProxySpec {
	hostIp: string;
	target: ProxyTarget;
	deviceName: string;
	serviceName: string;
	/** False once the connection has expired by the emulator clock: new sockets are refused. */
	isLive: () => boolean;
}

interface Listener {
	server: Server;
	sockets: Set<Socket>;
	page?: HttpServer;
}

const sourceOf = (socket: Socket) => (socket.remoteAddress ?? '').replace(/^::ffff:/, '');

export class ProxyListeners {
	private readonly listeners = new Map<string, Listener>();

	/** Opens the listener for connection `id` and answers its port. */
	async open(id: string, spec: ProxySpec): Promise<number> {
		let latched: string | undefined;
		const listener: Listener = { server: createServer(), sockets: new Set() };
		const page = () => (listener.page ??= devicePage(spec.deviceName, spec.serviceName));
		listener.server.on('connection', (socket) => {
			const source = sourceOf(socket);
			socket.on('error', () => socket.destroy());
			if (spec.hostIp === LATCHING) latched ??= source;
			const allowed =
				spec.hostIp === PUBLIC || source === (spec.hostIp === LATCHING ? latched : spec.hostIp);
			if (!allowed || !spec.isLive()) {
				socket.destroy();
				return;
			}
			listener.sockets.add(socket);
			socket.on('close', () => listener.sockets.delete(socket));
			carry(socket, spec.target, page);
		});
		await new Promise<void>((resolve, reject) => {
			listener.server.once('error', reject);
			listener.server.listen(0, '127.0.0.1', () => resolve());
		});
		this.listeners.set(id, listener);
		const address = listener.server.address();
		return typeof address === 'object' && address ? address.port : 0;
	}

	/** Stops accepting and cuts the sockets it carries, as a closed remote.it proxy does. */
	close(id: string): void {
		const listener = this.listeners.get(id);
		if (!listener) return;
		this.listeners.delete(id);
		listener.server.close();
		for (const socket of listener.sockets) socket.destroy();
		listener.page?.close();
	}

	closeAll(): void {
		for (const id of [...this.listeners.keys()]) this.close(id);
	}
}
