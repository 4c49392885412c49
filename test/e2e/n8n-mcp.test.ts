/**
 * The demo "remote.it tools over MCP" in real n8n 1.x and 2.x: n8n's MCP Server Trigger serves the remote.it node's
 * tools, and the official MCP TypeScript SDK client uses them as Claude Desktop or an IDE would: lists them, opens a
 * connection, talks to the device's SSH server through the proxy, and closes the connection.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { EngineName } from '../../dev/engines/catalog';
import * as connect from '../../nodes/RemoteIt/actions/connection/connect.operation';
import * as disconnect from '../../nodes/RemoteIt/actions/connection/disconnect.operation';
import * as getDevice from '../../nodes/RemoteIt/actions/device/get.operation';
import * as getDevices from '../../nodes/RemoteIt/actions/device/getAll.operation';
import { freePort } from '../../dev/launch/free-port';
import { demoCredentials, demoWorkflowIds, demoWorkflows } from '../../dev/n8n/demo/demo-data';
import { mcpClientConfigs, mcpToken, mcpUrl } from '../../dev/n8n/demo/mcp';
import {
	type N8nHome,
	activateWorkflow,
	createN8nHome,
	importCredentials,
	importWorkflows,
} from '../../dev/n8n/n8n-cli';
import { type N8nServer, startN8nServer } from '../../dev/n8n/n8n-server';
import { listEmulatorConnections } from '../support/emulator-control';
import { DEMO_IDS } from '../support/demo';
import {
	ENGINE_SETUP_TIMEOUT_MS,
	ENGINE_TEST_TIMEOUT_MS,
	type EngineFixture,
	secretsIn,
	setUpEngineFixture,
	tearDownEngineFixture,
} from './support/engine-fixture';

/** What a tool call answered: n8n puts the node's output items in one text part, as a JSON list. */
interface ToolAnswer {
	isError: boolean;
	text: string;
}

function firstItem(answer: ToolAnswer): Record<string, unknown> {
	const [item] = JSON.parse(answer.text) as Array<Record<string, unknown>>;
	return item;
}

/** The first line a TCP server sends (an SSH server's identification string, RFC 4253 §4.2). */
function readFirstLine(host: string, port: number): Promise<string> {
	return new Promise((resolveLine, reject) => {
		const socket = connectTcp({ host, port });
		let received = '';
		socket.setTimeout(30_000, () => socket.destroy(new Error('no banner within 30 s')));
		socket.on('data', (chunk: Buffer) => {
			received += chunk.toString('latin1');
			const end = received.indexOf('\r\n');
			if (end >= 0) {
				socket.destroy();
				resolveLine(received.slice(0, end));
			}
		});
		socket.on('error', reject);
		socket.on('close', () => reject(new Error(`closed after ${JSON.stringify(received)}`)));
	});
}

/** n8n 2.x registers an active workflow's webhooks shortly after it reports ready: until then they answer 404. */
async function waitUntilRegistered(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, { method: 'POST' });
		await response.arrayBuffer();
		if (response.status !== 404) return;
		if (Date.now() > deadline)
			throw new Error(`${url} still answers 404 after ${timeoutMs / 1000} s`);
		await sleep(500);
	}
}

