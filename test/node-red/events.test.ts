/**
 * remoteit-events in the Node-RED runtime against the emulator: one message per event, oldest first, from the
 * first deploy on; nothing twice and nothing lost across a redeploy and a failed poll; status and Catch.
 * Polls run at the node's real schedule (10 s, the smallest interval it accepts) after the immediate first one.
 */
import { createRemoteItClient } from '../../client/transport';
import type { NodeMessage, NodeStatus } from '../../nodes/node-red/lib/node-red-api';
import { SSH } from '../support/demo';
import { injectFault, setOnline, shiftClock } from '../support/emulator-control';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import {
	ACCOUNT_ID,
	accessKeyCredentials,
	collect,
	eventually,
	flowAround,
	helper,
	loadFlow,
	sentHistory,
	statusHistory,
	type FlowNode,
} from './support/flow-harness';

const { emulator, account } = useDemoWithNodeRed();

const GATEWAY = '80:00:00:00:01:00:00:01';
const OFFICE = '80:00:00:00:01:00:00:10';
const SENSOR = '80:00:00:00:01:00:00:30';
/** A poll at the smallest interval, plus room for a loaded machine. */
const NEXT_POLL_MS = 25_000;
/** A test waits for up to three polls. */
const TEST_TIMEOUT_MS = 4 * NEXT_POLL_MS;

beforeEach(async () => {
	// Past the seed's own events, so what a test does is always the newest thing in the log.
	await shiftClock(emulator.url, 60);
});

const nextInstant = () => shiftClock(emulator.url, 1);

function eventsNode(overrides: Partial<FlowNode> = {}): FlowNode {
	return {
		id: 'events',
		type: 'remoteit-events',
		event: 'deviceOffline',
		deviceNameContains: '',
		interval: 10,
		...overrides,
	};
}

const texts = (): string[] => statusHistory('events').map((status) => status.text ?? '');
/** Each poll that succeeds shows a green status. */
const greens = (): number => statusHistory('events').filter((s) => s.fill === 'green').length;

/** Deploys the node and waits for its first poll, which only marks where the log is now. */
async function deploy(node: FlowNode): Promise<{ out: NodeMessage[]; caught: NodeMessage[] }> {
	await loadFlow(flowAround(node, emulator.url), accessKeyCredentials(account));
	const out = collect('out');
	const caught = collect('caught');
	await eventually(
		() => texts().some((text) => /^(watching|from|resumed)/.test(text)),
		'the first poll',
	);
	return { out, caught };
}

