/**
 * The demo device's web UI on a free loopback port: a status page naming the device, and `/api/status` as JSON.
 * Unlike the emulator's built-in page, it is a separate server the proxy forwards real bytes to.
 */
import { createServer } from 'node:http';
import { DEVICE_HOSTNAME } from './device-facts';

export interface RunningHttpDevice {
	port: number;
	close(): Promise<void>;
}

const page = (path: string): string => `<!doctype html>
<html><head><meta charset="utf-8"><title>${DEVICE_HOSTNAME} web UI</title></head>
<body><h1>${DEVICE_HOSTNAME} web UI</h1><p>Line 3 PLC gateway: all systems normal.</p><p>Served by the device at ${path}</p></body></html>
`;

export async function startHttpDevice(): Promise<RunningHttpDevice> {
	const server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0];
		if (path === '/api/status') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ hostname: DEVICE_HOSTNAME, status: 'ok', temperatureC: 41.5 }));
			return;
		}
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-device': DEVICE_HOSTNAME });
		res.end(req.method === 'HEAD' ? undefined : page(path));
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as { port: number };
	return {
		port,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
