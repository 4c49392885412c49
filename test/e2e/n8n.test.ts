/**
 * The n8n package in real n8n, installed from its tarball by Community Nodes' own procedure (dev/package):
 * n8n 1.123.x on Node 20 and n8n 2.x on Node 24. Credentials and workflows go in with `n8n import:*`, run with
 * `n8n execute --id`; the webhook workflow runs in `n8n start`. The emulator plays remote.it.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteItClient } from '../../client/transport';
import type { EngineName } from '../../dev/engines/catalog';
import { freePort } from '../../dev/launch/free-port';
import { WEBHOOK_PATH, demoWorkflowIds } from '../../dev/n8n/demo/demo-data';
import {
	type ExecutionResult,
	type N8nHome,
	activateWorkflow,
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflows,
	nodeOutput,
	nodeOutputs,
} from '../../dev/n8n/n8n-cli';
import {
	type N8nServer,
	logIn,
	postToWebhook,
	setUpOwner,
	startN8nServer,
} from '../../dev/n8n/n8n-server';
import {
	ENGINE_SETUP_TIMEOUT_MS,
	ENGINE_TEST_TIMEOUT_MS,
	type EngineFixture,
	secretsIn,
	setUpEngineFixture,
	tearDownEngineFixture,
} from './support/engine-fixture';
import {
	TAG_STEPS,
	WRONG_SECRET,
	e2eCredentials,
	e2eWorkflowIds,
	e2eWorkflows,
} from './support/n8n-fixtures';
import { DEMO_FLEET } from '../support/demo';
import { listEmulatorConnections } from '../support/emulator-control';
import { DATABASE_PASSWORD, SSH_PASSWORD } from '../../dev/device';

const SSH_SERVICE = '80:00:00:00:01:00:00:02';
const WEB_UI_SERVICE = '80:00:00:00:01:00:00:03';
const DATABASE_SERVICE = '80:00:00:00:01:00:00:04';
const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2e',
	lastName: 'Owner',
	password: 'E2e-owner-password-1',
};

interface EditorType {
	name: string;
	displayName: string;
	usableAsTool?: boolean;
	iconUrl?: { light: string; dark: string };
}

const DEVICE_NAMES = [
	'camera-nvr',
	'factory-gateway',
	'lab-raspberrypi',
	'office-desktop',
	'warehouse-sensor',
];

describe.each<[EngineName, string]>([
	['n8n', 'n8n 1.123.x on Node 20'],
	['n8n-2', 'n8n 2.x on Node 24'],
])('%s (%s)', (engineName) => {
	let fixture: EngineFixture;
	let home: N8nHome;
	const outputs: string[] = [];

	async function execute(workflowId: string): Promise<ExecutionResult> {
		const result = await executeWorkflow(home, workflowId);
		outputs.push(result.stdout, result.stderr);
		return result;
	}

	function failure(result: ExecutionResult): string {
		return `exit ${result.code}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`;
	}

	beforeAll(async () => {
		fixture = await setUpEngineFixture(engineName, { deviceDatabase: true });
		home = createN8nHome(fixture.engine, fixture.tarball);
		await importCredentials(home, e2eCredentials(fixture.account, fixture.emulator.url));
		await importWorkflows(home, e2eWorkflows(fixture.emulator.url));
	}, ENGINE_SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await tearDownEngineFixture(fixture);
		if (home) rmSync(home.userFolder, { recursive: true, force: true });
	});

	it("was installed by Community Nodes' procedure with nothing besides the package", () => {
		const nodeModules = join(home.userFolder, '.n8n', 'nodes', 'node_modules');
		expect(readdirSync(nodeModules).filter((entry) => !entry.startsWith('.'))).toEqual([
			'n8n-nodes-remoteit',
		]);
		expect(existsSync(join(nodeModules, 'n8n-nodes-remoteit', 'node_modules'))).toBe(false);
	});

	it(
		'connects, fetches the device page through the proxy with the HTTP Request node, and disconnects',
		async () => {
			const result = await execute(demoWorkflowIds.connectUseDisconnect);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			const [connection] = nodeOutput(result.run, 'Connect to the web UI');
			// An HTTP service gets a reverse proxy (always public); the emulator's carries real traffic on loopback.
			expect(connection).toMatchObject({
				serviceId: WEB_UI_SERVICE,
				reverseProxy: true,
				accessMode: 'public',
				timeoutSeconds: 28800,
			});
			expect(connection?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(Date.parse(String(connection?.expiresAt))).toBeGreaterThan(
				Date.parse(String(connection?.createdAt)),
			);
			expect(String(nodeOutput(result.run, 'Fetch the device page')[0]?.data)).toContain(
				'<h1>factory-gateway web UI</h1>',
			);
			expect(nodeOutput(result.run, 'Disconnect')).toEqual([
				{ id: connection?.id, serviceId: WEB_UI_SERVICE, disconnected: true },
			]);

			const client = createRemoteItClient({
				apiUrl: fixture.emulator.url,
				auth: {
					type: 'accessKey',
					accessKeyId: fixture.account.accessKeyId,
					secretAccessKey: fixture.account.secretAccessKey,
				},
			});
			expect((await client.listActiveConnections()).map((session) => session.id)).not.toContain(
				connection?.id,
			);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	/** The demo's proxies are closed: the emulator holds no live connection of the demo account. */
	async function expectNoOpenProxy(): Promise<void> {
		expect(await listEmulatorConnections(fixture.emulator.url)).toEqual([]);
	}

	it(
		"runs a command over SSH through the proxy, with the SSH credential's host and port taken from Connect",
		async () => {
			const result = await execute(demoWorkflowIds.sshIntoDevice);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			const [connection] = nodeOutput(result.run, 'Connect to SSH');
			expect(connection).toMatchObject({
				serviceId: SSH_SERVICE,
				reverseProxy: false,
				accessMode: 'latching',
			});
			expect(nodeOutput(result.run, 'Run a command over SSH')).toEqual([
				{
					code: 0,
					signal: null,
					stdout: expect.stringMatching(/^Linux factory-gateway .* GNU\/Linux$/),
					stderr: '',
				},
			]);
			expect(nodeOutput(result.run, 'Disconnect')).toEqual([
				{ id: connection?.id, serviceId: SSH_SERVICE, disconnected: true },
			]);
			await expectNoOpenProxy();
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'connects to every online device tagged line-3 in turn, runs uname -a over SSH on each, and disconnects each',
		async () => {
			const result = await execute(demoWorkflowIds.taggedFleet);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			const fleet = nodeOutput(result.run, 'Online devices tagged line-3');
			expect(fleet.map((device) => device.name)).toEqual(DEMO_FLEET.online);
			const connections = nodeOutputs(result.run, 'Connect to its SSH');
			expect(connections.map((c) => c.serviceId)).toEqual(DEMO_FLEET.sshServices);
			expect(nodeOutputs(result.run, 'Run uname -a')).toEqual(
				DEMO_FLEET.online.map(() =>
					expect.objectContaining({ code: 0, stdout: expect.stringMatching(/^Linux /) }),
				),
			);
			expect(nodeOutputs(result.run, 'Disconnect')).toEqual(
				connections.map((c) => ({ id: c.id, serviceId: c.serviceId, disconnected: true })),
			);
			await expectNoOpenProxy();
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'lists exactly the devices with any or all of the tags, and Add Tags and Remove Tags change the next listing',
		async () => {
			const result = await execute(e2eWorkflowIds.tags);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			const namesOf = (step: number) =>
				nodeOutput(result.run, TAG_STEPS[step][0]).map((device) => device.name);
			expect(namesOf(0)).toEqual([
				...DEMO_FLEET.devices.slice(0, 3),
				'office-desktop',
				DEMO_FLEET.devices[3],
			]);
			expect(namesOf(1)).toEqual(['factory-gateway']);
			expect(nodeOutput(result.run, TAG_STEPS[2][0])).toEqual([
				{ deviceId: '80:00:00:00:01:00:00:10', added: ['line-3'] },
			]);
			expect(namesOf(3)).toEqual([
				...DEMO_FLEET.devices.slice(0, 3),
				'office-desktop',
				DEMO_FLEET.devices[3],
			]);
			expect(nodeOutput(result.run, TAG_STEPS[4][0])).toEqual([
				{ deviceId: '80:00:00:00:01:00:00:10', removed: ['line-3'] },
			]);
			expect(namesOf(5)).toEqual(DEMO_FLEET.devices);
			expect(nodeOutput(result.run, TAG_STEPS[0][0])[1]).toMatchObject({
				tags: ['line-3', 'gateway'],
			});
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'queries the sensor readings from PostgreSQL behind the proxy, then disconnects once',
		async () => {
			const result = await execute(demoWorkflowIds.queryDatabase);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			const rows = nodeOutput(result.run, 'Read sensor readings');
			expect(
				rows.map((row) => `${String(row.sensor)}=${String(row.value)} ${String(row.unit)}`),
			).toEqual([
				'line-3/temperature=41.5 °C',
				'line-3/temperature=42.1 °C',
				'line-3/pressure=2.31 bar',
				'line-3/pressure=2.29 bar',
				'line-3/vibration=0.7 mm/s',
			]);
			const [connection] = nodeOutput(result.run, 'Connect to Postgres');
			expect(nodeOutput(result.run, 'Disconnect')).toEqual([
				{ id: connection?.id, serviceId: DATABASE_SERVICE, disconnected: true },
			]);
			await expectNoOpenProxy();
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'still disconnects when the SSH step fails (the device refuses the password)',
		async () => {
			const result = await execute(e2eWorkflowIds.wrongSshPassword);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			// A node that fails as a whole (its login, before any item) records the error and, under "continue", passes its
			// input on: n8n's own behaviour. Either way the next node, Disconnect, runs.
			const sshRun = result.run?.data.resultData.runData['Run a command over SSH']?.[0];
			const passedOn = (sshRun?.data?.main ?? [])
				.flatMap((items) => items ?? [])
				.map((item) => item.json);
			expect({
				error: sshRun?.error?.message,
				stdout: passedOn.map((json) => json.stdout),
			}).toEqual({ error: expect.stringMatching(/authentication/i), stdout: [undefined] });
			const [connection] = nodeOutput(result.run, 'Connect to SSH');
			expect(nodeOutput(result.run, 'Disconnect')).toEqual([
				{ id: connection?.id, serviceId: SSH_SERVICE, disconnected: true },
			]);
			await expectNoOpenProxy();
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'lists the device inventory',
		async () => {
			const result = await execute(demoWorkflowIds.deviceInventory);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			const devices = nodeOutput(result.run, 'Get devices');
			expect(devices.map((device) => device.name).sort()).toEqual(DEVICE_NAMES);
			const rows = nodeOutput(result.run, 'Inventory row');
			expect(rows.find((row) => row.device === 'warehouse-sensor')).toEqual({
				device: 'warehouse-sensor',
				online: false,
				services: 'SSH',
			});
			expect(rows.find((row) => row.device === 'factory-gateway')).toMatchObject({
				online: true,
				services: expect.stringContaining('Postgres'),
			});
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		"signs a custom GraphQL call from n8n's HTTP Request node with the remote.it credential",
		async () => {
			const result = await execute(demoWorkflowIds.customGraphqlCall);
			expect({ code: result.code, error: result.run?.data.resultData.error }).toEqual({
				code: 0,
				error: undefined,
			});
			expect(nodeOutput(result.run, 'Who am I (GraphQL)')).toEqual([
				{ data: { login: { email: fixture.account.email } } },
			]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		"refuses to send the credential's secrets from the HTTP Request node to another origin",
		async () => {
			const result = await execute(e2eWorkflowIds.foreignOrigin);
			const error = result.run?.data.resultData.error;
			expect(result.code).toBe(1);
			// n8n may wrap the credential's error in its own; the refusal must show in the error or the run's output.
			const shown = `${error?.message} ${error?.description ?? ''} ${result.stdout} ${result.stderr}`;
			expect({
				refused: /only sends its secrets to its API URL/.test(shown),
				output: failure(result),
			}).toMatchObject({ refused: true });
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'fails with a "device is offline" error for an offline device',
		async () => {
			const result = await execute(e2eWorkflowIds.offlineDevice);
			const error = result.run?.data.resultData.error;
			expect(result.code).toBe(1);
			expect({ message: error?.message, output: failure(result) }).toMatchObject({
				message: expect.stringMatching(/offline/i),
			});
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'fails with a credentials error for a wrong secret',
		async () => {
			const result = await execute(e2eWorkflowIds.wrongCredential);
			const error = result.run?.data.resultData.error;
			expect(result.code).toBe(1);
			expect({
				message: `${error?.message} ${error?.description ?? ''}`,
				output: failure(result),
			}).toMatchObject({ message: expect.stringMatching(/refused the credentials|credential/i) });
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	describe('n8n start', () => {
		let server: N8nServer;

		beforeAll(async () => {
			await activateWorkflow(home, demoWorkflowIds.webhookConnect);
			server = await startN8nServer(home, { port: await freePort() });
		}, ENGINE_TEST_TIMEOUT_MS);

		afterAll(async () => {
			await server?.stop();
		});

		it(
			'answers a POST to the active webhook workflow with the connection',
			async () => {
				const response = await postToWebhook(server, WEBHOOK_PATH, {
					serviceId: '80:00:00:00:01:00:00:41',
				});
				const body = (await response.json()) as Record<string, unknown>;
				const log = response.status === 200 ? '' : server.output().slice(-4000); // shown in the diff when it fails
				expect({ status: response.status, body, log }).toMatchObject({
					status: 200,
					body: { serviceId: '80:00:00:00:01:00:00:41', reverseProxy: false },
				});
				expect(body.url).toBe(`tcp://${body.host}:${body.port}`);
			},
			ENGINE_TEST_TIMEOUT_MS,
		);

		it(
			'shows the node and the credential in the editor, with both icons served',
			async () => {
				await setUpOwner(server, OWNER);
				const cookie = await logIn(server, OWNER);
				const get = (path: string): Promise<Response> =>
					fetch(`${server.url}/${path}`, { headers: { cookie } });
				const nodes = (await (await get('types/nodes.json')).json()) as EditorType[];
				const credentials = (await (await get('types/credentials.json')).json()) as EditorType[];
				const node = nodes.find((type) => type.name === 'n8n-nodes-remoteit.remoteIt');
				const credential = credentials.find((type) => type.name === 'remoteItApi');
				expect(node).toMatchObject({ displayName: 'remote.it', usableAsTool: true });
				expect(credential).toMatchObject({ displayName: 'remote.it API' });
				for (const iconUrl of [node?.iconUrl, credential?.iconUrl]) {
					for (const path of [iconUrl?.light, iconUrl?.dark]) {
						const icon = await get(String(path));
						expect({ path, status: icon.status, type: icon.headers.get('content-type') }).toEqual({
							path,
							status: 200,
							type: expect.stringContaining('image/svg+xml'),
						});
					}
				}
			},
			ENGINE_TEST_TIMEOUT_MS,
		);

		it('never prints a secret: execution JSON, errors and the server log are clean', () => {
			expect(outputs.length).toBeGreaterThanOrEqual(10); // stdout and stderr of the five executions above
			expect(
				secretsIn([...outputs, server.output()].join('\n'), [
					...fixture.secrets,
					WRONG_SECRET,
					SSH_PASSWORD,
					DATABASE_PASSWORD,
				]),
			).toEqual([]);
		});
	});
});
