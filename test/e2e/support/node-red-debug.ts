/**
 * Listens to a Node-RED runtime's debug sidebar the way the editor does: a websocket to /comms subscribed to
 * "debug". The `ws` client is the one Node-RED itself depends on, loaded from the engine install.
 */
import { join } from 'node:path';
import type { InstalledEngine } from '../../../dev/engines/install';

export interface DebugMessage {
	/** The debug node's id. */
	id: string;
	name?: string;
	/** "Object", "string[5]", "error", …: how Node-RED encoded `msg`. */
	format?: string;
	/** The decoded value: JSON-parsed for objects and arrays, the text otherwise. */
	value: unknown;
}

interface WebSocketLike {
	on(event: 'open' | 'close', listener: () => void): void;
	on(event: 'message', listener: (data: Buffer) => void): void;
	on(event: 'error', listener: (error: Error) => void): void;
	send(text: string): void;
	close(): void;
}

type WebSocketConstructor = new (url: string) => WebSocketLike;

function loadWebSocket(engine: InstalledEngine): WebSocketConstructor {
	const nodeRedDir = join(engine.dir, 'node_modules', 'node-red');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve('ws', { paths: [nodeRedDir] })) as WebSocketConstructor;
}

function decode(data: { msg?: unknown; format?: string }): unknown {
	if (typeof data.msg !== 'string') return data.msg;
	if (data.format === 'Object' || data.format?.startsWith('array') || data.format === 'error') {
		try {
			return JSON.parse(data.msg);
		} catch {
			return data.msg;
		}
	}
	return data.msg;
}

/** A node's status as the editor shows it under the node (comms topic `status/<node id>`). */
export interface NodeStatusEvent {
	id: string;
	fill?: string;
	shape?: string;
	text?: string;
}

export interface DebugListener {
	messages: DebugMessage[];
	statuses: NodeStatusEvent[];
	/** Resolves with the first message (already received or still to come) that matches. */
	waitFor(predicate: (message: DebugMessage) => boolean, timeoutMs?: number): Promise<DebugMessage>;
	close(): void;
}

export async function listenToDebug(
	engine: InstalledEngine,
	runtimeUrl: string,
): Promise<DebugListener> {
	const WebSocket = loadWebSocket(engine);
	const socket = new WebSocket(`${runtimeUrl.replace(/^http/, 'ws')}/comms`);
	const messages: DebugMessage[] = [];
	const waiters: Array<() => void> = [];
	const statuses: NodeStatusEvent[] = [];
	socket.on('message', (raw) => {
		const events = JSON.parse(raw.toString()) as Array<{
			topic: string;
			data: Record<string, unknown>;
		}>;
		for (const event of [events].flat()) {
			if (event.topic.startsWith('status/'))
				statuses.push({ id: event.topic.slice('status/'.length), ...event.data });
			if (event.topic !== 'debug') continue;
			const data = event.data as { id: string; name?: string; format?: string; msg?: unknown };
			messages.push({ id: data.id, name: data.name, format: data.format, value: decode(data) });
		}
		waiters.splice(0).forEach((wake) => wake());
	});
	await new Promise<void>((resolvePromise, reject) => {
		socket.on('open', () => resolvePromise());
		socket.on('error', reject);
	});
	socket.send(JSON.stringify({ subscribe: 'debug' }));
	socket.send(JSON.stringify({ subscribe: 'status/#' }));
	const waitFor = async (
		predicate: (message: DebugMessage) => boolean,
		timeoutMs = 30_000,
	): Promise<DebugMessage> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = messages.find(predicate);
			if (found) return found;
			if (Date.now() > deadline)
				throw new Error(
					`no matching debug message within ${timeoutMs / 1000}s; got ${JSON.stringify(messages)}`,
				);
			await new Promise<void>((wake) => {
				waiters.push(wake);
				setTimeout(wake, 500);
			});
		}
	};
	return { messages, statuses, waitFor, close: () => socket.close() };
}
