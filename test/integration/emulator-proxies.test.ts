/**
 * The emulator's proxies carry real traffic (emulator/README.md): a loopback listener per connection that
 * forwards to the service's seed target, honours the access mode, and closes on disconnect, replacement,
 * expiry and reset.
 */
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import type { RunningEmulator } from '../../emulator';
import { DEMO_SEED_PATH, loadSeedFile, startEmulator } from '../../emulator';
import { resetEmulator, seedAccount, shiftClock } from '../support/emulator-control';
import { DEVICE_PAGE_HEADING, SSH, WEB_UI } from '../support/demo';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions

const POSTGRES = '80:00:00:00:01:00:00:04';

/** Sends `text`, resolves with everything read until the peer closes or `expectBytes` arrived; rejects on refusal. */
function exchange(
	port: number,
	text: string,
	options: { localAddress?: string; expectBytes?: number } = {},
): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket: Socket = tcpConnect({
			host: '127.0.0.1',
			port,
			localAddress: options.localAddress,
		});
		let received = '';
		socket.setTimeout(5000, () => socket.destroy(new Error('timed out')));
		socket.on('connect', () => socket.write(text));
		socket.on('data', (chunk) => {
			received += chunk.toString();
			if (options.expectBytes !== undefined && received.length >= options.expectBytes) socket.end();
		});
		socket.on('error', reject);
		socket.on('close', () =>
			received ? resolve(received) : reject(new Error('closed without an answer')),
		);
	});
}

describe('emulator proxies', () => {
	let emulator: RunningEmulator;
	let upstream: Server;
	let upstreamPort: number;
	let headers: Record<string, string>;

	beforeAll(async () => {
		upstream = createServer((socket) =>
			socket.on('data', (d) => socket.write(`upstream got ${d.toString()}`)),
		);
		await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
		upstreamPort = (upstream.address() as { port: number }).port;
		const base = JSON.parse(JSON.stringify(loadSeedFile(DEMO_SEED_PATH))) as Json;
		const postgres = base.users[0].devices[0].services.find((s: Json) => s.id === POSTGRES);
		postgres.target = `127.0.0.1:${upstreamPort}`;
		emulator = await startEmulator({ seed: base as never });
	});
	afterAll(async () => {
		await emulator.close();
		await new Promise((resolve) => upstream.close(resolve));
	});
	beforeEach(async () => {
		await resetEmulator(emulator.url);
		const account = seedAccount(emulator.seed);
		const login = await fetch(`${emulator.url}/apv/v27/user/login`, {
			method: 'POST',
			headers: { developerkey: account.developerKey, 'content-type': 'application/json' },
			body: JSON.stringify({ username: account.email, password: account.password }),
		});
		headers = {
			token: ((await login.json()) as { token: string }).token,
			'content-type': 'application/json',
		};
	});

	async function connect(serviceId: string, hostIP = '0.0.0.0'): Promise<Json> {
		const response = await fetch(`${emulator.url}/graphql/v1`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				query:
					'mutation C($serviceId: String!, $hostIP: String!) { connect(serviceId: $serviceId, hostIP: $hostIP) { id host port url reverseProxy } }',
				variables: { serviceId, hostIP },
			}),
		});
		return ((await response.json()) as Json).data.connect;
	}
	async function disconnect(serviceId: string, connectionId: string): Promise<void> {
		await fetch(`${emulator.url}/graphql/v1`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				query:
					'mutation D($serviceId: String, $connectionId: String!) { disconnect(serviceId: $serviceId, connectionId: $connectionId) }',
				variables: { serviceId, connectionId },
			}),
		});
	}

	it('forwards a port proxy to the target the seed declares', async () => {
		const { port } = await connect(POSTGRES);
		expect(await exchange(port, 'SELECT 1', { expectBytes: 'upstream got SELECT 1'.length })).toBe(
			'upstream got SELECT 1',
		);
	});

	it('echoes through a service without a target, and serves an HTTP service its device page through the reverse proxy', async () => {
		const ssh = await connect(SSH);
		expect(await exchange(ssh.port, 'SSH-2.0-probe\r\n', { expectBytes: 15 })).toBe(
			'SSH-2.0-probe\r\n',
		);
		const web = await connect(WEB_UI);
		expect(web).toMatchObject({ reverseProxy: true, port: null });
		const page = await fetch(web.url);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(DEVICE_PAGE_HEADING);
	});

	it('restricted refuses any other source address; public lets everyone in', async () => {
		const restricted = await connect(SSH, '198.51.100.7');
		await expect(exchange(restricted.port, 'hello')).rejects.toThrow();
		const own = await connect(SSH, '127.0.0.1');
		expect(await exchange(own.port, 'hello', { expectBytes: 5 })).toBe('hello');
		const open = await connect(SSH, '0.0.0.0');
		expect(await exchange(open.port, 'a', { localAddress: '127.0.0.2', expectBytes: 1 })).toBe('a');
		expect(await exchange(open.port, 'b', { localAddress: '127.0.0.3', expectBytes: 1 })).toBe('b');
	});

	it('latching binds to the first source address that connects', async () => {
		const latching = await connect(SSH, '255.255.255.255');
		expect(
			await exchange(latching.port, 'first', { localAddress: '127.0.0.2', expectBytes: 5 }),
		).toBe('first');
		await expect(exchange(latching.port, 'other', { localAddress: '127.0.0.3' })).rejects.toThrow();
		expect(
			await exchange(latching.port, 'again', { localAddress: '127.0.0.2', expectBytes: 5 }),
		).toBe('again');
	});

	it('closes the listener on disconnect, replacement and expiry', async () => {
		const disconnected = await connect(SSH);
		await disconnect(SSH, disconnected.id);
		await expect(exchange(disconnected.port, 'x')).rejects.toThrow();

		const replaced = await connect(SSH);
		await connect(SSH);
		await expect(exchange(replaced.port, 'x')).rejects.toThrow();

		const expiring = await connect(POSTGRES);
		await shiftClock(emulator.url, 28_801);
		await expect(exchange(expiring.port, 'x')).rejects.toThrow();
	});

	it('closes every listener on reset, and does not keep the process alive after close', async () => {
		const beforeReset = await connect(SSH);
		expect(await exchange(beforeReset.port, 'x', { expectBytes: 1 })).toBe('x');
		await resetEmulator(emulator.url);
		await expect(exchange(beforeReset.port, 'x')).rejects.toThrow();
	});
});
