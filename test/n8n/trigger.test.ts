import { type INodeParameters, NodeApiError } from 'n8n-workflow';

import { injectFault, readRequestLog, setOnline, shiftClock } from '../support/emulator-control';
import { accessKeyCredentials, passwordCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, connectParameters } from './support/parameters';
import { activateTrigger, emitted } from './support/poll';
import { runWorkflow } from './support/run-workflow';

const GATEWAY = SEED.gatewayDevice;
const OFFICE = '80:00:00:00:01:00:00:10';
const SENSOR = '80:00:00:00:01:00:00:30';

const emulator = useEmulatorWithN8n();
beforeEach(async () => {
	// Past the seed's own events, so what a test does is always the newest thing in the log.
	await shiftClock(emulator.url, 60);
});

const trigger = (parameters: INodeParameters, staticData?: Parameters<typeof activateTrigger>[2]) =>
	activateTrigger(accessKeyCredentials(emulator), parameters, staticData);

/** Waits out the emulator clock's millisecond so two changes never share a timestamp (order is then certain). */
const nextInstant = () => shiftClock(emulator.url, 1);

describe('remote.it Trigger › Device Went Offline', () => {
	it('emits nothing on activation, then exactly the new event once, then nothing', async () => {
		const active = trigger({ event: 'deviceOffline' });
		expect(await active.poll()).toBeNull();
		await setOnline(emulator.url, GATEWAY, false);

		const [item, ...rest] = emitted(await active.poll());
		expect(rest).toEqual([]);
		expect(item).toEqual({
			id: expect.any(String),
			type: 'DEVICE_STATE',
			state: 'inactive',
			online: false,
			timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			deviceId: GATEWAY,
			deviceName: 'factory-gateway',
		});
		expect(await active.poll()).toBeNull();
	});

	it('ignores a device coming online, and emits several offline events oldest first', async () => {
		const active = trigger({ event: 'deviceOffline' });
		await active.poll();
		await setOnline(emulator.url, SENSOR, true);
		await nextInstant();
		await setOnline(emulator.url, GATEWAY, false);
		await nextInstant();
		await setOnline(emulator.url, OFFICE, false);
		expect(emitted(await active.poll()).map((e) => e.deviceName)).toEqual([
			'factory-gateway',
			'office-desktop',
		]);
		expect(await active.poll()).toBeNull();
	});

	it('keeps its place in static data that n8n saves and loads again (a restart between polls)', async () => {
		const first = trigger({ event: 'deviceOffline' });
		await first.poll();
		await setOnline(emulator.url, GATEWAY, false);
		const emittedBefore = emitted(await first.poll());

		const restarted = trigger({ event: 'deviceOffline' }, first.savedStaticData());
		await nextInstant();
		await setOnline(emulator.url, OFFICE, false);
		expect(emitted(await restarted.poll()).map((e) => e.deviceId)).toEqual([OFFICE]);
		expect(emittedBefore.map((e) => e.deviceId)).toEqual([GATEWAY]);
	});

	it('loses nothing when a poll fails: the next poll emits the event', async () => {
		const active = trigger({ event: 'deviceOffline' });
		await active.poll();
		await setOnline(emulator.url, GATEWAY, false);
		await injectFault(emulator.url, { path: '/graphql/v1', kind: 'status', status: 403 });
		const failure: unknown = await active.poll().catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeApiError);
		const { secretAccessKey } = accessKeyCredentials(emulator);
		expect(
			JSON.stringify({ ...(failure as object), message: (failure as Error).message }),
		).not.toContain(secretAccessKey);
		expect(emitted(await active.poll()).map((e) => e.deviceId)).toEqual([GATEWAY]);
	});

	it('filters by device name (case-insensitive)', async () => {
		const active = trigger({ event: 'deviceOffline', filters: { deviceNameContains: ' DESK ' } });
		await active.poll();
		await setOnline(emulator.url, GATEWAY, false);
		await nextInstant();
		await setOnline(emulator.url, OFFICE, false);
		expect(emitted(await active.poll()).map((e) => e.deviceName)).toEqual(['office-desktop']);
		// The gateway's event was seen and passed over: it does not come back later.
		expect(await active.poll()).toBeNull();
	});
});

