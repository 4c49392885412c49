/** Every client method against the emulator, for each of the three auth types. */
import {
	RemoteItNotFoundError,
	RemoteItValidationError,
	type HttpRequest,
	type RemoteItClient,
} from '../../client';
import { createAxiosTransport } from '../../client/transport/axios';
import { clearRequestLog, listEmulatorConnections } from '../support/emulator-control';
import {
	AUTH_KINDS,
	countPath,
	failureOf,
	GRAPHQL_PATH,
	RDP,
	SSH,
	WEB_UI,
	startDemo,
	useClientDemo,
} from './client-fixtures';

const demo = useClientDemo();

describe.each(AUTH_KINDS)('with %s auth', (kind) => {
	let client: RemoteItClient;
	beforeEach(async () => {
		client = await demo.client(kind);
		await clearRequestLog(demo.emulator.url);
	});

	it('testCredentials returns the account email', async () => {
		await expect(client.testCredentials()).resolves.toEqual({ email: 'demo@example.com' });
	});

	it('listDevices returns devices with their services, filtered by name and state', async () => {
		const devices = await client.listDevices();
		expect(devices.map((d) => d.name)).toEqual([
			'camera-nvr',
			'factory-gateway',
			'lab-raspberrypi',
			'office-desktop',
			'warehouse-sensor',
		]);
		const gateway = devices.find((d) => d.name === 'factory-gateway');
		expect(gateway).toMatchObject({
			id: '80:00:00:00:01:00:00:01',
			state: 'active',
			online: true,
			hardwareId: 'b8:27:eb:00:00:01-factory',
		});
		// GraphQL sorts a device's services by name (remote.it's default sort: "name"); REST's order is not documented.
		expect([...(gateway?.services ?? [])].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
			expect.objectContaining({ id: '80:00:00:00:01:00:00:04', application: 1, port: 5432 }),
			{
				id: SSH,
				name: 'SSH',
				state: 'active',
				online: true,
				application: 28,
				type: 'SSH',
				port: 22,
			},
			expect.objectContaining({ id: WEB_UI, application: 7, port: 80 }),
		]);
		expect((await client.listDevices({ name: 'GATEWAY' })).map((d) => d.name)).toEqual([
			'factory-gateway',
		]);
		expect((await client.listDevices({ state: 'inactive' })).map((d) => d.name)).toEqual([
			'warehouse-sensor',
		]);
		expect(await client.listDevices({ limit: 2 })).toHaveLength(2);
		expect(await client.listDevices({ returnAll: true })).toHaveLength(5);
	});

	it('getDevice finds a device by id or by name, and says when there is none', async () => {
		expect((await client.getDevice('80:00:00:00:01:00:00:10')).name).toBe('office-desktop');
		expect((await client.getDevice(' Office-Desktop ')).id).toBe('80:00:00:00:01:00:00:10');
		await expect(client.getDevice('no-such-device')).rejects.toThrow(RemoteItNotFoundError);
		await expect(client.getDevice('80:00:00:00:0F:00:00:00')).rejects.toThrow(
			RemoteItNotFoundError,
		);
	});

	it('findService resolves an id or a "device/service" pair, with clear errors', async () => {
		expect((await client.findService(SSH.toLowerCase())).device.name).toBe('factory-gateway');
		const { device, service } = await client.findService('camera-nvr/SSH');
		expect([device.id, service.id]).toEqual(['80:00:00:00:01:00:00:20', '80:00:00:00:01:00:00:22']);
		expect((await client.findService('office-desktop / RDP')).service.id).toBe(RDP);
		await expect(client.findService('factory-gateway/Telnet')).rejects.toThrow(
			RemoteItNotFoundError,
		);
		await expect(client.findService('80:00:00:00:01:00:00:01')).rejects.toThrow(
			/is the device "factory-gateway"/,
		);
		await expect(client.findService('SSH')).rejects.toThrow(RemoteItValidationError);
	});

	it('serviceIdOf reads an id without a request and looks a "device/service" name up', async () => {
		expect(await client.serviceIdOf(` ${SSH.toLowerCase()} `)).toBe(SSH);
		expect(await client.serviceIdOf(SSH, 'id')).toBe(SSH);
		expect(await demo.log()).toEqual([]);
		expect(await client.serviceIdOf('office-desktop / RDP')).toBe(RDP);
		expect(await client.serviceIdOf(SSH, 'name')).toBe(SSH);
		// No "/" reads as an id, whatever it looks like; 'id' never looks a name up.
		await expect(client.serviceIdOf('zz:00:00:00:01:00:00:02')).rejects.toThrow(
			/is not a remote\.it id/,
		);
		await expect(client.serviceIdOf('camera-nvr/SSH', 'id')).rejects.toThrow(
			RemoteItValidationError,
		);
		await expect(client.serviceIdOf('factory-gateway', 'name')).rejects.toThrow(
			/is neither a service id nor "device name\/service name"/,
		);
	});

	it('not-found errors say what exists nearest: the device with its services, or the closest device names', async () => {
		const messageOf = async (promise: Promise<unknown>): Promise<string> => {
			const error = await failureOf(promise);
			expect(error).toBeInstanceOf(RemoteItNotFoundError);
			return (error as Error).message;
		};
		expect(await messageOf(client.findService('factory-gateway/Telnet'))).toBe(
			'No service "factory-gateway/Telnet" (device name/service name) in this remote.it account. ' +
				'Device "factory-gateway" exists, but has no service "Telnet"; its services: "Postgres", "SSH", "Web UI".',
		);
		expect(await messageOf(client.findService('factory-gatway/SSH'))).toBe(
			'No service "factory-gatway/SSH" (device name/service name) in this remote.it account. ' +
				'No device is named "factory-gatway". Closest device names: "factory-gateway".',
		);
		expect(await messageOf(client.findService('printer/SSH'))).toBe(
			'No service "printer/SSH" (device name/service name) in this remote.it account. ' +
				'No device is named "printer". No device has a similar name (5 devices in the account).',
		);
		expect(await messageOf(client.getDevice('office-dekstop'))).toBe(
			'No device named "office-dekstop" in this remote.it account. Closest device names: "office-desktop".',
		);
		expect(await messageOf(client.getDevice('camera'))).toMatch(
			/Closest device names: "camera-nvr"\.$/,
		);
	});

	it('searchServices pages "device / service" choices with an opaque cursor', async () => {
		const page = await client.searchServices({ filter: 'desk' });
		expect(page.items.map((c) => c.name)).toEqual(['office-desktop / RDP', 'office-desktop / VNC']);
		expect(page.next).toBeUndefined();
		const all = await client.searchServices();
		expect(all.items).toHaveLength(10);
		expect(all.items.find((c) => c.id === '80:00:00:00:01:00:00:31')).toMatchObject({
			online: false,
			deviceName: 'warehouse-sensor',
		});
		await expect(client.searchServices({ cursor: 'abc' })).rejects.toThrow(RemoteItValidationError);
	});

	it('connect opens a port proxy, lists it as a session, and disconnect closes it', async () => {
		const connection = await client.connect(SSH);
		expect(connection).toMatchObject({
			serviceId: SSH,
			reverseProxy: false,
			accessMode: 'latching',
			hostIp: '255.255.255.255',
			timeoutSeconds: 28800,
		});
		expect(connection.host).toBe('127.0.0.1');
		expect(connection.url).toBe(`tcp://${connection.host}:${connection.port}`);
		expect(Date.parse(connection.expiresAt) - Date.parse(connection.createdAt)).toBe(28800 * 1000);
		const live = await listEmulatorConnections(demo.emulator.url);
		expect(live).toEqual([
			expect.objectContaining({
				id: connection.id,
				port: connection.port,
				hostIp: '255.255.255.255',
			}),
		]);

		const sessions = await client.listActiveConnections();
		expect(sessions).toEqual([
			expect.objectContaining({
				id: connection.id,
				serviceId: SSH,
				serviceName: 'SSH',
				port: connection.port,
			}),
		]);

		await expect(
			client.disconnect({ connectionId: connection.id, serviceId: connection.serviceId }),
		).resolves.toEqual({ id: connection.id, serviceId: SSH, disconnected: true });
		expect(await listEmulatorConnections(demo.emulator.url)).toEqual([]);
		await expect(
			client.disconnect({ connectionId: connection.id, serviceId: SSH }),
		).rejects.toThrow(RemoteItNotFoundError);
	});

	it('connect gives HTTP services a reverse proxy and RDP a usable host:port', async () => {
		const web = await client.connect(WEB_UI);
		expect(web).toMatchObject({ reverseProxy: true, port: null, accessMode: 'public' });
		// The emulator's reverse proxy is plain HTTP on a loopback port (remote.it's: https://<label>.pNN.rt3.io).
		expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const rdp = await client.connect(RDP);
		expect(rdp.port).toBeGreaterThan(0);
		expect(rdp.url).toBe(`tcp://${rdp.host}:${rdp.port}`);
	});

	it('connect with a proxy type asks GraphQL for it: a port proxy to an HTTP service, a reverse proxy to SSH', async () => {
		const web = await client.connect(WEB_UI, { proxyType: 'port', accessMode: 'public' });
		expect(web).toMatchObject({ reverseProxy: false, accessMode: 'public', hostIp: '0.0.0.0' });
		expect(web.url).toBe(`tcp://${web.host}:${web.port}`);
		const ssh = await client.connect(SSH, { proxyType: 'reverse' });
		expect(ssh).toMatchObject({ reverseProxy: true, port: null });
	});

	it('connect sends the access mode as hostip/hostIP', async () => {
		await client.connect(SSH, { accessMode: 'restricted', hostIp: '203.0.113.7' });
		await client.connect(RDP, { accessMode: 'public' });
		const byService = new Map(
			(await listEmulatorConnections(demo.emulator.url)).map((c) => [c.serviceId, c.hostIp]),
		);
		expect(byService.get(SSH)).toBe('203.0.113.7');
		expect(byService.get(RDP)).toBe('0.0.0.0');
	});

	it('connect with reuse returns the live connection instead of opening another', async () => {
		const first = await client.connect(SSH, { accessMode: 'public' });
		const again = await client.connect(SSH.toLowerCase(), { reuse: true });
		expect(again).toEqual(first);
		const log = await demo.log();
		const connects = log.filter(
			(e) => e.path.endsWith('/device/connect') || e.operation === 'mutation connect',
		);
		expect(connects).toHaveLength(1);
	});

	it('connect with includeRaw adds the API answer', async () => {
		const connection = await client.connect(SSH, { includeRaw: true });
		expect(JSON.stringify(connection.raw)).toContain(connection.id);
		expect((await client.connect(SSH)).raw).toBeUndefined();
	});

	it(`api "auto" uses ${kind === 'accessKey' ? 'GraphQL' : 'REST v27'}, and either API can be chosen`, async () => {
		await client.connect(SSH);
		const viaAuto = (await demo.log()).at(-1);
		expect(viaAuto?.path).toBe(kind === 'accessKey' ? GRAPHQL_PATH : '/apv/v27/device/connect');
		await clearRequestLog(demo.emulator.url);
		const viaGraphql = await client.connect(SSH, { api: 'graphql' });
		const viaRest = await client.connect(RDP, { api: 'rest' });
		expect([viaGraphql.port, viaRest.port].every((p) => typeof p === 'number')).toBe(true);
		// The second connect to SSH replaced the first, which the client checks in the session list and reports.
		expect(viaGraphql.replacedConnectionId).toEqual(expect.any(String));
		const operations = (await demo.log())
			.filter((e) => e.path === GRAPHQL_PATH)
			.map((e) => e.operation);
		expect(operations).toEqual(['mutation connect', 'query login']);
		expect(countPath(await demo.log(), '/apv/v27/device/connect')).toBe(1);
	});
});

