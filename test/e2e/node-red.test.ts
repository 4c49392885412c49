/**
 * The Node-RED package in real Node-RED runtimes, installed from its tarball into a temporary userDir by the palette
 * manager's own command (Node-RED's npm, run by the engine's Node):
 * Node-RED 4.1.x on Node 20 and 5.x on Node 24. The example flows (examples/*.json) are deployed with
 * credentials through the admin API, triggered with POST /inject/:id, and observed on the debug websocket.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineName } from '../../dev/engines/catalog';
import { accessKeySettings, demoFlows } from '../../dev/node-red/demo-flows';
import {
	type FlowNode,
	type NodeRedRuntime,
	createUserDir,
	deployFlows,
	inject,
	startNodeRed,
} from '../../dev/node-red/node-red-process';
import {
	ENGINE_SETUP_TIMEOUT_MS,
	ENGINE_TEST_TIMEOUT_MS,
	type EngineFixture,
	secretsIn,
	setUpEngineFixture,
	tearDownEngineFixture,
} from './support/engine-fixture';
import { type DebugListener, type DebugMessage, listenToDebug } from './support/node-red-debug';
import { extraInject, probeIdFor, withProbes } from './support/node-red-probes';
import { listEmulatorConnections } from '../support/emulator-control';
import { DEMO_FLEET } from '../support/demo';

// Ids from examples/*.json.
const example = {
	connectUse: {
		inject: 'e1f10000000000i1',
		connect: 'e1f10000000000n1',
		disconnect: 'e1f10000000000n2',
		page: 'e1f10000000000d1',
		disconnected: 'e1f10000000000d2',
	},
	devices: {
		all: 'e2f20000000000i1',
		allDebug: 'e2f20000000000d1',
		online: 'e2f20000000000i2',
		onlineNode: 'e2f20000000000n2',
		rebuilt: 'e2f20000000000d3',
	},
	errors: {
		unknown: 'e3f30000000000i1',
		notAService: 'e3f30000000000i2',
		connect: 'e3f30000000000n1',
		message: 'e3f30000000000d2',
	},
	reuse: {
		setTarget: 'e4f40000000000i0',
		connect: 'e4f40000000000i1',
		endpoint: 'e4f40000000000d1',
	},
	fleet: {
		inject: 'e8f80000000000i1',
		devices: 'e8f80000000000n0',
		connect: 'e8f80000000000n1',
		banner: 'e8f80000000000d1',
		disconnected: 'e8f80000000000d2',
	},
	closeAll: {
		inject: 'e7f70000000000i1',
		closed: 'e7f70000000000d1',
	},
	tcp: {
		inject: 'e5f50000000000i1',
		connect: 'e5f50000000000n1',
		banner: 'e5f50000000000d1',
		disconnected: 'e5f50000000000d2',
	},
};
const OFFLINE_INJECT = 'e2e-inject-offline-ssh';
const OFFLINE_SSH = '80:00:00:00:01:00:00:31';
const CREDENTIAL_SECRET = 'e2e-credential-secret';

type Json = Record<string, unknown>;

describe.each<[EngineName, string]>([
	['node-red', 'Node-RED 4.1.x on Node 20'],
	['node-red-5', 'Node-RED 5.x on Node 24'],
])('%s (%s)', (engineName) => {
	let fixture: EngineFixture;
	let runtime: NodeRedRuntime;
	let debug: DebugListener;

	const from =
		(nodeId: string) =>
		(message: DebugMessage): boolean =>
			message.id === nodeId;
	const since =
		(count: number, nodeId: string) =>
		(message: DebugMessage): boolean =>
			message.id === nodeId && debug.messages.indexOf(message) >= count;

	beforeAll(async () => {
		fixture = await setUpEngineFixture(engineName);
		const userDir = createUserDir(fixture.engine, fixture.tarball);
		runtime = await startNodeRed(fixture.engine, userDir, {
			port: 0,
			credentialSecret: CREDENTIAL_SECRET,
		});
		debug = await listenToDebug(fixture.engine, runtime.url);
		const flows = withProbes(demoFlows(accessKeySettings(fixture.account, fixture.emulator.url)));
		const errorsConnect = flows.find((node) => node.id === example.errors.connect) as FlowNode;
		await deployFlows(runtime, [...flows, extraInject(OFFLINE_INJECT, errorsConnect, OFFLINE_SSH)]);
	}, ENGINE_SETUP_TIMEOUT_MS);

	afterAll(async () => {
		debug?.close();
		await runtime?.stop();
		await tearDownEngineFixture(fixture);
		if (runtime) rmSync(runtime.userDir, { recursive: true, force: true });
	});

	it('loads the six remote.it node types from the installed package', async () => {
		const response = await fetch(`${runtime.url}/nodes`, {
			headers: { accept: 'application/json' },
		});
		const modules = (await response.json()) as Array<{
			module: string;
			types: string[];
			enabled: boolean;
			err?: string;
		}>;
		const ours = modules.filter((set) => set.module === 'node-red-contrib-remoteit');
		expect(ours.flatMap((set) => set.types).sort()).toEqual([
			'remoteit-config',
			'remoteit-connect',
			'remoteit-connections',
			'remoteit-devices',
			'remoteit-disconnect',
			'remoteit-events',
		]);
		expect(ours.filter((set) => !set.enabled || set.err)).toEqual([]);
	});

	it("was installed by the palette manager's command with axios its only dependency and no n8n package", () => {
		const installed = JSON.parse(
			readFileSync(
				join(runtime.userDir, 'node_modules', 'node-red-contrib-remoteit', 'package.json'),
				'utf8',
			),
		) as Json;
		expect({
			dependencies: installed.dependencies,
			peerDependencies: installed.peerDependencies,
		}).toEqual({ dependencies: { axios: expect.any(String) }, peerDependencies: undefined });
		const modules = readdirSync(join(runtime.userDir, 'node_modules'));
		expect(modules).toContain('axios');
		expect(modules.filter((name) => name.includes('n8n'))).toEqual([]);
		const userDirManifest = JSON.parse(
			readFileSync(join(runtime.userDir, 'package.json'), 'utf8'),
		) as { dependencies: Json };
		expect(Object.keys(userDirManifest.dependencies)).toEqual(['node-red-contrib-remoteit']);
	});

	it("serves the nodes' en-US labels and help to the editor", async () => {
		const editorHtml = await (
			await fetch(`${runtime.url}/nodes`, { headers: { accept: 'text/html' } })
		).text();
		for (const type of [
			'remoteit-config',
			'remoteit-connect',
			'remoteit-disconnect',
			'remoteit-devices',
			'remoteit-events',
			'remoteit-connections',
		]) {
			expect(editorHtml).toContain(`data-help-name="${type}"`);
			const response = await fetch(
				`${runtime.url}/locales/node-red-contrib-remoteit/${type}?lng=en-US`,
			);
			expect(await response.json()).toMatchObject({ [type]: { label: { name: 'Name' } } });
		}
	});

	/** Disconnect answered for this connection on `debugNode`, and the emulator no longer has its proxy. */
	async function expectClosed(
		debugNode: string,
		connection: Json,
		serviceId: string,
	): Promise<void> {
		const disconnected = (await debug.waitFor(from(debugNode))).value as Json;
		expect(disconnected).toEqual({ id: connection.id, serviceId, disconnected: true });
		expect(
			(await listEmulatorConnections(fixture.emulator.url)).map((live) => live.id),
		).not.toContain(connection.id);
	}

	it(
		'connects, fetches the device page through the proxy with core http request, and disconnects (example 1)',
		async () => {
			await inject(runtime, example.connectUse.inject);
			const connection = (await debug.waitFor(from(probeIdFor(example.connectUse.connect))))
				.value as Json;
			expect(connection).toMatchObject({
				serviceId: '80:00:00:00:01:00:00:03',
				reverseProxy: true,
				accessMode: 'public',
			});
			// HTTP services get a reverse proxy, always public (docs/remoteit-api.md §5); the emulator's is on loopback.
			expect(connection.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(typeof connection.id).toBe('string');
			expect(String((await debug.waitFor(from(example.connectUse.page))).value)).toContain(
				'<h1>factory-gateway web UI</h1>',
			);
			await expectClosed(example.connectUse.disconnected, connection, '80:00:00:00:01:00:00:03');
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		"reads the device's SSH banner through the proxy with core tcp request, and disconnects (example 5)",
		async () => {
			await inject(runtime, example.tcp.inject);
			const connection = (await debug.waitFor(from(probeIdFor(example.tcp.connect)))).value as Json;
			expect(connection).toMatchObject({
				serviceId: '80:00:00:00:01:00:00:02',
				reverseProxy: false,
				accessMode: 'latching',
			});
			expect(String((await debug.waitFor(from(example.tcp.banner))).value)).toMatch(
				/^SSH-2\.0-OpenSSH_9\.2p1 Debian\S*\r\n$/,
			);
			await expectClosed(example.tcp.disconnected, connection, '80:00:00:00:01:00:00:02');
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'reads the SSH banner of every online device tagged line-3 through its own proxy, and disconnects each (example 8)',
		async () => {
			const before = debug.messages.length;
			await inject(runtime, example.fleet.inject);
			const count = DEMO_FLEET.online.length;
			const of = (nodeId: string) => (): DebugMessage[] =>
				debug.messages.filter(since(before, nodeId));
			await debug.waitFor(() => of(example.fleet.disconnected)().length === count, 90_000);
			const devices = of(probeIdFor(example.fleet.devices))().map((m) => (m.value as Json).name);
			expect(devices.sort()).toEqual(DEMO_FLEET.online);
			const connections = of(probeIdFor(example.fleet.connect))().map((m) => m.value as Json);
			expect(connections.map((c) => c.serviceId).sort()).toEqual(
				[...DEMO_FLEET.sshServices].sort(),
			);
			expect(of(example.fleet.banner)().map((m) => String(m.value))).toEqual(
				DEMO_FLEET.online.map(() =>
					expect.stringMatching(/^SSH-2\.0-OpenSSH_9\.2p1 Debian\S*\r\n$/),
				),
			);
			expect(
				of(example.fleet.disconnected)()
					.map((m) => m.value as Json)
					.sort((a, b) => String(a.id).localeCompare(String(b.id))),
			).toEqual(
				connections
					.map((c) => ({ id: c.id, serviceId: c.serviceId, disconnected: true }))
					.sort((a, b) => String(a.id).localeCompare(String(b.id))),
			);
			expect(await listEmulatorConnections(fixture.emulator.url)).toEqual([]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'lists every device as one array, and online devices one message each (example 2)',
		async () => {
			await inject(runtime, example.devices.all);
			const devices = (await debug.waitFor(from(example.devices.allDebug))).value as Json[];
			expect(devices.map((device) => device.name).sort()).toEqual([
				'camera-nvr',
				'factory-gateway',
				'lab-raspberrypi',
				'office-desktop',
				'warehouse-sensor',
			]);
			expect(devices.find((device) => device.name === 'warehouse-sensor')).toMatchObject({
				online: false,
				state: 'inactive',
			});

			const before = debug.messages.length;
			await inject(runtime, example.devices.online);
			const rebuilt = (await debug.waitFor(since(before, example.devices.rebuilt))).value as Json[];
			expect(rebuilt.map((device) => device.name).sort()).toEqual([
				'camera-nvr',
				'factory-gateway',
				'lab-raspberrypi',
				'office-desktop',
			]);
			const single = debug.messages.filter(since(before, probeIdFor(example.devices.onlineNode)));
			expect(single.map((message) => (message.value as Json).name).sort()).toEqual([
				'camera-nvr',
				'factory-gateway',
				'lab-raspberrypi',
				'office-desktop',
			]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it.each([
		['an unknown service', example.errors.unknown, /does not know|no service/i],
		['a payload that is not a service', example.errors.notAService, /service/i],
		['an offline device', OFFLINE_INJECT, /offline/i],
	])(
		'sends the client error for %s to the Catch node (example 3)',
		async (_case, injectId, expected) => {
			const before = debug.messages.length;
			await inject(runtime, injectId);
			const error = await debug.waitFor(since(before, example.errors.message));
			expect(String(error.value)).toMatch(expected);
			expect(secretsIn(String(error.value), fixture.secrets)).toEqual([]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'reuses the live connection to the same service (example 4)',
		async () => {
			await inject(runtime, example.reuse.setTarget);
			await inject(runtime, example.reuse.connect);
			const first = await debug.waitFor(from(example.reuse.endpoint));
			const before = debug.messages.length;
			await inject(runtime, example.reuse.connect);
			const second = await debug.waitFor(since(before, example.reuse.endpoint));
			expect(first.value).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
			expect(second.value).toBe(first.value);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'closes every connection the account has open, one message each (example 7)',
		async () => {
			const open = (await listEmulatorConnections(fixture.emulator.url)).filter(
				(live) => live.owner === fixture.account.email,
			);
			// Example 4 leaves its reused connection open.
			expect(open.length).toBeGreaterThan(0);
			const before = debug.messages.length;
			await inject(runtime, example.closeAll.inject);
			const closed = (): DebugMessage[] =>
				debug.messages.filter(since(before, example.closeAll.closed));
			await debug.waitFor(() => closed().length >= open.length);
			const byId = (a: Json, b: Json): number => String(a.id).localeCompare(String(b.id));
			expect(
				closed()
					.map((message) => message.value as Json)
					.sort(byId),
			).toEqual(
				open
					.map((live) => ({ id: live.id, serviceId: live.serviceId, disconnected: true }))
					.sort(byId),
			);
			expect(
				(await listEmulatorConnections(fixture.emulator.url)).filter(
					(live) => live.owner === fixture.account.email,
				),
			).toEqual([]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it("closed example 1's connection exactly once", () => {
		// Run after the other examples, so a second disconnect from a doubled error path would have happened by now.
		expect(debug.messages.filter(from(example.connectUse.disconnected))).toHaveLength(1);
		expect(runtime.output()).not.toMatch(/Connection not found/);
	});

	it('keeps every credential out of flows.json, flows_cred.json, the debug output and the log', () => {
		const flowsFile = readFileSync(join(runtime.userDir, 'flows.json'), 'utf8');
		const credentialsFile = readFileSync(join(runtime.userDir, 'flows_cred.json'), 'utf8');
		const credentialValues = [...fixture.secrets, fixture.account.accessKeyId];
		// The examples' help text names the demo access key id, so the id is looked for in the account node only.
		const accounts = (JSON.parse(flowsFile) as FlowNode[]).filter(
			(node) => node.type === 'remoteit-config',
		);
		expect(accounts).toHaveLength(1);
		expect(secretsIn(JSON.stringify(accounts), credentialValues)).toEqual([]);
		expect(secretsIn(flowsFile, fixture.secrets)).toEqual([]);
		expect(secretsIn(credentialsFile, credentialValues)).toEqual([]);
		expect(Object.keys(JSON.parse(credentialsFile) as Json)).toEqual(['$']);
		expect(secretsIn(JSON.stringify(debug.messages), fixture.secrets)).toEqual([]);
		expect(secretsIn(runtime.output(), fixture.secrets)).toEqual([]);
	});
});
