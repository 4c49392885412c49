import { listEmulatorConnections, readRequestLog } from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import {
	SEED,
	byId,
	byName,
	connectParameters,
	disconnectParameters,
	fromList,
} from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

async function connect(
	parameters: Parameters<typeof connectParameters>[1],
	service = byId(SEED.gatewaySsh),
) {
	const result = await runWorkflow({
		credentials: accessKeyCredentials(emulator),
		nodes: [{ name: 'Connect', parameters: connectParameters(service, parameters) }],
	});
	expect(result.error()).toBeUndefined();
	const [item] = result.output('Connect');
	return item;
}

describe('Connection › Connect', () => {
	it.each([
		['From List', fromList(SEED.gatewaySsh)],
		['By ID', byId(SEED.gatewaySsh)],
		['By ID, lower case with spaces', byId(` ${SEED.gatewaySsh.toLowerCase()} `)],
		['By Name', byName('factory-gateway/SSH')],
	])('opens a port proxy to the service chosen %s', async (_mode, service) => {
		const item = await connect({}, service);
		expect(item.json).toMatchObject({
			serviceId: SEED.gatewaySsh,
			reverseProxy: false,
			accessMode: 'latching',
			hostIp: '255.255.255.255',
			timeoutSeconds: 28800,
		});
		expect(item.json.url).toBe(`tcp://${item.json.host}:${item.json.port}`);
		expect(item.pairedItem).toEqual({ item: 0 });
		const live = await listEmulatorConnections(emulator.url);
		expect(live.map((c) => c.id.toUpperCase())).toContain(String(item.json.id).toUpperCase());
	});

	it.each([
		[
			'a service the device lacks',
			'factory-gateway/Telnet',
			'Device "factory-gateway" exists, but has no service "Telnet"; its services: "Postgres", "SSH", "Web UI".',
		],
		[
			'a misspelt device',
			'factory-gatway/SSH',
			'No device is named "factory-gatway". Closest device names: "factory-gateway".',
		],
	])('says, for %s By Name, what exists nearest', async (_case, name, nearest) => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [{ name: 'Connect', parameters: connectParameters(byName(name)) }],
		});
		expect(result.error()?.message).toBe(
			`No service "${name}" (device name/service name) in this remote.it account. ${nearest}`,
		);
	});

	it('opens a public proxy', async () => {
		const item = await connect({ accessMode: 'public' });
		expect(item.json).toMatchObject({ accessMode: 'public', hostIp: '0.0.0.0' });
	});

	it('opens a proxy restricted to one IP address', async () => {
		const item = await connect({ accessMode: 'restricted', hostIp: '203.0.113.7' });
		expect(item.json).toMatchObject({ accessMode: 'restricted', hostIp: '203.0.113.7' });
		const [live] = await listEmulatorConnections(emulator.url);
		expect(live.hostIp).toBe('203.0.113.7');
	});

	it('opens a reverse proxy for an HTTPS service, with a URL that is used as it is', async () => {
		const item = await connect({ options: { proxyType: 'auto' } }, byId(SEED.nvrHttps));
		expect(item.json).toMatchObject({ serviceId: SEED.nvrHttps, reverseProxy: true, port: null });
		// remote.it's reverse proxies are https://<label>.pNN.rt3.io; the emulator's is plain HTTP on loopback.
		expect(String(item.json.url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('includes the raw API response only when asked to', async () => {
		expect((await connect({})).json).not.toHaveProperty('raw');
		expect((await connect({ options: { includeRawResponse: true } })).json.raw).toBeDefined();
	});

	it('reuses a live connection to the same service instead of opening a new proxy', async () => {
		const first = await connect({});
		await readRequestLog(emulator.url, { clear: true });
		const second = await connect({ options: { reuseExisting: true } });
		expect(second.json).toMatchObject({
			id: first.json.id,
			host: first.json.host,
			port: first.json.port,
		});
		const log = await readRequestLog(emulator.url);
		expect(log.some((entry) => entry.operation === 'mutation connect')).toBe(false);
	});
});

describe('Connection › Connect → Disconnect', () => {
	it('closes the connection using the defaults that read the incoming item', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [
				{ name: 'Connect', parameters: connectParameters(byId(SEED.gatewaySsh)) },
				{ name: 'Disconnect', parameters: disconnectParameters },
			],
		});
		expect(result.error()).toBeUndefined();
		const [connection] = result.output('Connect');
		const [disconnection] = result.output('Disconnect');
		expect(disconnection.json).toEqual({
			id: connection.json.id,
			serviceId: SEED.gatewaySsh,
			disconnected: true,
		});
		expect(disconnection.pairedItem).toEqual({ item: 0 });
		expect(await listEmulatorConnections(emulator.url)).toEqual([]);
	});
});

describe('Connection › Get Many', () => {
	it('lists the active connections, honouring Limit', async () => {
		const credentials = accessKeyCredentials(emulator);
		const opened = await runWorkflow({
			credentials,
			items: [{ id: SEED.gatewaySsh }, { id: SEED.gatewayPostgres }, { id: SEED.piSsh }],
			nodes: [{ name: 'Connect', parameters: connectParameters(byId('={{ $json.id }}')) }],
		});
		const openedIds = opened.output('Connect').map((item) => item.json.id);

		const all = await runWorkflow({
			credentials,
			nodes: [
				{
					name: 'List',
					parameters: { resource: 'connection', operation: 'getAll', returnAll: true },
				},
			],
		});
		expect(
			all
				.output('List')
				.map((item) => item.json.id)
				.sort(),
		).toEqual([...openedIds].sort());
		expect(all.output('List')[0].json).toMatchObject({
			serviceId: expect.any(String),
			createdAt: expect.any(String),
		});

		const limited = await runWorkflow({
			credentials,
			nodes: [
				{ name: 'List', parameters: { resource: 'connection', operation: 'getAll', limit: 2 } },
			],
		});
		expect(limited.output('List')).toHaveLength(2);
	});

	it('names the device beside the service: two devices each have an SSH service', async () => {
		const credentials = accessKeyCredentials(emulator);
		await runWorkflow({
			credentials,
			items: [{ id: SEED.gatewaySsh }, { id: SEED.piSsh }],
			nodes: [{ name: 'Connect', parameters: connectParameters(byId('={{ $json.id }}')) }],
		});
		const listed = await runWorkflow({
			credentials,
			nodes: [
				{
					name: 'List',
					parameters: { resource: 'connection', operation: 'getAll', returnAll: true },
				},
			],
		});
		const named = listed
			.output('List')
			.map(({ json }) => [json.deviceName, json.serviceName, json.deviceId, json.serviceId])
			.sort();
		expect(named).toEqual([
			['factory-gateway', 'SSH', SEED.gatewayDevice, SEED.gatewaySsh],
			['lab-raspberrypi', 'SSH', SEED.piDevice, SEED.piSsh],
		]);
	});
});