describe('devices across pages', () => {
	it('follows hasMore with pages of at most 1000 devices', async () => {
		const base = demo.emulator.seed.users[0];
		const devices = Array.from({ length: 1203 }, (_, n) => {
			const hex = n.toString(16).padStart(4, '0').toUpperCase();
			const id = `80:00:00:00:0A:00:${hex.slice(0, 2)}:${hex.slice(2)}`;
			return {
				id,
				name: `bulk-${String(n).padStart(4, '0')}`,
				state: 'active' as const,
				services: [{ id, name: 'Bulk Service', application: 35, port: 65535 }],
			};
		});
		const big = await startDemo({ seed: { users: [{ ...base, devices }] } });
		try {
			const client = await big.client('accessKey');
			const all = await client.listDevices({ returnAll: true });
			expect(all).toHaveLength(1203);
			expect(new Set(all.map((d) => d.id)).size).toBe(1203);
			expect(countPath(await big.log(), GRAPHQL_PATH)).toBe(2);
			expect(await client.listDevices({ limit: 1000 })).toHaveLength(1000);
			const picker = await client.searchServices({ filter: 'bulk-' });
			expect(picker.next).toBe('50');
		} finally {
			await big.emulator.close();
		}
	});
});

describe('validation happens before any request', () => {
	it.each([
		['connect', (c: RemoteItClient) => c.connect('not-an-id')],
		['connect restricted', (c: RemoteItClient) => c.connect(SSH, { accessMode: 'restricted' })],
		['listDevices limit', (c: RemoteItClient) => c.listDevices({ limit: 5000 })],
		['disconnect', (c: RemoteItClient) => c.disconnect({ connectionId: '', serviceId: SSH })],
		['getDevice', (c: RemoteItClient) => c.getDevice('x'.repeat(600))],
	])('%s', async (_name, call) => {
		const client = await demo.client('accessKey');
		await clearRequestLog(demo.emulator.url);
		expect(await failureOf(call(client))).toBeInstanceOf(RemoteItValidationError);
		expect(await demo.log()).toEqual([]);
	});
});

