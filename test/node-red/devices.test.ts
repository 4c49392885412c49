/** remoteit-devices in the real Node-RED runtime against the emulator. */
import {
	accessKeyCredentials,
	collect,
	eventually,
	flowAround,
	helper,
	loadFlow,
	nextMessage,
	nodeById,
	recordStatuses,
	type FlowNode,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import type { NodeMessage } from '../../nodes/node-red/lib/node-red-api';
import { DEMO_FLEET } from '../support/demo';

const { emulator, account } = useDemoWithNodeRed();

function devicesNode(overrides: Partial<FlowNode> = {}): FlowNode {
	return {
		id: 'devices',
		type: 'remoteit-devices',
		nameFilter: '',
		state: 'all',
		limit: 50,
		output: 'array',
		...overrides,
	};
}

async function listWith(
	overrides: Partial<FlowNode>,
	credentials = accessKeyCredentials(account),
	accountOverrides: Partial<FlowNode> = {},
): Promise<NodeMessage> {
	await helper.unload(); // a test may list several times
	await loadFlow(flowAround(devicesNode(overrides), emulator.url, accountOverrides), credentials);
	const output = nextMessage('out');
	nodeById('devices').receive({ payload: 'go', topic: 'inventory' });
	return output;
}

const names = (msg: NodeMessage): string[] =>
	(msg.payload as Array<{ name: string }>).map((d) => d.name).sort();

describe('remoteit-devices', () => {
	it('outputs every device with its services as an array, keeps the message, and shows the count', async () => {
		await loadFlow(flowAround(devicesNode(), emulator.url), accessKeyCredentials(account));
		const statuses = recordStatuses('devices');
		const output = nextMessage('out');
		nodeById('devices').receive({ payload: 'go', topic: 'inventory' });
		const msg = await output;

		expect(names(msg)).toEqual([
			'camera-nvr',
			'factory-gateway',
			'lab-raspberrypi',
			'office-desktop',
			'warehouse-sensor',
		]);
		expect(msg.topic).toBe('inventory');
		const gateway = (
			msg.payload as Array<{ name: string; services: Array<{ id: string; name: string }> }>
		).find((d) => d.name === 'factory-gateway');
		expect(gateway?.services.map((s) => s.name)).toEqual(expect.arrayContaining(['SSH', 'Web UI']));
		await eventually(() => statuses.length >= 2, 'the success status');
		expect(statuses.slice(0, 2)).toEqual([
			{ fill: 'blue', shape: 'dot', text: 'listing devices…' },
			{ fill: 'green', shape: 'dot', text: '5 devices' },
		]);
	});

	it.each([
		['a name part, ignoring case', { nameFilter: 'GATE' }, ['factory-gateway']],
		[
			'online devices',
			{ state: 'online' },
			['camera-nvr', 'factory-gateway', 'lab-raspberrypi', 'office-desktop'],
		],
		['offline devices', { state: 'offline' }, ['warehouse-sensor']],
	])('filters by %s', async (_label, overrides, expected) => {
		expect(names(await listWith(overrides))).toEqual(expected);
	});

	it('stops at the limit, and lists everything with limit 0', async () => {
		expect((await listWith({ limit: 2 })).payload).toHaveLength(2);
		await helper.unload();
		expect((await listWith({ limit: 0 })).payload).toHaveLength(5);
	});

	it('sends one message per device with msg.parts, as the split node does', async () => {
		await loadFlow(
			flowAround(devicesNode({ output: 'split', state: 'online' }), emulator.url),
			accessKeyCredentials(account),
		);
		const received = collect('out');
		nodeById('devices').receive({ payload: 'go', topic: 'inventory', _msgid: 'request-1' });
		await eventually(() => received.length === 4, 'four messages');

		expect(received.map((m) => (m.payload as { name: string }).name).sort()).toEqual([
			'camera-nvr',
			'factory-gateway',
			'lab-raspberrypi',
			'office-desktop',
		]);
		expect(received.map((m) => m.parts)).toEqual(
			[0, 1, 2, 3].map((index) => ({ id: 'request-1', type: 'array', index, count: 4, len: 1 })),
		);
		expect(received.every((m) => m.topic === 'inventory')).toBe(true);
	});

	it('sends refused credentials to the Catch node with a red status', async () => {
		const wrongSecret = {
			...accessKeyCredentials(account),
			secretAccessKey: Buffer.alloc(30, 7).toString('base64'),
		};
		await loadFlow(flowAround(devicesNode(), emulator.url), wrongSecret);
		const statuses = recordStatuses('devices');
		const caught = nextMessage('caught');
		nodeById('devices').receive({ payload: 'go' });
		expect(((await caught).error as { message: string }).message).toMatch(
			/access key|signature|credentials|refused/i,
		);
		await eventually(() => statuses.length >= 2, 'the failure status');
		expect(statuses[1]).toEqual({ fill: 'red', shape: 'ring', text: 'authentication failed' });
	});

	it('tells a two-factor account that password sign-in cannot work', async () => {
		const mfaUser = emulator.seed.users.find((u) => u.mfa);
		if (!mfaUser) throw new Error('the demo seed has a two-factor user');
		const credentials = {
			developerKey: mfaUser.developerKey,
			username: mfaUser.email,
			password: mfaUser.password,
		};
		await loadFlow(
			flowAround(devicesNode(), emulator.url, { authMethod: 'password' }),
			credentials,
		);
		const caught = nextMessage('caught');
		nodeById('devices').receive({ payload: 'go' });
		expect(((await caught).error as { message: string }).message).toMatch(/access key/i);
	});

	it('lists with password sign-in too', async () => {
		const credentials = {
			developerKey: account.developerKey,
			username: account.email,
			password: account.password,
		};
		expect(
			names(await listWith({ nameFilter: 'camera' }, credentials, { authMethod: 'password' })),
		).toEqual(['camera-nvr']);
	});

	it('sends a limit that is not a whole number to the Catch node', async () => {
		await loadFlow(
			flowAround(devicesNode({ limit: -3 }), emulator.url),
			accessKeyCredentials(account),
		);
		const caught = nextMessage('caught');
		nodeById('devices').receive({ payload: 'go' });
		expect(((await caught).error as { message: string }).message).toMatch(
			/Limit \(limit\): must be a whole number/,
		);
	});

	describe('tags', () => {
		it('lists the devices with any or all of the tags, each with its tag names, from the dialog or from msg', async () => {
			const fleet = await listWith({ tags: JSON.stringify([DEMO_FLEET.tag]), tagsType: 'json' });
			expect(names(fleet)).toEqual(DEMO_FLEET.devices);
			expect(
				(fleet.payload as Array<{ name: string; tags: string[] }>).find(
					(d) => d.name === 'camera-nvr',
				)?.tags,
			).toEqual(['line-3', 'security']);
			const both = await listWith({
				tags: '["line-3", "gateway"]',
				tagsType: 'json',
				tagMatch: 'all',
			});
			expect(names(both)).toEqual(['factory-gateway']);

			await helper.unload();
			await loadFlow(
				flowAround(devicesNode({ tags: 'wanted', tagsType: 'msg', state: 'online' }), emulator.url),
				accessKeyCredentials(account),
			);
			const output = nextMessage('out');
			nodeById('devices').receive({ payload: 'go', wanted: ['office', DEMO_FLEET.tag] });
			expect(names(await output)).toEqual([...DEMO_FLEET.online, 'office-desktop'].sort());
		});

		it('an empty Tags list, or a node saved before tags existed, lists without a tag filter', async () => {
			expect(names(await listWith({ tags: '[]', tagsType: 'json' }))).toHaveLength(5);
			expect(
				names(await listWith({ action: undefined, tags: undefined, tagsType: undefined })),
			).toHaveLength(5);
		});

		it('adds tags to the devices msg.payload lists and removes them again, which the next listing shows', async () => {
			const change = async (action: string, payload: unknown, tags: string[]) =>
				helper
					.unload()
					.then(() =>
						loadFlow(
							flowAround(
								devicesNode({ action, tags: JSON.stringify(tags), tagsType: 'json' }),
								emulator.url,
							),
							accessKeyCredentials(account),
						),
					)
					.then(async () => {
						const statuses = recordStatuses('devices');
						const output = nextMessage('out');
						nodeById('devices').receive({ payload, topic: 'retag' });
						const msg = await output;
						await eventually(() => statuses.length >= 2, 'the success status');
						return { msg, status: statuses[1] };
					});
			const offline = await listWith({ state: 'offline' });
			const added = await change('addTags', offline.payload, ['night-shift']);
			expect(added.msg.payload).toEqual({
				deviceIds: ['80:00:00:00:01:00:00:30'],
				added: ['night-shift'],
			});
			expect(added.msg.topic).toBe('retag');
			expect(added.status).toEqual({ fill: 'green', shape: 'dot', text: 'tagged 1 device' });
			expect(names(await listWith({ tags: '["night-shift"]', tagsType: 'json' }))).toEqual([
				'warehouse-sensor',
			]);

			const fleet = await listWith({ tags: JSON.stringify([DEMO_FLEET.tag]), tagsType: 'json' });
			const removed = await change('removeTags', fleet.payload, [DEMO_FLEET.tag]);
			expect(removed.msg.payload).toMatchObject({ removed: [DEMO_FLEET.tag] });
			expect(removed.status).toEqual({ fill: 'green', shape: 'dot', text: 'untagged 4 devices' });
			expect(
				(await listWith({ tags: JSON.stringify([DEMO_FLEET.tag]), tagsType: 'json' })).payload,
			).toEqual([]);
			const byId = await change('addTags', '80:00:00:00:01:00:00:01', [DEMO_FLEET.tag]);
			expect(byId.msg.payload).toEqual({
				deviceIds: ['80:00:00:00:01:00:00:01'],
				added: [DEMO_FLEET.tag],
			});
		});
	});
});

describe('remoteit-devices › Get one device', () => {
	async function get(payload: unknown): Promise<{ out: NodeMessage[]; caught: NodeMessage[] }> {
		await loadFlow(
			flowAround(devicesNode({ action: 'get' }), emulator.url),
			accessKeyCredentials(account),
		);
		const out = collect('out');
		const caught = collect('caught');
		nodeById('devices').receive({ payload, topic: 'lookup' });
		await eventually(() => out.length + caught.length > 0, 'the answer');
		return { out, caught };
	}

	it.each([
		['its id', '80:00:00:00:01:00:00:01'],
		['its name, in any case', 'Factory-Gateway'],
		['a device from a listing', { id: '80:00:00:00:01:00:00:01', name: 'factory-gateway' }],
	])('gets the device named by %s, keeping the message', async (_how, payload) => {
		const { out } = await get(payload);
		expect(out).toHaveLength(1);
		expect(out[0].topic).toBe('lookup');
		expect(out[0].payload).toMatchObject({
			id: '80:00:00:00:01:00:00:01',
			name: 'factory-gateway',
			online: true,
			tags: ['line-3', 'gateway'],
			services: expect.arrayContaining([expect.objectContaining({ name: 'SSH' })]),
		});
	});

	it('hands a device the account does not have to Catch, with the closest names', async () => {
		const { out, caught } = await get('factory-gatewy');
		expect(out).toEqual([]);
		expect((caught[0].error as { message: string }).message).toMatch(
			/No device named "factory-gatewy" in this remote\.it account\..*factory-gateway/,
		);
	});

	it('refuses a payload that names no device, before any request', async () => {
		const { caught } = await get({ name: 'factory-gateway' });
		expect((caught[0].error as { message: string }).message).toMatch(
			/msg\.payload: remote\.it devices \(Get\) needs a device here/,
		);
	});
});
