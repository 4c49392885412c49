/**
 * No secret leaves the nodes: canary credentials, right and wrong, for every sign-in method, must not appear
 * in any message, Catch message, status, log line or debug-sidebar output, nor in the deployed flow JSON.
 */
import { DEMO_SEED_PATH, loadSeedFile, type Seed } from '../../emulator';
import {
	connectNode,
	ACCOUNT_ID,
	TAB_ID,
	accountNode,
	flowAround,
	helper,
	loadFlow,
	NODE_MODULES,
	nodeById,
	nextMessage,
	recordStatuses,
	eventually,
	collect,
	sentHistory,
	statusHistory,
	type FlowNode,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import type { NodeRedRuntime } from '../../nodes/node-red/lib/node-red-api';
import { SSH } from '../support/demo';
import { setOnline } from '../support/emulator-control';

const GATEWAY = '80:00:00:00:01:00:00:01';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const registerDebug = require('@node-red/nodes/core/common/21-debug.js') as (
	RED: NodeRedRuntime,
) => void;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { events: runtimeEvents } = require('@node-red/util') as { events: NodeJS.EventEmitter };

const CANARY = {
	password: 'Canary-Password-7c1e',
	developerKey: 'CANARY-DEVELOPER-KEY-5d2a',
	secretAccessKey: Buffer.from('canary-secret-key-30-bytes!!!!').toString('base64'),
	wrongSecret: Buffer.from('canary-wrong-secret-30-bytes!!').toString('base64'),
	wrongPassword: 'Canary-Wrong-Password-91bd',
	token: 'canary0token0000000000000000beef',
};

/** The demo seed with the first user's secrets replaced by canaries. */
function canarySeed(): Seed {
	const seed = loadSeedFile(DEMO_SEED_PATH);
	const user = seed.users[0];
	user.password = CANARY.password;
	user.developerKey = CANARY.developerKey;
	user.accessKeys[0].secret = CANARY.secretAccessKey;
	return seed;
}

const seed = canarySeed();
const { emulator } = useDemoWithNodeRed({ seed });

const email = (): string => seed.users[0].email;
const accessKeyId = (): string => seed.users[0].accessKeys[0].id;

const SCENARIOS: Array<[string, string, Record<string, string>, 'out' | 'caught']> = [
	[
		'access key',
		'accessKey',
		{
			accessKeyId: accessKeyId(),
			secretAccessKey: CANARY.secretAccessKey,
			developerKey: CANARY.developerKey,
		},
		'out',
	],
	[
		'wrong access key secret',
		'accessKey',
		{ accessKeyId: accessKeyId(), secretAccessKey: CANARY.wrongSecret },
		'caught',
	],
	[
		'password',
		'password',
		{ developerKey: CANARY.developerKey, username: email(), password: CANARY.password },
		'out',
	],
	[
		'wrong password',
		'password',
		{ developerKey: CANARY.developerKey, username: email(), password: CANARY.wrongPassword },
		'caught',
	],
	[
		'unknown session token',
		'token',
		{ developerKey: CANARY.developerKey, token: CANARY.token },
		'caught',
	],
];

/** The node's flow with a real debug node (sidebar, console and status) after both the output and the Catch. */
function flowWithDebug(authMethod: string, underTest: FlowNode = connectNode()): FlowNode[] {
	const flow = flowAround(underTest, emulator.url, { authMethod });
	for (const node of flow) {
		if (node.id === underTest.id) node.wires = [['out', 'debug-all']];
		if (node.id === 'catch-errors') node.wires = [['caught', 'debug-all']];
	}
	flow.push({
		id: 'debug-all',
		z: TAB_ID,
		type: 'debug',
		active: true,
		tosidebar: true,
		console: true,
		tostatus: true,
		complete: 'true',
		targetType: 'full',
		statusVal: '',
		statusType: 'auto',
		wires: [],
	});
	return flow;
}

/** remote.it devices adding a tag to the devices msg.payload names, as the fleet examples do. */
const tagDevices: FlowNode = {
	id: 'connect',
	type: 'remoteit-devices',
	action: 'addTags',
	tags: '["audit"]',
	tagsType: 'json',
};

describe('secrets in the Node-RED nodes', () => {
	it.each(
		SCENARIOS.flatMap(([label, ...rest]) => [
			[`${label} (connect)`, ...rest, connectNode(), SSH] as const,
			[`${label} (devices: add tags)`, ...rest, tagDevices, '80:00:00:00:01:00:00:01'] as const,
		]),
	)(
		'leaks nothing with %s',
		async (_label, authMethod, credentials, expectedAt, underTest, payload) => {
			const debugOutput: unknown[] = [];
			const recordComms = (event: { topic: string; data: unknown }): void => {
				if (event.topic === 'debug') debugOutput.push(event.data);
			};
			runtimeEvents.on('comms', recordComms);
			try {
				await loadFlow(flowWithDebug(authMethod, underTest), credentials, [
					...NODE_MODULES,
					registerDebug,
				]);
				const statuses = recordStatuses('connect');
				const received = collect(expectedAt);
				nodeById('connect').receive({ payload });
				const fromDebugNode = (): unknown[] =>
					debugOutput.filter((d) => (d as { id?: string }).id === 'debug-all');
				await eventually(
					() => received.length === 1 && fromDebugNode().length === 1 && statuses.length >= 2,
					'the answer',
				);

				const everything = JSON.stringify({
					received,
					statuses,
					debugOutput,
					log: helper.log().args,
					flows: helper._redNodes.getFlows(),
				});
				for (const canary of Object.values(CANARY)) expect(everything).not.toContain(canary);
				if (expectedAt === 'caught')
					expect(JSON.stringify(received[0].error)).toMatch(/remote\.it|credentials|token/i);
			} finally {
				runtimeEvents.off('comms', recordComms);
			}
		},
	);

	it.each(SCENARIOS)(
		'the events node leaks nothing with %s, in its messages, context or status',
		async (_label, authMethod, credentials, expectedAt) => {
			const debugOutput: unknown[] = [];
			const recordComms = (event: { topic: string; data: unknown }): void => {
				if (event.topic === 'debug') debugOutput.push(event.data);
			};
			runtimeEvents.on('comms', recordComms);
			try {
				const events = {
					id: 'events',
					type: 'remoteit-events',
					event: 'deviceOffline',
					interval: 10,
				};
				await loadFlow(flowWithDebug(authMethod, events), credentials, [
					...NODE_MODULES,
					registerDebug,
				]);
				const sent = (): unknown[] => sentHistory(expectedAt === 'out' ? 'events' : 'catch-errors');
				if (expectedAt === 'out') {
					await eventually(
						() => statusHistory('events').some((s) => s.fill === 'green'),
						'the first poll',
					);
					await setOnline(emulator.url, GATEWAY, false);
				}
				await eventually(
					() =>
						sent().length === 1 &&
						debugOutput.some((d) => (d as { id?: string }).id === 'debug-all'),
					'the event or the failure',
					25_000,
				);
				const context = await new Promise((resolve) =>
					(
						nodeById('events') as unknown as {
							context(): { get(key: string, cb: (e: unknown, v: unknown) => void): void };
						}
					)
						.context()
						.get('remoteitEventCursor', (_e, value) => resolve(value)),
				);
				const everything = JSON.stringify({
					sent: sent(),
					context,
					statuses: statusHistory('events'),
					debugOutput,
					log: helper.log().args,
					flows: helper._redNodes.getFlows(),
				});
				for (const canary of Object.values(CANARY)) expect(everything).not.toContain(canary);
				if (expectedAt === 'out') expect(context).toMatchObject({ cursorTypes: 'DEVICE_STATE' });
			} finally {
				runtimeEvents.off('comms', recordComms);
			}
		},
		60_000,
	);

	it('keeps the account credentials out of the deployed flow JSON, as an editor deploy sends them inline', async () => {
		await loadFlow([], {});
		const credentials = {
			accessKeyId: accessKeyId(),
			secretAccessKey: CANARY.secretAccessKey,
			developerKey: CANARY.developerKey,
			username: email(),
			password: CANARY.password,
			token: CANARY.token,
		};
		const deployed: FlowNode[] = [
			{ id: TAB_ID, type: 'tab', label: 'remote.it' },
			{ ...accountNode(emulator.url), credentials },
			{
				id: 'connect',
				z: TAB_ID,
				type: 'remoteit-connect',
				account: ACCOUNT_ID,
				service: 'payload',
				serviceType: 'msg',
				wires: [['out']],
			},
			{ id: 'out', z: TAB_ID, type: 'helper' },
		];
		// What the editor's Deploy does (POST /flows with credentials inline). The helper's own setFlows waits for an
		// event that has already fired, so call the runtime directly and wait for the node to run.
		await helper._redNodes.setFlows(deployed, null, 'full');
		await eventually(() => helper.getNode('connect') !== null, 'the deployed flow');

		const exported = JSON.stringify(helper._redNodes.getFlows());
		for (const value of Object.values(credentials)) expect(exported).not.toContain(value);
		expect(exported).not.toContain('"credentials"');
		expect(helper.credentials.get(ACCOUNT_ID)).toEqual(credentials);
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: SSH });
		expect((await output).payload).toMatchObject({ serviceId: SSH });
	});

	it('declares every secret as a password credential, so the editor never gets it back; the access key ID is text, shown in the dialog', async () => {
		await loadFlow([], {});
		expect(helper._redNodes.getCredentialDefinition('remoteit-config')).toEqual({
			accessKeyId: { type: 'text' },
			secretAccessKey: { type: 'password' },
			developerKey: { type: 'password' },
			username: { type: 'text' },
			password: { type: 'password' },
			token: { type: 'password' },
		});
	});
});
