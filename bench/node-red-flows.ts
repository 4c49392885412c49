/**
 * The real Node-RED runtime (node-red-node-test-helper over this repository's node-red) for the benchmarks: flows
 * with remoteit-connect (and remoteit-disconnect), and with Node-RED's core `http request` node calling remote.it's
 * REST API as a user would without this package.
 */
import type { NodeMessage } from '../nodes/node-red/lib/node-red-api';
import {
	NODE_MODULES,
	helper,
	nodeById,
	type FlowNode,
} from '../test/node-red/support/flow-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const httpRequestModule = require('@node-red/nodes/core/network/21-httprequest.js') as (
	RED: unknown,
) => void;

export interface PasswordAccount {
	email: string;
	password: string;
	developerKey: string;
}

const TAB = 'bench-tab';
const ACCOUNT = 'bench-account';

/** Loads remoteit-connect → [remoteit-disconnect →] collector, with a password account for `apiUrl`. */
export async function loadRemoteItFlow(
	apiUrl: string,
	account: PasswordAccount,
	withDisconnect: boolean,
): Promise<void> {
	const flow: FlowNode[] = [
		{ id: TAB, type: 'tab', label: 'bench' },
		{
			id: ACCOUNT,
			type: 'remoteit-config',
			name: 'bench',
			authMethod: 'password',
			apiUrl,
			timeout: 30,
		},
		{
			id: 'connect',
			z: TAB,
			type: 'remoteit-connect',
			account: ACCOUNT,
			service: 'payload',
			serviceType: 'msg',
			accessMode: 'latching',
			hostIp: '',
			proxyType: 'auto',
			reuse: false,
			wires: [[withDisconnect ? 'disconnect' : 'out']],
		},
		...(withDisconnect
			? [
					{
						id: 'disconnect',
						z: TAB,
						type: 'remoteit-disconnect',
						account: ACCOUNT,
						wires: [['out']],
					},
				]
			: []),
		{ id: 'out', z: TAB, type: 'helper' },
	];
	await helper.load(NODE_MODULES, flow, {
		[ACCOUNT]: {
			developerKey: account.developerKey,
			username: account.email,
			password: account.password,
		},
	});
}

/** Loads one core `http request` node (URL, method and headers from msg, JSON answers parsed) → collector. */
export async function loadHttpRequestFlow(persist: boolean): Promise<void> {
	await helper.load([httpRequestModule, ...NODE_MODULES] as never, [
		{ id: TAB, type: 'tab', label: 'bench' },
		{
			id: 'http',
			z: TAB,
			type: 'http request',
			name: '',
			method: 'use',
			ret: 'obj',
			paytoqs: 'ignore',
			url: '',
			tls: '',
			persist,
			proxy: '',
			insecureHTTPParser: false,
			authType: '',
			senderr: false,
			headers: [],
			wires: [['out']],
		},
		{ id: 'out', z: TAB, type: 'helper' },
	]);
}

interface Collector {
	on(event: 'input', listener: (msg: NodeMessage) => void): void;
	removeListener(event: 'input', listener: (msg: NodeMessage) => void): void;
}

const collector = (): Collector => nodeById('out') as unknown as Collector;

/**
 * The test helper wraps Node.prototype's methods in sinon spies that remember every call and its message; the
 * memory benchmark forgets them after each wave, or it would measure the spies.
 */
export function forgetSpyHistory(): void {
	(helper as unknown as { _sandbox: { resetHistory(): void } })._sandbox.resetHistory();
}

/** Sends every message into `inputId` at once and resolves with the `count` messages the collector received. */
export function sendAll(
	inputId: string,
	messages: NodeMessage[],
	count = messages.length,
): Promise<NodeMessage[]> {
	return new Promise((resolve) => {
		const received: NodeMessage[] = [];
		const listener = (msg: NodeMessage): void => {
			received.push(msg);
			if (received.length < count) return;
			collector().removeListener('input', listener);
			resolve(received);
		};
		collector().on('input', listener);
		for (const msg of messages) nodeById(inputId).receive(msg);
	});
}

/** One message at a time: each is sent when the previous one came out. */
export async function sendInTurn(inputId: string, messages: NodeMessage[]): Promise<NodeMessage[]> {
	const received: NodeMessage[] = [];
	for (const msg of messages) received.push(...(await sendAll(inputId, [msg])));
	return received;
}

export const unloadFlow = (): Promise<void> => helper.unload();