describe.each<[EngineName, string]>([
	['n8n', 'n8n 1.123.x on Node 20'],
	['n8n-2', 'n8n 2.x on Node 24'],
])('%s (%s): remote.it tools over MCP', (engineName) => {
	const token = mcpToken({});
	let fixture: EngineFixture;
	let home: N8nHome;
	let server: N8nServer;
	const clients: Client[] = [];

	/** The client configuration the README shows for IDEs: the MCP URL and the Authorization header. */
	function configured(): { url: URL; headers: Record<string, string> } {
		const { url, headers } = mcpClientConfigs(mcpUrl(server.url), token).streamableHttp.mcpServers
			.remoteit;
		return { url: new URL(url), headers };
	}

	async function connectClient(transport: Transport): Promise<Client> {
		const client = new Client({ name: 'remoteit-e2e', version: '1.0.0' });
		clients.push(client);
		await client.connect(transport);
		return client;
	}

	function streamableHttpClient(headers = configured().headers): Promise<Client> {
		return connectClient(
			new StreamableHTTPClientTransport(configured().url, { requestInit: { headers } }),
		);
	}

	async function call(
		client: Client,
		name: string,
		args: Record<string, unknown>,
	): Promise<ToolAnswer> {
		const result = await client.callTool({ name, arguments: args });
		const parts = result.content as Array<{ type: string; text?: string }>;
		return {
			isError: result.isError === true,
			text: parts.map((part) => part.text ?? '').join(''),
		};
	}

	beforeAll(async () => {
		fixture = await setUpEngineFixture(engineName);
		home = createN8nHome(fixture.engine, fixture.tarball);
		await importCredentials(home, demoCredentials(fixture.account, fixture.emulator.url, token));
		await importWorkflows(
			home,
			demoWorkflows(fixture.emulator.url).filter(
				(workflow) => workflow.id === demoWorkflowIds.toolsOverMcp,
			),
		);
		await activateWorkflow(home, demoWorkflowIds.toolsOverMcp);
		server = await startN8nServer(home, { port: await freePort() });
		await waitUntilRegistered(mcpUrl(server.url));
	}, ENGINE_SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await Promise.all(clients.map((client) => client.close()));
		await server?.stop();
		await tearDownEngineFixture(fixture);
		if (home) rmSync(home.userFolder, { recursive: true, force: true });
	});

	it(
		'refuses a client without the bearer token, or with another one',
		async () => {
			// n8n answers 403 "Authorization data is wrong!" before any MCP message is read.
			await expect(streamableHttpClient({})).rejects.toMatchObject({ code: 403 });
			await expect(
				streamableHttpClient({ Authorization: 'Bearer not-the-token' }),
			).rejects.toMatchObject({ code: 403 });
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'lists the remote.it tools with descriptions and the parameters each needs',
		async () => {
			const client = await streamableHttpClient();
			// The trigger's Instructions reach clients from n8n 2.x on; n8n 1.x has no such parameter.
			expect(client.getInstructions()).toEqual(
				engineName === 'n8n'
					? undefined
					: expect.stringContaining('call Disconnect with the id and serviceId'),
			);
			const { tools } = await client.listTools();
			const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
			expect(Object.keys(byName).sort()).toEqual([
				'Connect',
				'Disconnect',
				'Get_device',
				'List_devices',
			]);
			// The tools are the node at its defaults: what each operation needs, and the node's own description.
			const shape = (name: string): { description: string; parameters: string[] } => ({
				description: String(byName[name]?.description),
				parameters: Object.keys(byName[name]?.inputSchema.properties ?? {}).sort(),
			});
			expect({
				Connect: shape('Connect'),
				Disconnect: shape('Disconnect'),
				Get_device: shape('Get_device'),
				List_devices: shape('List_devices'),
			}).toEqual({
				Connect: { description: connect.summary, parameters: ['service'] },
				Disconnect: { description: disconnect.summary, parameters: ['connectionId', 'serviceId'] },
				Get_device: { description: getDevice.summary, parameters: ['device'] },
				List_devices: { description: getDevices.summary, parameters: [] },
			});
			// Each parameter tells the model where its value comes from.
			expect(byName.Disconnect?.inputSchema).toMatchObject({
				properties: {
					connectionId: {
						type: 'string',
						description: expect.stringContaining('Connect returned'),
					},
					serviceId: { type: 'string', description: expect.stringContaining('Connect returned') },
				},
				required: ['connectionId', 'serviceId'],
			});
			expect(byName.Connect?.inputSchema.required).toEqual(['service']);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		"connects, reads the device's SSH banner through the proxy, and disconnects: nothing stays open",
		async () => {
			const client = await streamableHttpClient();
			const connected = await call(client, 'Connect', { service: DEMO_IDS.gatewaySsh });
			expect(connected.isError).toBe(false);
			const connection = firstItem(connected);
			expect(connection).toMatchObject({
				serviceId: DEMO_IDS.gatewaySsh,
				host: expect.any(String),
				port: expect.any(Number),
				id: expect.any(String),
				expiresAt: expect.any(String),
			});
			expect(await listEmulatorConnections(fixture.emulator.url)).toEqual([
				expect.objectContaining({ id: connection.id, serviceId: DEMO_IDS.gatewaySsh }),
			]);

			const banner = await readFirstLine(String(connection.host), Number(connection.port));
			expect(banner).toMatch(/^SSH-2\.0-/);

			const disconnected = await call(client, 'Disconnect', {
				connectionId: connection.id,
				serviceId: connection.serviceId,
			});
			expect({ isError: disconnected.isError, item: firstItem(disconnected) }).toEqual({
				isError: false,
				item: { id: connection.id, serviceId: DEMO_IDS.gatewaySsh, disconnected: true },
			});
			expect(await listEmulatorConnections(fixture.emulator.url)).toEqual([]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'serves the same tools over SSE, and answers Get device with its services',
		async () => {
			const { url, headers } = configured();
			const client = await connectClient(new SSEClientTransport(url, { requestInit: { headers } }));
			const { tools } = await client.listTools();
			expect(tools.map((tool) => tool.name).sort()).toEqual([
				'Connect',
				'Disconnect',
				'Get_device',
				'List_devices',
			]);
			const device = firstItem(await call(client, 'Get_device', { device: 'factory-gateway' }));
			expect(device).toMatchObject({
				id: DEMO_IDS.gatewayDevice,
				name: 'factory-gateway',
				online: true,
				services: expect.arrayContaining([
					expect.objectContaining({ id: DEMO_IDS.gatewaySsh, name: 'SSH' }),
				]),
			});
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'tells the client when the device is offline, and n8n goes on serving',
		async () => {
			const client = await streamableHttpClient();
			const answer = await call(client, 'Connect', { service: 'warehouse-sensor/SSH' });
			// An MCP tool error whose text is the node's message ("Error: …" in n8n 1.x, "NodeOperationError: …" in 2.x).
			expect(answer).toEqual({
				isError: true,
				text: expect.stringContaining(
					'The device "warehouse-sensor" is offline, so remote.it cannot connect to its service "SSH".',
				),
			});
			expect(await listEmulatorConnections(fixture.emulator.url)).toEqual([]);
			expect((await client.listTools()).tools.length).toBe(4);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it("never prints or stores the bearer token or a remote.it secret in the clear (n8n's log, its database)", () => {
		const n8nFolder = join(home.userFolder, '.n8n');
		const database = readdirSync(n8nFolder)
			.filter((file) => file.startsWith('database.sqlite'))
			.map((file) => readFileSync(join(n8nFolder, file), 'latin1'));
		expect(database.length).toBeGreaterThan(0);
		expect(
			secretsIn([server.output(), ...database].join('\n'), [...fixture.secrets, token]),
		).toEqual([]);
	});
});
