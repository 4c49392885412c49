/**
 * Where a proxy's bytes go (emulator-defined: emulator/README.md). A seed `target` of `127.0.0.1:<port>` forwards
 * to that port; `http` serves a small page naming the device and service; `echo` sends every byte back.
 * `device:<name>` forwards to the device service startEmulator's `deviceServices` names (dev/device/). Services
 * without a target, or whose device service is not running, get `http` for HTTP/HTTPS applications (7, 8) and
 * `echo` otherwise.
 */
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface ProxyTarget {
	kind: 'forward' | 'http' | 'echo';
	host?: string;
	port?: number;
}

export function targetOf(
	declared: string | undefined,
	application: number,
	deviceServices: Record<string, string> = {},
): ProxyTarget {
	if (declared === 'http' || declared === 'echo') return { kind: declared };
	if (declared?.startsWith('device:'))
		return targetOf(deviceServices[declared.slice('device:'.length)], application);
	if (declared) {
		const [host, port] = declared.split(':');
		return { kind: 'forward', host: host === 'localhost' ? '127.0.0.1' : host, port: Number(port) };
	}
	return { kind: application === 7 || application === 8 ? 'http' : 'echo' };
}

/** The built-in device page: an HTTP server that never listens, fed the proxy's sockets. */
export function devicePage(deviceName: string, serviceName: string): Server {
	return createServer((req, res) => {
		const body = `<!doctype html><title>${deviceName}</title><h1>${deviceName}</h1><p>${serviceName} via the remote.it emulator: ${req.method} ${req.url}</p>\n`;
		res.writeHead(200, {
			'content-type': 'text/html; charset=utf-8',
			'x-remoteit-emulator-device': deviceName,
		});
		res.end(body);
	});
}

/** Hands an accepted socket to its target; a target that refuses closes the client's socket too. */
export function carry(socket: Socket, target: ProxyTarget, page: () => Server): void {
	if (target.kind === 'echo') {
		socket.pipe(socket);
		return;
	}
	if (target.kind === 'http') {
		page().emit('connection', socket);
		return;
	}
	const upstream = connect({ host: target.host ?? '127.0.0.1', port: target.port ?? 0 });
	upstream.on('error', () => socket.destroy());
	socket.on('error', () => upstream.destroy());
	socket.pipe(upstream).pipe(socket);
}
