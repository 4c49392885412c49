/** listEvents against the emulator: filters, paging, input checks, and how event entries are read. */
import {
	createRemoteItClient,
	RemoteItValidationError,
	type RemoteItClient,
	type SendRequest,
} from '../../client/transport';
import { eventFromGraphql } from '../../client/account/events';
import { createAxiosTransport } from '../../client/transport/axios';
import { clearRequestLog, setOnline, shiftClock } from '../support/emulator-control';
import {
	AUTH_KINDS,
	countPath,
	failureOf,
	GRAPHQL_PATH,
	SSH,
	useClientDemo,
} from './client-fixtures';

const GATEWAY = '80:00:00:00:01:00:00:01';
const OFFICE = '80:00:00:00:01:00:00:10';
const CAMERA_SSH = '80:00:00:00:01:00:00:22';

const demo = useClientDemo();

/** Takes the gateway offline, then the office desktop, one emulator second apart; returns the instant before. */
async function twoDevicesGoOffline(): Promise<string> {
	const before = await shiftClock(demo.emulator.url, 60);
	await shiftClock(demo.emulator.url, 1);
	await setOnline(demo.emulator.url, GATEWAY, false);
	await shiftClock(demo.emulator.url, 1);
	await setOnline(demo.emulator.url, OFFICE, false);
	return before;
}

describe.each(AUTH_KINDS)('listEvents with %s auth', (kind) => {
	let client: RemoteItClient;
	beforeEach(async () => {
		client = await demo.client(kind);
	});

	it('returns state changes after minDate, newest first, with the device as target', async () => {
		const before = await twoDevicesGoOffline();
		const events = await client.listEvents({ types: ['DEVICE_STATE'], minDate: before });
		expect(events).toEqual([
			{
				id: expect.any(String),
				type: 'DEVICE_STATE',
				state: 'inactive',
				timestamp: expect.any(String),
				target: { id: OFFICE, name: 'office-desktop' },
			},
			{
				id: expect.any(String),
				type: 'DEVICE_STATE',
				state: 'inactive',
				timestamp: expect.any(String),
				target: { id: GATEWAY, name: 'factory-gateway' },
			},
		]);
		expect(Date.parse(events[0].timestamp)).toBeGreaterThan(Date.parse(events[1].timestamp));
		expect(events[0].id).not.toBe(events[1].id);
	});

	it('returns only the requested types: a connection is a DEVICE_CONNECT event on the service', async () => {
		const before = await twoDevicesGoOffline();
		await client.connect(CAMERA_SSH);
		const connects = await client.listEvents({
			types: ['DEVICE_CONNECT'],
			minDate: new Date(before),
		});
		expect(connects).toEqual([
			expect.objectContaining({
				type: 'DEVICE_CONNECT',
				state: 'connected',
				target: { id: CAMERA_SSH, name: 'SSH' },
			}),
		]);
		const both = await client.listEvents({
			types: ['DEVICE_CONNECT', 'DEVICE_STATE'],
			minDate: before,
		});
		expect(both.map((e) => e.type)).toEqual(['DEVICE_CONNECT', 'DEVICE_STATE', 'DEVICE_STATE']);
	});
});