describe('reuse across clients and ambiguous names', () => {
	it('reuses only a connection this client opened that remote.it still lists; never one it cannot prove is its own', async () => {
		const opener = await demo.client('accessKey');
		const opened = await opener.connect(SSH, { accessMode: 'public' });
		expect(await opener.connect(SSH, { reuse: true })).toEqual(opened);
		const other = await demo.client('password');
		const fresh = await other.connect(SSH, { reuse: true, accessMode: 'public' });
		expect(fresh.id).not.toBe(opened.id);
		// The emulator's seed also lists a technician's proxy and peer-to-peer sessions on SSH: never reused or listed.
		expect((await other.listActiveConnections()).map((s) => s.id)).toEqual([fresh.id]);
		const again = await opener.connect(SSH, { reuse: true });
		expect(again.id).not.toBe(opened.id);
	});

	it('says when several devices or services share a name', async () => {
		const base = demo.emulator.seed.users[0];
		const twin = (n: number) => ({
			id: `80:00:00:00:0B:00:00:0${n}`,
			name: 'twin',
			state: 'active' as const,
			services: [
				{ id: `80:00:00:00:0B:00:00:0${n}`, name: 'Bulk Service', application: 35, port: 65535 },
				{ id: `80:00:00:00:0B:00:01:0${n}`, name: 'SSH', application: 28, port: 22 },
			],
		});
		const twins = await startDemo({ seed: { users: [{ ...base, devices: [twin(1), twin(2)] }] } });
		try {
			const client = await twins.client('accessKey');
			const device = await failureOf(client.getDevice('twin'));
			expect(device).toMatchObject({ code: 'VALIDATION', field: 'device' });
			expect(device.message).toMatch(/2 devices are named "twin".*use the device id/);
			const service = await failureOf(client.findService('twin/SSH'));
			expect(service).toMatchObject({ code: 'VALIDATION', field: 'service' });
			expect(service.message).toContain('80:00:00:00:0B:00:01:01');
			expect((await client.findService('80:00:00:00:0b:00:01:02')).device.id).toBe(
				'80:00:00:00:0B:00:00:02',
			);
		} finally {
			await twins.emulator.close();
		}
	});
});

