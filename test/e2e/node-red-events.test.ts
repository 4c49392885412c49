/**
 * remote.it events in real Node-RED 4 and 5, installed from the tarball by the palette manager's command, with a
 * `localfilesystem` default context store as a user's settings.js would configure it. The example flow "Alert when
 * a device goes offline" (examples/06) runs at the node's smallest interval: a device taken offline through the
 * emulator's control API gives exactly one message; a redeploy gives no duplicate; a restart gives no duplicate
 * and no gap (an event while Node-RED is down comes out after it is back).
 */
import { rmSync } from 'node:fs';
import type { EngineName } from '../../dev/engines/catalog';
import { accessKeySettings, demoFlows } from '../../dev/node-red/demo-flows';
import {
	type FlowNode,
	type NodeRedRuntime,
	createUserDir,
	deployFlows,
	startNodeRed,
} from '../../dev/node-red/node-red-process';
import { injectFault, readRequestLog, setOnline } from '../support/emulator-control';
import {
	ENGINE_SETUP_TIMEOUT_MS,
	ENGINE_TEST_TIMEOUT_MS,
	type EngineFixture,
	secretsIn,
	setUpEngineFixture,
	tearDownEngineFixture,
} from './support/engine-fixture';
import { type DebugListener, type DebugMessage, listenToDebug } from './support/node-red-debug';
import { probeIdFor, withProbes } from './support/node-red-probes';

// Ids from examples/06 Alert when a device goes offline.json.
const TAB = 'e6f60000000000a1';
const EVENTS = 'e6f60000000000n1';
const ALERT = 'e6f60000000000d1';
const POLL_ERROR = 'e6f60000000000d2';
const GATEWAY = '80:00:00:00:01:00:00:01';
const OFFICE = '80:00:00:00:01:00:00:10';
const CREDENTIAL_SECRET = 'e2e-events-credential-secret';
/** The node's smallest interval, so that each wait for a poll is short. */
const INTERVAL_SECONDS = 10;
/** A poll, with room for a loaded machine. */
const POLL_WAIT_MS = 45_000;

type EventPayload = { deviceId: string; deviceName: string; state: string };