describe('listEvents paging and bounds', () => {
	let client: RemoteItClient;
	beforeEach(async () => {
		client = await demo.client('accessKey');
		await clearRequestLog(demo.emulator.url);
	});

	it('without minDate returns the whole log: the seed records each device state once', async () => {
		const events = await client.listEvents({ types: ['DEVICE_STATE'] });
		expect(events.map((e) => e.target?.name).sort()).toEqual([
			'camera-nvr',
			'factory-gateway',
			'lab-raspberrypi',
			'office-desktop',
			'warehouse-sensor',
		]);
		expect(events.find((e) => e.target?.name === 'warehouse-sensor')?.state).toBe('inactive');
	});

	it('minDate is inclusive: an event at exactly minDate is returned', async () => {
		await twoDevicesGoOffline();
		const [newest] = await client.listEvents({ types: ['DEVICE_STATE'], size: 1 });
		const again = await client.listEvents({ types: ['DEVICE_STATE'], minDate: newest.timestamp });
		expect(again.map((e) => e.id)).toEqual([newest.id]);
	});

	it('size and from select a window of the newest-first log in one request', async () => {
		await twoDevicesGoOffline();
		await clearRequestLog(demo.emulator.url);
		const all = await client.listEvents({ types: ['DEVICE_STATE'] });
		const window = await client.listEvents({ types: ['DEVICE_STATE'], size: 2, from: 1 });
		expect(window).toEqual(all.slice(1, 3));
		expect(countPath(await demo.log(), GRAPHQL_PATH)).toBe(2);
	});

	it('follows hasMore when remote.it answers shorter pages than asked', async () => {
		await twoDevicesGoOffline();
		// remote.it may cap a page below the size asked for; a transport that clamps `size` to 2 plays that server.
		// Password auth, because an access-key signature covers the body this rewrites.
		const axiosSend = createAxiosTransport({ timeoutMs: 5000 });
		const clampPages: SendRequest = (request) =>
			axiosSend(
				request.body?.includes('query Events')
					? { ...request, body: request.body.replace(/"size":\d+/, '"size":2') }
					: request,
			);
		const pagedClient = createRemoteItClient({
			apiUrl: demo.emulator.url,
			send: clampPages,
			auth: {
				type: 'password',
				developerKey: demo.account.developerKey,
				username: demo.account.email,
				password: demo.account.password,
			},
		});
		const expected = await client.listEvents({ types: ['DEVICE_STATE'] });
		await clearRequestLog(demo.emulator.url);
		const paged = await pagedClient.listEvents({ types: ['DEVICE_STATE'], size: 5 });
		expect(paged).toEqual(expected.slice(0, 5));
		// 2 + 2 + 1 events; the login is REST, so every GraphQL request is an events page.
		expect(countPath(await demo.log(), GRAPHQL_PATH)).toBe(3);
	});

	it('rejects bad input before sending anything', async () => {
		const cases: Array<[unknown, string]> = [
			[{ types: [] }, 'types'],
			[{ types: ['DEVICE_STATE', 'DEVICE_REBOOT'] }, 'types'],
			[{}, 'types'],
			[{ types: ['DEVICE_STATE'], minDate: 'yesterday' }, 'minDate'],
			[{ types: ['DEVICE_STATE'], minDate: new Date(NaN) }, 'minDate'],
			[{ types: ['DEVICE_STATE'], size: 0 }, 'size'],
			[{ types: ['DEVICE_STATE'], size: 1001 }, 'size'],
			[{ types: ['DEVICE_STATE'], size: 2.5 }, 'size'],
			[{ types: ['DEVICE_STATE'], from: -1 }, 'from'],
		];
		for (const [options, field] of cases) {
			const error = await failureOf(
				client.listEvents(options as Parameters<RemoteItClient['listEvents']>[0]),
			);
			expect(error).toBeInstanceOf(RemoteItValidationError);
			expect(error.field).toBe(field);
		}
		expect(await demo.log()).toEqual([]);
	});
});

describe('reading event entries', () => {
	it('normalises the timestamp and the target id, and skips entries that cannot be ordered', () => {
		// `target` is a list in remote.it's schema; the docs' example answer shows "target":[…].
		expect(
			eventFromGraphql({
				id: 'e1',
				type: 'DEVICE_CONNECT',
				state: 'connected',
				timestamp: '2026-11-25T10:00:00Z',
				target: [{ id: SSH.toLowerCase(), name: 'SSH' }],
			}),
		).toEqual({
			id: 'e1',
			type: 'DEVICE_CONNECT',
			state: 'connected',
			timestamp: '2026-11-25T10:00:00.000Z',
			target: { id: SSH, name: 'SSH' },
		});
		expect(
			eventFromGraphql({
				id: 'e2',
				type: 'DEVICE_STATE',
				timestamp: '2026-11-25T10:00:00Z',
				target: null,
			}),
		).toEqual({ id: 'e2', type: 'DEVICE_STATE', state: '', timestamp: '2026-11-25T10:00:00.000Z' });
		expect(
			eventFromGraphql({ type: 'DEVICE_STATE', timestamp: '2026-11-25T10:00:00Z' }),
		).toBeUndefined();
		expect(
			eventFromGraphql({ id: 'e3', type: 'DEVICE_REBOOT', timestamp: '2026-11-25T10:00:00Z' }),
		).toBeUndefined();
		expect(eventFromGraphql({ id: 'e4', type: 'DEVICE_STATE', timestamp: 'soon' })).toBeUndefined();
		// A single object is not what remote.it sends: no target is read from it.
		expect(
			eventFromGraphql({
				id: 'e5',
				type: 'DEVICE_STATE',
				timestamp: '2026-11-25T10:00:00Z',
				target: { id: SSH },
			})?.target,
		).toBeUndefined();
	});
});
