/** Parallel Requests for every per-item operation, output order and pairedItem, and backing off on 429. */
import {
	clearTraffic,
	injectFault,
	readTraffic,
	setLatency,
	setRateLimit,
} from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { byId, connectParameters, disconnectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

/** Online services of the demo seed: one live connection per service, so each item gets its own. */
const SERVICES = ['02', '03', '04', '11', '12', '21', '22', '41', '42'].map(
	(suffix) => `80:00:00:00:01:00:00:${suffix}`,
);
const items = SERVICES.map((serviceId) => ({ serviceId }));
const connectEachItem = (options = {}) =>
	connectParameters(byId('={{ $json.serviceId }}'), { options });

async function connectAll() {
	const connected = await runWorkflow({
		credentials: accessKeyCredentials(emulator),
		items,
		nodes: [{ name: 'Connect', parameters: connectEachItem() }],
	});
	expect(connected.error()).toBeUndefined();
	return connected.output('Connect').map((item) => item.json);
}

describe('Disconnect', () => {
	it('runs up to Parallel Requests at once and keeps input order and pairedItem when items finish out of order', async () => {
		const connections = await connectAll();
		await setLatency(emulator.url, 30);
		// The first item's request is held back, so later items finish first.
		await injectFault(emulator.url, { path: '/graphql/v1', kind: 'delay', delayMs: 200 });
		await clearTraffic(emulator.url);
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: connections,
			nodes: [
				{
					name: 'Disconnect',
					parameters: { ...disconnectParameters, options: { parallelRequests: 3 } },
				},
			],
		});
		expect(result.error()).toBeUndefined();
		const output = result.output('Disconnect');
		expect(output.map((item) => item.json.id)).toEqual(
			connections.map((connection) => connection.id),
		);
		expect(output.map((item) => item.pairedItem)).toEqual(connections.map((_, item) => ({ item })));
		expect(output.every((item) => item.json.disconnected === true)).toBe(true);
		expect((await readTraffic(emulator.url)).peakInFlight).toBe(3);
	});

	it('by default sends several items at once, not one at a time', async () => {
		const connections = await connectAll();
		await setLatency(emulator.url, 100);
		await clearTraffic(emulator.url);
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: connections,
			nodes: [{ name: 'Disconnect', parameters: disconnectParameters }],
		});
		expect(result.output('Disconnect')).toHaveLength(SERVICES.length);
		expect((await readTraffic(emulator.url)).peakInFlight).toBe(SERVICES.length);
	});
});

describe('Get and Get Many', () => {
	it('Device Get runs up to Parallel Requests at once, in input order', async () => {
		const devices = [
			'80:00:00:00:01:00:00:01',
			'80:00:00:00:01:00:00:10',
			'80:00:00:00:01:00:00:20',
			'80:00:00:00:01:00:00:40',
		];
		await setLatency(emulator.url, 30);
		await clearTraffic(emulator.url);
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: devices.map((id) => ({ id })),
			nodes: [
				{
					name: 'Get',
					parameters: {
						resource: 'device',
						operation: 'get',
						device: byId('={{ $json.id }}'),
						options: { parallelRequests: 2 },
					},
				},
			],
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Get').map((item) => item.json.id)).toEqual(devices);
		expect((await readTraffic(emulator.url)).peakInFlight).toBe(2);
	});

	it('Connection Get Many runs its items at once by default', async () => {
		await setLatency(emulator.url, 30);
		await clearTraffic(emulator.url);
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [{}, {}, {}, {}],
			nodes: [
				{
					name: 'List',
					parameters: { resource: 'connection', operation: 'getAll', returnAll: true },
				},
			],
		});
		expect(result.error()).toBeUndefined();
		expect((await readTraffic(emulator.url)).peakInFlight).toBe(4);
	});
});

describe("under remote.it's rate limit", () => {
	it('Connect backs off on 429 and completes every item', async () => {
		await setRateLimit(emulator.url, 3);
		await clearTraffic(emulator.url);
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items,
			nodes: [{ name: 'Connect', parameters: connectEachItem({ parallelRequests: 9 }) }],
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Connect').map((item) => item.json.serviceId)).toEqual(SERVICES);
		const traffic = await readTraffic(emulator.url);
		expect(traffic.throttled).toBeGreaterThan(0);
		expect(traffic.requests - traffic.throttled).toBe(SERVICES.length);
	}, 30_000);
});
