/**
 * Tags through the client against the emulator (docs/remoteit-api.md §3a): listing devices by tag (any/all), tag
 * names on every device, adding and removing tags, narrowing events to tagged devices, and bad tag input refused
 * before any request.
 */
import { eventsOnTaggedDevices, RemoteItValidationError, type RemoteItClient } from '../../client';
import { clearRequestLog, setOnline } from '../support/emulator-control';
import { DEMO_FLEET, DEMO_IDS } from '../support/demo';
import { AUTH_KINDS, failureOf, GRAPHQL_PATH, useClientDemo } from './client-fixtures';

const demo = useClientDemo();
const names = (devices: Array<{ name: string }>) => devices.map((d) => d.name);

describe.each(AUTH_KINDS)('with %s auth', (kind) => {
	let client: RemoteItClient;
	beforeEach(async () => {
		client = await demo.client(kind);
	});

	it('lists the devices carrying any of the tags, or all of them, over GraphQL', async () => {
		await clearRequestLog(demo.emulator.url);
		expect(names(await client.listDevices({ tags: [DEMO_FLEET.tag], returnAll: true }))).toEqual(
			DEMO_FLEET.devices,
		);
		expect(
			names(await client.listDevices({ tags: [DEMO_FLEET.tag, 'office'], tagOperator: 'any' })),
		).toEqual([
			'camera-nvr',
			'factory-gateway',
			'lab-raspberrypi',
			'office-desktop',
			'warehouse-sensor',
		]);
		expect(
			names(
				await client.listDevices({
					tags: [DEMO_FLEET.tag, DEMO_FLEET.gatewayTag],
					tagOperator: 'all',
				}),
			),
		).toEqual(['factory-gateway']);
		expect(
			names(await client.listDevices({ tags: [DEMO_FLEET.tag], state: 'active', returnAll: true })),
		).toEqual(DEMO_FLEET.online);
		expect(await client.listDevices({ tags: ['no-such-tag'] })).toEqual([]);
		expect(
			(await demo.log()).every(
				(entry) => entry.path === GRAPHQL_PATH || entry.path.endsWith('/login'),
			),
		).toBe(true);
	});

	it('gives every device its tag names, in Get and Get Many alike', async () => {
		const devices = await client.listDevices({ returnAll: true });
		expect(Object.fromEntries(devices.map((d) => [d.name, d.tags]))).toEqual({
			'camera-nvr': ['line-3', 'security'],
			'factory-gateway': ['line-3', 'gateway'],
			'lab-raspberrypi': ['line-3', 'lab'],
			'office-desktop': ['office'],
			'warehouse-sensor': ['line-3', 'sensor'],
		});
		expect((await client.getDevice('office-desktop')).tags).toEqual(['office']);
	});

	it('adds tags (making new ones) and removes them, which the next listing shows', async () => {
		const desktop = (await client.getDevice('office-desktop')).id;
		await expect(client.addTags(desktop, [DEMO_FLEET.tag, ' night-shift '])).resolves.toEqual({
			deviceIds: [desktop],
			tags: [DEMO_FLEET.tag, 'night-shift'],
		});
		expect(names(await client.listDevices({ tags: ['night-shift'] }))).toEqual(['office-desktop']);
		expect(names(await client.listDevices({ tags: [DEMO_FLEET.tag] }))).toContain('office-desktop');

		const fleet = (await client.listDevices({ tags: [DEMO_FLEET.tag] })).map((d) => d.id);
		await client.removeTags(fleet, [DEMO_FLEET.tag]);
		expect(await client.listDevices({ tags: [DEMO_FLEET.tag] })).toEqual([]);
		expect((await client.getDevice('office-desktop')).tags).toEqual(['office', 'night-shift']);
	});

	it('says when a device to tag does not exist', async () => {
		expect(await failureOf(client.addTags(DEMO_IDS.unknownService, ['x']))).toMatchObject({
			message: expect.stringContaining('Service not found'),
		});
	});
});

describe('narrowing events to tagged devices', () => {
	it('keeps the events about devices that carry the tags now, and their services', async () => {
		const client = await demo.client('accessKey');
		await setOnline(demo.emulator.url, '80:00:00:00:01:00:00:10', false); // office-desktop
		await setOnline(demo.emulator.url, '80:00:00:00:01:00:00:40', false); // lab-raspberrypi
		await client.connect(DEMO_FLEET.sshServices[0]); // camera-nvr's SSH
		const events = await client.listEvents({ types: ['DEVICE_STATE', 'DEVICE_CONNECT'], size: 3 });
		const kept = await eventsOnTaggedDevices(client, events, {
			tags: [DEMO_FLEET.tag],
			operator: 'any',
		});
		expect(events).toHaveLength(3);
		expect(kept.map((e) => `${e.type} ${e.target?.name}`).sort()).toEqual([
			'DEVICE_CONNECT SSH',
			'DEVICE_STATE lab-raspberrypi',
		]);
	});
});

describe('bad tag input is refused before any request, naming the field', () => {
	it.each([
		[
			'tags as text',
			(c: RemoteItClient) => c.listDevices({ tags: 'line-3' as never }),
			/^tags must be a list of tag names, not text/,
		],
		[
			'tags as an object',
			(c: RemoteItClient) => c.listDevices({ tags: { name: 'x' } as never }),
			/^tags must be a list of tag names, not an object/,
		],
		[
			'a blank tag',
			(c: RemoteItClient) => c.listDevices({ tags: ['line-3', '  '] }),
			/^tags entry 2 is blank/,
		],
		[
			'a tag that is a number',
			(c: RemoteItClient) => c.listDevices({ tags: [3] as never }),
			/^tags entry 1 must be a tag name, not a number/,
		],
		[
			'an unknown operator',
			(c: RemoteItClient) => c.listDevices({ tags: ['x'], tagOperator: 'some' as never }),
			/^tagOperator must be "any" or "all", not "some"/,
		],
		[
			'tags over REST',
			(c: RemoteItClient) => c.listDevices({ tags: ['x'], api: 'rest' }),
			/GraphQL only/,
		],
		[
			'adding no tags',
			(c: RemoteItClient) => c.addTags(DEMO_IDS.gatewayDevice, []),
			/^tags must name at least one tag/,
		],
		[
			'adding tags as text',
			(c: RemoteItClient) => c.addTags(DEMO_IDS.gatewayDevice, 'a,b' as never),
			/^tags must be a list/,
		],
		[
			'removing a blank tag',
			(c: RemoteItClient) => c.removeTags(DEMO_IDS.gatewayDevice, ['']),
			/^tags entry 1 is blank/,
		],
		['a bad device id', (c: RemoteItClient) => c.addTags('gateway', ['x']), /not a remote\.it id/],
		[
			'no device',
			(c: RemoteItClient) => c.addTags([], ['x']),
			/^deviceId must name at least one device/,
		],
	])('%s', async (_name, call, message) => {
		const client = await demo.client('accessKey');
		await clearRequestLog(demo.emulator.url);
		const error = await failureOf(call(client));
		expect(error).toBeInstanceOf(RemoteItValidationError);
		expect(error.message).toMatch(message);
		expect(await demo.log()).toEqual([]);
	});

	it('an empty tag list is no filter at all', async () => {
		const client = await demo.client('accessKey');
		expect(await client.listDevices({ tags: [], returnAll: true })).toHaveLength(5);
	});
});
