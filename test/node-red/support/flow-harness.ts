/**
 * Runs the remote.it Node-RED nodes in the real Node-RED 4.1 runtime through node-red-node-test-helper,
 * against the emulator: flow builders, credentials from the emulator's seed, and waits for messages and
 * statuses. The node modules are the TypeScript sources (ts-jest compiles them), so `jest` alone runs them.
 */
import path from 'node:path';
import registerAccount from '../../../nodes/node-red/remoteit-config';
import registerConnect from '../../../nodes/node-red/remoteit-connect';
import registerConnections from '../../../nodes/node-red/remoteit-connections';
import registerDevices from '../../../nodes/node-red/remoteit-devices';
import registerDisconnect from '../../../nodes/node-red/remoteit-disconnect';
import registerEvents from '../../../nodes/node-red/remoteit-events';
import type {
	NodeMessage,
	NodeRedRuntime,
	NodeStatus,
} from '../../../nodes/node-red/lib/node-red-api';
import type { SeedAccount } from '../../support/emulator-control';

export type FlowNode = {
	id: string;
	type: string;
	wires?: string[][];
	[property: string]: unknown;
};
type NodeModule = (RED: NodeRedRuntime) => void;

export interface TestNode {
	id: string;
	receive(msg: NodeMessage): void;
	on(event: 'input', listener: (msg: NodeMessage) => void): void;
	on(
		event: `call:${'status' | 'error' | 'send' | 'warn'}`,
		listener: (call: { args: unknown[] }) => void,
	): void;
}

/** The supertest calls the tests make against Node-RED's admin app. */
export interface AdminCall extends PromiseLike<{ status: number; body: Record<string, unknown> }> {
	set(header: string, value: string): AdminCall;
	send(body: unknown): AdminCall;
	query(query: Record<string, string>): AdminCall;
}

interface AdminAgent {
	get(url: string): AdminCall;
	post(url: string): AdminCall;
}