describe('remote.it Trigger › Tags', () => {
	const CAMERA = '80:00:00:00:01:00:00:20';

	it('emits only events of devices carrying any of the tags, or all of them', async () => {
		const any = trigger({ event: 'deviceOffline', filters: { tags: ['line-3', 'office'] } });
		const all = trigger({
			event: 'deviceOffline',
			filters: { tags: ['line-3', 'security'], tagMatch: 'all' },
		});
		await any.poll();
		await all.poll();
		for (const device of [GATEWAY, OFFICE, CAMERA]) {
			await setOnline(emulator.url, device, false);
			await nextInstant();
		}
		await setOnline(emulator.url, '80:00:00:00:01:00:00:40', true); // came online: another event kind
		expect(emitted(await any.poll()).map((e) => e.deviceName)).toEqual([
			'factory-gateway',
			'office-desktop',
			'camera-nvr',
		]);
		expect(emitted(await all.poll()).map((e) => e.deviceName)).toEqual(['camera-nvr']);
		expect(await any.poll()).toBeNull();
	});

	it("narrows connection events by the tags of the service's device", async () => {
		const active = trigger({ event: 'connectionOpened', filters: { tags: ['office'] } });
		await active.poll();
		const run = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [
				{ name: 'Connect', parameters: connectParameters(byId(SEED.gatewaySsh)) },
				{ name: 'Connect RDP', parameters: connectParameters(byId('80:00:00:00:01:00:00:11')) },
			],
		});
		expect(run.error()).toBeUndefined();
		expect(emitted(await active.poll()).map((e) => [e.deviceName, e.serviceName])).toEqual([
			['office-desktop', 'RDP'],
		]);
	});

	it.each([
		['text', 'line-3', /^Tags: must be a list of tag names, not text/],
		['a blank name', ['line-3', ' '], /^Tags: entry 2 is blank/],
	])('refuses Tags given as %s, before any request', async (_what, tags, message) => {
		await readRequestLog(emulator.url, { clear: true });
		const failure: unknown = await trigger({ event: 'deviceOffline', filters: { tags } })
			.poll()
			.catch((error: unknown) => error);
		expect((failure as Error).message).toMatch(message);
		expect(await readRequestLog(emulator.url)).toEqual([]);
	});

	it('refuses a Tag Match other than any or all', async () => {
		const failure: unknown = await trigger({
			event: 'deviceOffline',
			filters: { tags: ['line-3'], tagMatch: 'most' },
		})
			.poll()
			.catch((error: unknown) => error);
		expect((failure as Error).message).toMatch(/^Tag Match: must be "any" or "all", not "most"/);
	});
});

describe('remote.it Trigger › other events', () => {
	it('Device Came Online emits only devices coming back', async () => {
		const active = trigger({ event: 'deviceOnline' });
		await active.poll();
		await setOnline(emulator.url, GATEWAY, false);
		await nextInstant();
		await setOnline(emulator.url, SENSOR, true);
		expect(emitted(await active.poll())).toEqual([
			expect.objectContaining({
				state: 'active',
				online: true,
				deviceId: SENSOR,
				deviceName: 'warehouse-sensor',
			}),
		]);
	});

	it('Device Went Offline or Came Online emits both directions in order', async () => {
		const active = activateTrigger(passwordCredentials(emulator), { event: 'deviceStateChanged' });
		await active.poll();
		await setOnline(emulator.url, GATEWAY, false);
		await nextInstant();
		await setOnline(emulator.url, GATEWAY, true);
		expect(emitted(await active.poll()).map((e) => [e.deviceName, e.online])).toEqual([
			['factory-gateway', false],
			['factory-gateway', true],
		]);
	});

	it('Connection Opened emits a connection made by the remote.it node, with its device and service', async () => {
		const active = trigger({
			event: 'connectionOpened',
			filters: { deviceNameContains: 'factory' },
		});
		expect(await active.poll()).toBeNull();
		const run = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [{ name: 'Connect', parameters: connectParameters(byId(SEED.gatewaySsh)) }],
		});
		expect(run.error()).toBeUndefined();
		// A state change of the same device is not a connection: it must not show up.
		await setOnline(emulator.url, GATEWAY, false);
		expect(emitted(await active.poll())).toEqual([
			{
				id: expect.any(String),
				type: 'DEVICE_CONNECT',
				state: 'connected',
				online: true,
				timestamp: expect.any(String),
				deviceId: GATEWAY,
				deviceName: 'factory-gateway',
				serviceId: SEED.gatewaySsh,
				serviceName: 'SSH',
			},
		]);
	});

	it('starts afresh when the chosen event changes to another kind: nothing from before is emitted', async () => {
		const offline = trigger({ event: 'deviceOffline' });
		await offline.poll();
		const run = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [{ name: 'Connect', parameters: connectParameters(byId(SEED.gatewaySsh)) }],
		});
		expect(run.error()).toBeUndefined();
		const connections = trigger({ event: 'connectionOpened' }, offline.savedStaticData());
		expect(await connections.poll()).toBeNull();
		expect(await connections.poll()).toBeNull();
	});
});

describe('remote.it Trigger › Fetch Test Event (manual mode)', () => {
	it('returns the latest matching event, whether or not the workflow was ever activated', async () => {
		const manual = trigger({ event: 'deviceOffline' });
		// The demo seed's warehouse sensor is offline from the start.
		expect(emitted(await manual.poll('manual')).map((e) => e.deviceName)).toEqual([
			'warehouse-sensor',
		]);
		await setOnline(emulator.url, GATEWAY, false);
		await nextInstant();
		await setOnline(emulator.url, OFFICE, false);
		expect(emitted(await manual.poll('manual')).map((e) => e.deviceName)).toEqual([
			'office-desktop',
		]);
		const filtered = trigger({
			event: 'deviceOffline',
			filters: { deviceNameContains: 'gateway' },
		});
		expect(emitted(await filtered.poll('manual')).map((e) => e.deviceName)).toEqual([
			'factory-gateway',
		]);
	});

	it('returns nothing when no event matches, and leaves the active cursor alone', async () => {
		const active = trigger({ event: 'connectionOpened' });
		expect(await active.poll('manual')).toBeNull();
		expect(active.savedStaticData()).toEqual({});
	});
});