describe('what goes on the wire', () => {
	const recorded = async (kind: 'accessKey' | 'password') => {
		const requests: HttpRequest[] = [];
		const axiosSend = createAxiosTransport({ timeoutMs: 5000 });
		const client = await demo.client(kind, {
			send: (request) => {
				requests.push(request);
				return axiosSend(request);
			},
		});
		return { client, requests };
	};
	const headerNames = (request: HttpRequest | undefined) =>
		Object.keys(request?.headers ?? {})
			.map((h) => h.toLowerCase())
			.sort();

	it('password auth connects as docs/remoteit-api.md §2 describes: developerkey + token headers, string values', async () => {
		const { client, requests } = await recorded('password');
		await client.connect(SSH.toLowerCase());
		const connect = requests.find((r) => r.url.endsWith('/apv/v27/device/connect'));
		expect(connect?.method).toBe('POST');
		expect(JSON.parse(connect?.body ?? '{}')).toEqual({
			deviceaddress: SSH,
			wait: 'true',
			hostip: '255.255.255.255',
		});
		expect(headerNames(connect)).toEqual(
			expect.arrayContaining(['developerkey', 'token', 'content-type']),
		);
		expect(headerNames(connect)).not.toContain('authorization');
	});

	it('access keys sign a GraphQL request whose user input travels only as variables', async () => {
		const { client, requests } = await recorded('accessKey');
		await client.connect(SSH, { accessMode: 'restricted', hostIp: '203.0.113.9' });
		const [connect] = requests;
		const body = JSON.parse(connect.body ?? '{}') as {
			query: string;
			variables: Record<string, string>;
		};
		expect(body.variables).toEqual({ serviceId: SSH, hostIP: '203.0.113.9' });
		expect(body.query).not.toContain(SSH);
		expect(body.query).not.toContain('203.0.113.9');
		expect(connect.headers.Authorization).toMatch(
			/^Signature keyId="DEMOKEY0000000000001",algorithm="hmac-sha256",headers="\(request-target\) host date content-type content-length",signature="[A-Za-z0-9+/=]+"$/,
		);
		expect(connect.headers['Content-Length']).toBe(String(Buffer.byteLength(connect.body ?? '')));
		expect(connect.headers.Date).toMatch(/GMT$/);
	});
});