interface TestHelper {
	init(runtimePath: string): void;
	load(
		modules: NodeModule[],
		flow: FlowNode[],
		credentials?: Record<string, Record<string, string>>,
	): Promise<void>;
	unload(): Promise<void>;
	/** Node-RED's settings for the next load, `userSettings` merged over the defaults. */
	settings(userSettings?: Record<string, unknown>): Record<string, unknown>;
	/** Stops the flows (every node's close) but keeps the spies, unlike unload(). */
	clearFlows(): Promise<void>;
	getNode(id: string): TestNode | null;
	request(): AdminAgent;
	/** The spy on Node-RED's log: every line logged during the test. */
	log(): { args: unknown[][] };
	credentials: { get(id: string): Record<string, string> | undefined };
	/** Node.prototype, whose methods the helper wraps in sinon spies for the duration of a load. */
	_NodePrototype: Record<
		'status' | 'send',
		{ getCalls(): Array<{ thisValue: { id: string }; args: unknown[] }> }
	>;
	_redNodes: {
		getFlows(): { flows: FlowNode[] };
		setFlows(flow: FlowNode[], credentials: null, type: 'full'): Promise<unknown>;
		getCredentialDefinition(type: string): Record<string, { type: string }>;
	};
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const helper = require('node-red-node-test-helper') as TestHelper;
helper.init(require.resolve('node-red'));

export const ACCOUNT_ID = 'acc0000000000001';

interface NodeRedI18n {
	init(settings: { lang: string }): Promise<void>;
	registerMessageCatalog(namespace: string, folder: string, file: string): Promise<void>;
	_(key: string, substitutions?: Record<string, unknown>): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { i18n } = require('@node-red/util') as { i18n: NodeRedI18n };

const PACKAGE_NAME = 'node-red-contrib-remoteit';
const LOCALES = path.resolve(__dirname, '../../../nodes/node-red/locales');

/**
 * Node-RED's own i18n with each node's en-US catalogue, registered as the runtime does (namespace
 * `<package>/<node set>`); the test helper's `RED._` would answer the bare key. `useDemoWithNodeRed` loads them.
 */
export async function loadCatalogs(): Promise<void> {
	await i18n.init({ lang: 'en-US' });
	await Promise.all(
		Object.keys(REGISTER).map((type) =>
			i18n.registerMessageCatalog(`${PACKAGE_NAME}/${type}`, LOCALES, `${type}.json`),
		),
	);
}

/** The runtime gives each node set its own `RED._`, which looks keys up in that set's catalogue. */
function withCatalog(type: string, register: NodeModule): NodeModule {
	return (RED) => {
		const own = Object.create(RED) as NodeRedRuntime;
		own._ = (key, substitutions) =>
			i18n._(key.includes(':') ? key : `${PACKAGE_NAME}/${type}:${key}`, substitutions);
		register(own);
	};
}

const REGISTER: Record<string, NodeModule> = {
	'remoteit-config': registerAccount,
	'remoteit-connect': registerConnect,
	'remoteit-disconnect': registerDisconnect,
	'remoteit-devices': registerDevices,
	'remoteit-events': registerEvents,
	'remoteit-connections': registerConnections,
};

export const NODE_MODULES: NodeModule[] = Object.entries(REGISTER).map(([type, register]) =>
	withCatalog(type, register),
);

/** The node modules with Node-RED's real admin-auth middleware in place of the test helper's allow-all stub. */
export function modulesWithAdminAuth(auth: NodeRedRuntime['auth']): NodeModule[] {
	return NODE_MODULES.map((register) => (RED: NodeRedRuntime) => {
		RED.auth = auth;
		register(RED);
	});
}

export function accountNode(apiUrl: string, overrides: Partial<FlowNode> = {}): FlowNode {
	return {
		id: ACCOUNT_ID,
		type: 'remoteit-config',
		name: 'test account',
		authMethod: 'accessKey',
		apiUrl,
		timeout: 10,
		...overrides,
	};
}

/** A remoteit-connect node as a new one in the editor (service from msg.payload, latching), `overrides` applied. */
export function connectNode(overrides: Partial<FlowNode> = {}): FlowNode {
	return {
		id: 'connect',
		type: 'remoteit-connect',
		service: 'payload',
		serviceType: 'msg',
		accessMode: 'latching',
		hostIp: '',
		proxyType: 'auto',
		reuse: false,
		...overrides,
	};
}

export function accessKeyCredentials(account: SeedAccount): Record<string, string> {
	return { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey };
}

export const TAB_ID = 'tab';

/** One tab: the node under test wired to a helper, a Catch node scoped to it wired to another; the account is global. */
export function flowAround(
	node: FlowNode,
	apiUrl: string,
	account: Partial<FlowNode> = {},
): FlowNode[] {
	return [
		{ id: TAB_ID, type: 'tab', label: 'remote.it' },
		accountNode(apiUrl, account),
		{ ...node, z: TAB_ID, account: ACCOUNT_ID, wires: [['out']] },
		{ id: 'out', z: TAB_ID, type: 'helper' },
		{
			id: 'catch-errors',
			z: TAB_ID,
			type: 'catch',
			scope: [node.id],
			uncaught: false,
			wires: [['caught']],
		},
		{ id: 'caught', z: TAB_ID, type: 'helper' },
	];
}

export async function loadFlow(
	flow: FlowNode[],
	credentials: Record<string, string>,
	modules = NODE_MODULES,
): Promise<void> {
	await helper.load(modules, flow, { [ACCOUNT_ID]: credentials });
}

export function nodeById(id: string): TestNode {
	const node = helper.getNode(id);
	if (!node) throw new Error(`node ${id} is not running`);
	return node;
}

/** Collects the messages arriving at a helper node. */
export function collect(helperId: string): NodeMessage[] {
	const received: NodeMessage[] = [];
	nodeById(helperId).on('input', (msg) => received.push(msg));
	return received;
}

/** Resolves with the next message arriving at a helper node. */
export function nextMessage(helperId: string): Promise<NodeMessage> {
	return new Promise((resolve) => nodeById(helperId).on('input', resolve));
}

/** Records every status a node sets, in order. */
export function recordStatuses(nodeId: string): NodeStatus[] {
	const statuses: NodeStatus[] = [];
	nodeById(nodeId).on('call:status', (call) => statuses.push(call.args[0] as NodeStatus));
	return statuses;
}

/** Every status a node has set since the flow was loaded, including those set in its constructor. */
export function statusHistory(nodeId: string): NodeStatus[] {
	return helper._NodePrototype.status
		.getCalls()
		.filter((call) => call.thisValue.id === nodeId)
		.map((call) => call.args[0] as NodeStatus);
}

/** Every message a node has sent since the flow was loaded, across redeploys (each instance has the same id). */
export function sentHistory(nodeId: string): NodeMessage[] {
	return helper._NodePrototype.send
		.getCalls()
		.filter((call) => call.thisValue.id === nodeId)
		.flatMap((call) => [call.args[0] as NodeMessage | NodeMessage[]].flat());
}

export async function eventually(
	condition: () => boolean,
	what: string,
	timeoutMs = 4000,
): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export const PACKAGE_ROOT = path.resolve(__dirname, '../../..');
