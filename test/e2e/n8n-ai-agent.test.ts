/**
 * n8n's AI Agent with the remote.it node as its tools, at their defaults, in real n8n 1.x and 2.x (the package
 * installed from its tarball as Community Nodes does). The chat model is a script on loopback speaking OpenAI's API
 * (test/support/scripted-chat-model.ts), so the tests assert on what the model was offered and told.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineName } from '../../dev/engines/catalog';
import { demoCredential } from '../../dev/n8n/demo/demo-data';
import {
	type ExecutionResult,
	type N8nHome,
	createN8nHome,
	importCredentials,
	importWorkflows,
	parsePrintedRun,
	runN8n,
} from '../../dev/n8n/n8n-cli';
import {
	ENGINE_SETUP_TIMEOUT_MS,
	ENGINE_TEST_TIMEOUT_MS,
	type EngineFixture,
	secretsIn,
	setUpEngineFixture,
	tearDownEngineFixture,
} from './support/engine-fixture';
import {
	CONNECT_TOOL,
	DISCONNECT_TOOL,
	agentWorkflowIds,
	agentWorkflows,
	openAiCredential,
} from './support/n8n-agent-fixtures';
import { listEmulatorConnections } from '../support/emulator-control';
import {
	type ChatCompletionRequest,
	type ChatTool,
	type ModelReply,
	type ScriptedChatModel,
	lastToolResult,
	startScriptedChatModel,
	toolOffered,
} from '../support/scripted-chat-model';

const OUTBOUND_RECORDER = join(__dirname, '..', 'support', 'outbound-connections.js');
/** Each run is one `n8n execute`, which boots n8n before the agent's turns: minutes on two busy cores. */
const AGENT_RUN_TIMEOUT_MS = 2 * ENGINE_TEST_TIMEOUT_MS;
const SSH_SERVICE = '80:00:00:00:01:00:00:02';

/** The tool's name as the model sees it: n8n's node name with anything but [a-zA-Z0-9_-] made "_". */
const toolName = (nodeName: string): string => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

