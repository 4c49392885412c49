import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, byName, fromList } from './support/parameters';
import { DEMO_FLEET } from '../support/demo';
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

describe('Device › Get Many by tag', () => {
	const byTags = (tags: string[], tagMatch?: string) =>
		run({
			operation: 'getAll',
			returnAll: true,
			filters: { tags, ...(tagMatch ? { tagMatch } : {}) },
		});

	it('returns exactly the devices with any of the tags, or with all of them, each with its tag names', async () => {
		const fleet = await byTags([DEMO_FLEET.tag]);
		expect(fleet.map((item) => item.json.name)).toEqual(DEMO_FLEET.devices);
		expect(fleet[1].json.tags).toEqual(['line-3', 'gateway']);
		expect(
			(await byTags([DEMO_FLEET.gatewayTag, 'office'], 'any')).map((i) => i.json.name),
		).toEqual(['factory-gateway', 'office-desktop']);
		expect(
			(await byTags([DEMO_FLEET.tag, DEMO_FLEET.gatewayTag], 'all')).map((i) => i.json.name),
		).toEqual(['factory-gateway']);
	});

	it('combines the tags with Status', async () => {
		const items = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { tags: [DEMO_FLEET.tag], status: 'online' },
		});
		expect(items.map((item) => item.json.name)).toEqual(DEMO_FLEET.online);
	});
});

describe('Device › Add Tags and Remove Tags', () => {
	it('change what the next Get Many by tag returns, for a device chosen by ID or by name', async () => {
		const added = await run({
			operation: 'addTags',
			device: byName('office-desktop'),
			tags: [DEMO_FLEET.tag, 'night-shift'],
		});
		expect(added.map((i) => i.json)).toEqual([
			{ deviceId: '80:00:00:00:01:00:00:10', added: [DEMO_FLEET.tag, 'night-shift'] },
		]);
		const tagged = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { tags: ['night-shift'] },
		});
		expect(tagged.map((i) => i.json.name)).toEqual(['office-desktop']);

		const removed = await run({
			operation: 'removeTags',
			device: byId(SEED.gatewayDevice),
			tags: [DEMO_FLEET.tag],
		});
		expect(removed.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ deviceId: SEED.gatewayDevice, removed: [DEMO_FLEET.tag] }, { item: 0 }],
		]);
		const fleet = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { tags: [DEMO_FLEET.tag] },
		});
		expect(fleet.map((i) => i.json.name)).toEqual([
			'camera-nvr',
			'lab-raspberrypi',
			'office-desktop',
			'warehouse-sensor',
		]);
	});

	it('tags one device per input item, each item its own device, with Continue On Fail for a device remote.it does not know', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [
				{ id: SEED.gatewayDevice },
				{ id: '80:00:00:00:0F:0F:0F:0F' },
				{ id: '80:00:00:00:01:00:00:20' },
			],
			nodes: [
				{
					name: 'Devices',
					continueOnFail: true,
					parameters: {
						resource: 'device',
						operation: 'addTags',
						device: byId('={{ $json.id }}'),
						tags: ['audit'],
					},
				},
			],
		});
		const items = result.output('Devices');
		expect(items.map((i) => i.json)).toEqual([
			{ deviceId: SEED.gatewayDevice, added: ['audit'] },
			{ error: expect.stringContaining('Service not found') },
			{ deviceId: '80:00:00:00:01:00:00:20', added: ['audit'] },
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});
