import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, byName, fromList } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

const DEMO_DEVICE_NAMES = [
	'camera-nvr',
	'factory-gateway',
	'lab-raspberrypi',
	'office-desktop',
	'warehouse-sensor',
];

async function run(parameters: Record<string, unknown>) {
	const result = await runWorkflow({
		credentials: accessKeyCredentials(emulator),
		nodes: [{ name: 'Devices', parameters: { resource: 'device', ...parameters } }],
	});
	expect(result.error()).toBeUndefined();
	return result.output('Devices');
}

describe('Device › Get', () => {
	it.each([
		['From List', fromList(SEED.gatewayDevice)],
		['By ID', byId(SEED.gatewayDevice)],
		['By Name', byName('factory-gateway')],
	])('returns the device chosen %s, with its services', async (_mode, device) => {
		const [item] = await run({ operation: 'get', device });
		expect(item.json).toMatchObject({
			id: SEED.gatewayDevice,
			name: 'factory-gateway',
			online: true,
			state: 'active',
		});
		const services = item.json.services as Array<{ id: string; name: string }>;
		expect(services.map((s) => s.name)).toEqual(
			expect.arrayContaining(['SSH', 'Web UI', 'Postgres']),
		);
		expect(item.pairedItem).toEqual({ item: 0 });
	});
});

describe('Device › Get Many', () => {
	it('returns every device with Return All, one item each, paired to the input item', async () => {
		const items = await run({ operation: 'getAll', returnAll: true });
		expect(items.map((item) => item.json.name).sort()).toEqual(DEMO_DEVICE_NAMES);
		expect(
			items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 })),
		).toBe(true);
	});

	it('stops at Limit', async () => {
		expect(await run({ operation: 'getAll', limit: 2 })).toHaveLength(2);
	});

	it('filters by a case-insensitive part of the name', async () => {
		const items = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { nameContains: 'GATE' },
		});
		expect(items.map((item) => item.json.name)).toEqual(['factory-gateway']);
	});

	it('filters offline devices', async () => {
		const items = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'offline' },
		});
		expect(items.map((item) => item.json.name)).toEqual(['warehouse-sensor']);
	});

	it('filters online devices', async () => {
		const items = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'online' },
		});
		expect(items.map((item) => item.json.name).sort()).toEqual(
			DEMO_DEVICE_NAMES.filter((n) => n !== 'warehouse-sensor'),
		);
	});
});