describe.each<[EngineName, string]>([
	['n8n', 'n8n 1.123.x on Node 20'],
	['n8n-2', 'n8n 2.x on Node 24'],
])('%s (%s): the AI Agent with remote.it tools', (engineName) => {
	let fixture: EngineFixture;
	let home: N8nHome;
	let model: ScriptedChatModel;
	const outputs: string[] = [];
	const modelRequests: ChatCompletionRequest[] = [];

	beforeAll(async () => {
		fixture = await setUpEngineFixture(engineName);
		model = await startScriptedChatModel();
		home = createN8nHome(fixture.engine, fixture.tarball);
		await importCredentials(home, [
			demoCredential(fixture.account, fixture.emulator.url),
			openAiCredential(model.baseUrl),
		]);
		// The newest AI Agent each n8n offers. n8n 1.x fails the whole execution when a tool fails, unless the
		// tool's On Error says Continue; n8n 2.x hands the error to the model by default.
		await importWorkflows(
			home,
			agentWorkflows(
				engineName === 'n8n'
					? { agentVersion: 3, onError: 'continueRegularOutput' }
					: { agentVersion: 3.1 },
			),
		);
	}, ENGINE_SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await model?.close();
		await tearDownEngineFixture(fixture);
		if (home) rmSync(home.userFolder, { recursive: true, force: true });
	});

	/** `n8n execute`, recording every host n8n looks up or connects to beyond loopback. */
	async function runAgent(workflowId: string): Promise<ExecutionResult & { outbound: string[] }> {
		const folder = mkdtempSync(join(tmpdir(), 'remoteit-outbound-'));
		const logFile = join(folder, 'outbound.log');
		try {
			const result = await runN8n(home, ['execute', `--id=${workflowId}`, '--rawOutput'], {
				NODE_OPTIONS: `--require ${OUTBOUND_RECORDER}`,
				REMOTEIT_OUTBOUND_LOG: logFile,
			});
			outputs.push(result.stdout, result.stderr);
			let outbound: string[] = [];
			try {
				outbound = readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
			} catch {
				// No file: nothing was recorded.
			}
			return {
				...result,
				run: parsePrintedRun(result.stdout) ?? parsePrintedRun(result.stderr),
				outbound: [...new Set(outbound)],
			};
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}

	/** The run finished without an error and the script without a surprise; otherwise the output shows why. */
	const expectFinished = (result: ExecutionResult): void => {
		const finished = {
			code: result.code,
			error: result.run?.data.resultData.error?.message,
			scriptErrors: model.scriptErrors,
		};
		const shown = finished.code === 0 ? finished : { ...finished, output: failure(result) };
		expect(shown).toEqual({ code: 0, error: undefined, scriptErrors: [] });
	};

	const failure = (result: ExecutionResult): string =>
		`exit ${result.code}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}\nscript errors: ${model.scriptErrors.join('\n')}`;

	const offered = (request: ChatCompletionRequest): Record<string, ChatTool['function']> =>
		Object.fromEntries((request.tools ?? []).map((tool) => [tool.function.name, tool.function]));

	/** The tool results the model was told, parsed: n8n sends the items the tool output as a JSON list. */
	const toolResultIn = (request: ChatCompletionRequest): Array<Record<string, unknown>> => {
		const text = lastToolResult(request);
		const parsed = JSON.parse(text) as unknown;
		if (!Array.isArray(parsed)) throw new Error(`The tool result is not a list of items: ${text}`);
		return parsed as Array<Record<string, unknown>>;
	};

	/** The model's call of a tool, found by its description as a model would find it. */
	const call = (request: ChatCompletionRequest, description: RegExp, args: object): ModelReply => ({
		toolCalls: [{ name: toolOffered(request, description).function.name, arguments: { ...args } }],
	});
	const callConnect = (request: ChatCompletionRequest, service: string): ModelReply =>
		call(request, /^Open a proxy connection/, { service });
	const callDisconnect = (request: ChatCompletionRequest, args: object): ModelReply =>
		call(request, /^Close a proxy connection/, args);

	it(
		'opens a connection with Connect and closes it with Disconnect, both tools at their defaults',
		async () => {
			model.play((request, turn) => {
				if (turn === 0) return callConnect(request, 'factory-gateway/SSH');
				if (turn === 1) {
					const [connection] = toolResultIn(request);
					return callDisconnect(request, {
						connectionId: connection?.id,
						serviceId: connection?.serviceId,
					});
				}
				return { content: 'Connected to factory-gateway/SSH and closed the connection again.' };
			});
			const result = await runAgent(agentWorkflowIds.connectThenDisconnect);
			expectFinished(result);
			const requests = [...model.requests];
			modelRequests.push(...requests);

			// Offered: both tools, each with the parameters it needs and a description to act on.
			expect(offered(requests[0])).toEqual({
				[toolName(CONNECT_TOOL)]: expect.objectContaining({
					name: toolName(CONNECT_TOOL),
					description: expect.stringMatching(
						/^Open a proxy connection .*Needs the service: its ID or "device name\/service name"\. Returns host, port, url, id, serviceId and expiresAt\. Close it with Disconnect when done\.$/,
					),
					parameters: expect.objectContaining({
						type: 'object',
						properties: {
							service: {
								type: 'string',
								description: expect.stringMatching(/service ID .* or device name\/service name/),
							},
						},
						required: ['service'],
					}),
				}),
				[toolName(DISCONNECT_TOOL)]: expect.objectContaining({
					name: toolName(DISCONNECT_TOOL),
					description: expect.stringMatching(
						/^Close a proxy connection opened by Connect\. Needs the id and serviceId that Connect returned\./,
					),
					parameters: expect.objectContaining({
						type: 'object',
						properties: {
							connectionId: { type: 'string', description: 'The id that Connect returned' },
							serviceId: { type: 'string', description: 'The serviceId that Connect returned' },
						},
						required: ['connectionId', 'serviceId'],
					}),
				}),
			});

			// Told: Connect's result, not empty, with what a client needs to reach the service.
			const [connection, ...more] = toolResultIn(requests[1]);
			expect(more).toEqual([]);
			expect(connection).toMatchObject({
				id: expect.any(String),
				serviceId: SSH_SERVICE,
				host: '127.0.0.1',
				port: expect.any(Number),
				expiresAt: expect.any(String),
			});
			expect(connection?.url).toBe(`tcp://${connection?.host}:${connection?.port}`);
			// ... and Disconnect's, for the connection Connect opened in the same run.
			expect(toolResultIn(requests[2])).toEqual([
				{ id: connection?.id, serviceId: SSH_SERVICE, disconnected: true },
			]);
			expect(requests).toHaveLength(3);
			expect(await listEmulatorConnections(fixture.emulator.url)).toEqual([]);
			// The OpenAI Chat Model needed nothing beyond loopback (a streamed answer would fetch a tokenizer).
			expect(result.outbound).toEqual([]);
		},
		AGENT_RUN_TIMEOUT_MS,
	);

	it(
		'tells the model what went wrong as text, and the run goes on: an offline device, a Disconnect without its parameters',
		async () => {
			model.play((request, turn) => {
				if (turn === 0) return callConnect(request, 'warehouse-sensor/SSH');
				// The call the issue saw models make with nothing to pass.
				if (turn === 1) return callDisconnect(request, {});
				return { content: 'warehouse-sensor is offline; nothing was opened.' };
			});
			const result = await runAgent(agentWorkflowIds.offlineDevice);
			expectFinished(result);
			const requests = [...model.requests];
			modelRequests.push(...requests);
			expect(toolResultIn(requests[1])).toEqual([
				{
					error: expect.stringMatching(
						/^The device "warehouse-sensor" is offline, so remote\.it cannot connect to its service "SSH"\. Try again once it is online\.$/,
					),
				},
			]);
			expect(toolResultIn(requests[2])).toEqual([
				{ error: 'Connection ID: is empty: pass the "id" that Connect returned' },
			]);
			expect(requests).toHaveLength(3);
			expect(await listEmulatorConnections(fixture.emulator.url)).toEqual([]);
			expect(result.outbound).toEqual([]);
		},
		AGENT_RUN_TIMEOUT_MS,
	);

	it('never prints a secret, nor tells the model one', () => {
		expect(outputs.length).toBe(4); // stdout and stderr of the two runs above
		expect(modelRequests.length).toBe(6);
		expect(
			secretsIn([...outputs, JSON.stringify(modelRequests)].join('\n'), fixture.secrets),
		).toEqual([]);
	});
});