describe('remoteit-events', () => {
	it(
		'sends nothing on deploy, then exactly one message for a device going offline',
		async () => {
			const { out, caught } = await deploy(eventsNode());
			expect(out).toEqual([]);
			await setOnline(emulator.url, GATEWAY, false);
			await eventually(() => out.length > 0, 'the event', NEXT_POLL_MS);
			await eventually(() => texts().some((t) => t.startsWith('1 sent at')), 'the poll to end');
			expect(out).toEqual([
				{
					_msgid: expect.any(String),
					topic: 'deviceOffline',
					payload: {
						id: expect.any(String),
						type: 'DEVICE_STATE',
						state: 'inactive',
						online: false,
						timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
						deviceId: GATEWAY,
						deviceName: 'factory-gateway',
					},
				},
			]);
			expect(caught).toEqual([]);
			// The default memory store is said in the status: a ring, and the words.
			expect(statusHistory('events')).toContainEqual<NodeStatus>({
				fill: 'green',
				shape: 'ring',
				text: expect.stringMatching(/^from \d\d:\d\d:\d\d \(memory context\)$/),
			});
		},
		TEST_TIMEOUT_MS,
	);

	it(
		'sends several events in the order they happened, narrowed by device name',
		async () => {
			const { out } = await deploy(
				eventsNode({ event: 'deviceStateChanged', deviceNameContains: ' O ' }),
			);
			await setOnline(emulator.url, OFFICE, false);
			await nextInstant();
			await setOnline(emulator.url, SENSOR, true);
			await nextInstant();
			await setOnline(emulator.url, GATEWAY, false); // "factory-gateway" has an o too
			await nextInstant();
			await setOnline(emulator.url, '80:00:00:00:01:00:00:40', false); // lab-raspberrypi: no o
			await nextInstant();
			await setOnline(emulator.url, OFFICE, true);
			await eventually(() => out.length >= 4, 'the events', NEXT_POLL_MS);
			expect(out.map((msg) => msg.topic)).toEqual(Array(4).fill('deviceStateChanged'));
			expect(out.map((msg) => (msg.payload as { deviceName: string }).deviceName)).toEqual([
				'office-desktop',
				'warehouse-sensor',
				'factory-gateway',
				'office-desktop',
			]);
		},
		TEST_TIMEOUT_MS,
	);

	it(
		'narrows to devices carrying all of the given tags',
		async () => {
			const { out } = await deploy(
				eventsNode({
					event: 'deviceOffline',
					tags: '["line-3", "gateway"]',
					tagsType: 'json',
					tagMatch: 'all',
				}),
			);
			await setOnline(emulator.url, OFFICE, false); // tagged "office"
			await nextInstant();
			await setOnline(emulator.url, '80:00:00:00:01:00:00:20', false); // camera-nvr: line-3 only
			await nextInstant();
			await setOnline(emulator.url, GATEWAY, false); // line-3 and gateway
			await eventually(() => out.length > 0, 'the event', NEXT_POLL_MS);
			await eventually(() => texts().some((t) => t.startsWith('1 sent at')), 'the poll to end');
			expect(out.map((msg) => (msg.payload as { deviceName: string }).deviceName)).toEqual([
				'factory-gateway',
			]);
		},
		TEST_TIMEOUT_MS,
	);

	it(
		'sends a connection opened with its device and service',
		async () => {
			const { out } = await deploy(
				eventsNode({ event: 'connectionOpened', deviceNameContains: 'gateway' }),
			);
			const client = createRemoteItClient({
				apiUrl: emulator.url,
				auth: {
					type: 'accessKey',
					accessKeyId: account.accessKeyId,
					secretAccessKey: account.secretAccessKey,
				},
			});
			const connection = await client.connect(SSH);
			await eventually(() => out.length > 0, 'the event', NEXT_POLL_MS);
			expect(out.map((msg) => [msg.topic, msg.payload])).toEqual([
				[
					'connectionOpened',
					expect.objectContaining({
						type: 'DEVICE_CONNECT',
						state: 'connected',
						online: true,
						deviceId: GATEWAY,
						deviceName: 'factory-gateway',
						serviceId: SSH,
						serviceName: 'SSH',
					}),
				],
			]);
			await client.disconnect({ connectionId: connection.id, serviceId: SSH });
		},
		TEST_TIMEOUT_MS,
	);

	it(
		'sends nothing twice and misses nothing across a redeploy',
		async () => {
			await deploy(eventsNode());
			const deviceIds = () =>
				sentHistory('events').map((msg) => (msg.payload as { deviceId: string }).deviceId);
			await setOnline(emulator.url, GATEWAY, false);
			await eventually(() => deviceIds().length > 0, 'the first event', NEXT_POLL_MS);
			await nextInstant();
			// Happens between the old instance's last poll and the new one's first.
			await setOnline(emulator.url, OFFICE, false);
			const credentials = accessKeyCredentials(account);
			const redeployed = flowAround(eventsNode({ name: 'renamed' }), emulator.url).map((node) =>
				node.id === ACCOUNT_ID ? { ...node, credentials } : node,
			);
			await helper._redNodes.setFlows(redeployed, null, 'full');
			await eventually(() => deviceIds().length > 1, 'the event of the gap', NEXT_POLL_MS);
			// One more poll after it: still nothing new.
			const polled = greens();
			await eventually(() => greens() > polled + 1, 'a later poll', NEXT_POLL_MS);
			expect(deviceIds()).toEqual([GATEWAY, OFFICE]);
		},
		TEST_TIMEOUT_MS,
	);

	it(
		'shows a failed poll in red and hands it to Catch; the next poll sends what it missed',
		async () => {
			const { out, caught } = await deploy(eventsNode());
			await setOnline(emulator.url, GATEWAY, false);
			await injectFault(emulator.url, { path: '/graphql/v1', kind: 'status', status: 403 });
			await eventually(() => caught.length > 0, 'the failure', NEXT_POLL_MS);
			expect(caught[0]).toMatchObject({
				topic: 'deviceOffline',
				error: {
					message: expect.stringContaining('remote.it refused the credentials (HTTP 403)'),
					source: { id: 'events', type: 'remoteit-events' },
				},
			});
			expect(statusHistory('events')).toContainEqual({
				fill: 'red',
				shape: 'ring',
				text: 'authentication failed',
			});
			expect(out).toEqual([]);
			await eventually(() => out.length > 0, 'the event on the next poll', NEXT_POLL_MS);
			expect(out.map((msg) => (msg.payload as { deviceId: string }).deviceId)).toEqual([GATEWAY]);
			expect(caught).toHaveLength(1);
		},
		TEST_TIMEOUT_MS,
	);

	it(
		'says in its status when its place in the log is kept on disk (a persistent default store)',
		async () => {
			const settings = helper.settings({
				contextStorage: { default: 'disk', disk: { module: 'localfilesystem' } },
			});
			try {
				await deploy(eventsNode());
				expect(statusHistory('events')).toContainEqual({
					fill: 'green',
					shape: 'dot',
					text: expect.stringMatching(/^watching since \d\d:\d\d:\d\d$/),
				});
			} finally {
				helper.settings({ ...settings, contextStorage: undefined });
			}
		},
		TEST_TIMEOUT_MS,
	);
});