describe.each<[EngineName, string]>([
	['node-red', 'Node-RED 4.1.x on Node 20'],
	['node-red-5', 'Node-RED 5.x on Node 24'],
])('%s (%s): remote.it events', (engineName) => {
	let fixture: EngineFixture;
	let userDir: string;
	let runtime: NodeRedRuntime | undefined;
	let debug: DebugListener | undefined;

	/** Example 06 alone, its account pointed at the emulator, polling every INTERVAL_SECONDS. */
	function alertFlow(name = ''): FlowNode[] {
		const flows = demoFlows(accessKeySettings(fixture.account, fixture.emulator.url));
		const account = flows.find((node) => node.type === 'remoteit-config') as FlowNode;
		return withProbes([
			...flows
				.filter((node) => node.id === TAB || node.z === TAB)
				.map((node) => (node.id === EVENTS ? { ...node, name, interval: INTERVAL_SECONDS } : node))
				// The alert also goes to Node-RED's log: what a restarted runtime sends before a websocket is open.
				.map((node) => (node.id === ALERT ? { ...node, console: true } : node)),
			account,
		]);
	}

	async function start(): Promise<void> {
		runtime = await startNodeRed(fixture.engine, userDir, {
			port: 0,
			credentialSecret: CREDENTIAL_SECRET,
			contextModule: 'localfilesystem',
		});
		debug = await listenToDebug(fixture.engine, runtime.url);
	}

	async function stop(): Promise<void> {
		debug?.close();
		await runtime?.stop();
		runtime = undefined;
	}

	/** The flow's only remote.it requests are the events node's polls (one each: no connection events here). */
	const eventPolls = async (): Promise<number> =>
		(await readRequestLog(fixture.emulator.url)).filter((entry) => entry.path === '/graphql/v1')
			.length;

	/** Resolves once remote.it's event log has been read `count` more times than now. */
	async function polled(count = 1): Promise<void> {
		const target = (await eventPolls()) + count;
		const deadline = Date.now() + count * POLL_WAIT_MS;
		while ((await eventPolls()) < target) {
			if (Date.now() > deadline) throw new Error(`no ${count} more poll(s) of the event log`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	async function until(condition: () => boolean, what: string): Promise<void> {
		const deadline = Date.now() + POLL_WAIT_MS;
		while (!condition()) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** The alerts this runtime has logged, oldest first. */
	const alertsLogged = (): string[] =>
		(runtime?.output() ?? '').match(/[\w-]+ went offline at \S+/g) ?? [];

	/** What the events node has sent since the debug sidebar was opened (its probe), oldest first. */
	const sent = (): EventPayload[] =>
		(debug?.messages ?? [])
			.filter((message: DebugMessage) => message.id === probeIdFor(EVENTS))
			.map((message) => message.value as EventPayload);

	beforeAll(async () => {
		fixture = await setUpEngineFixture(engineName);
		userDir = createUserDir(fixture.engine, fixture.tarball);
		await start();
	}, ENGINE_SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await stop();
		await tearDownEngineFixture(fixture);
		if (userDir) rmSync(userDir, { recursive: true, force: true });
	});

	it(
		'sends exactly one message when a device goes offline, and the alert says which',
		async () => {
			const firstPoll = polled();
			await deployFlows(runtime as NodeRedRuntime, alertFlow());
			await firstPoll;
			await setOnline(fixture.emulator.url, GATEWAY, false);
			const alert = await (debug as DebugListener).waitFor(
				(message) => message.id === ALERT,
				POLL_WAIT_MS,
			);
			expect(alert.value).toMatch(/^factory-gateway went offline at \d{4}-\d\d-\d\dT/);
			// The status comes from the node's catalogue (RED._); a dot: the context store is on disk.
			const sentStatus = (): boolean =>
				(debug as DebugListener).statuses.some(
					(status) =>
						status.id === EVENTS &&
						status.fill === 'green' &&
						status.shape === 'dot' &&
						/^1 sent at \d\d:\d\d:\d\d$/.test(status.text ?? ''),
				);
			await until(sentStatus, 'the green status');
			await polled();
			expect(sent()).toEqual([
				expect.objectContaining({
					deviceId: GATEWAY,
					deviceName: 'factory-gateway',
					state: 'inactive',
				}),
			]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'sends nothing again after a redeploy',
		async () => {
			const polls = polled(2);
			await deployFlows(runtime as NodeRedRuntime, alertFlow('alert, redeployed'));
			await polls;
			expect(sent().map((payload) => payload.deviceId)).toEqual([GATEWAY]);
			expect(alertsLogged()).toEqual([expect.stringMatching(/^factory-gateway went offline at /)]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'after a restart, sends what happened while Node-RED was down, and nothing from before',
		async () => {
			await stop();
			await setOnline(fixture.emulator.url, OFFICE, false);
			const firstPoll = polled();
			await start();
			await firstPoll;
			await polled();
			expect(alertsLogged()).toEqual([expect.stringMatching(/^office-desktop went offline at /)]);
			// The credentials stay in flows_cred.json, encrypted: none is in what the node showed or logged.
			expect(
				secretsIn(JSON.stringify(debug?.messages) + runtime?.output(), fixture.secrets),
			).toEqual([]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'shows a failed poll in red with the shared failure label, hands it to Catch, and carries on',
		async () => {
			await injectFault(fixture.emulator.url, { path: '/graphql/v1', kind: 'status', status: 403 });
			await setOnline(fixture.emulator.url, GATEWAY, true);
			await setOnline(fixture.emulator.url, GATEWAY, false);
			const failure = await (debug as DebugListener).waitFor(
				(message) => message.id === POLL_ERROR,
				POLL_WAIT_MS,
			);
			expect(String(failure.value)).toMatch(/remote\.it refused the credentials \(HTTP 403\)/);
			// The failure label is a shared text, read from the account node's catalogue.
			await until(
				() =>
					(debug as DebugListener).statuses.some(
						(status) =>
							status.id === EVENTS &&
							status.fill === 'red' &&
							status.text === 'authentication failed',
					),
				'the red status',
			);
			await until(() => alertsLogged().length === 2, 'the alert after the failed poll');
			await polled();
			expect(alertsLogged()).toEqual([
				expect.stringMatching(/^office-desktop went offline at /),
				expect.stringMatching(/^factory-gateway went offline at /),
			]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);
});
