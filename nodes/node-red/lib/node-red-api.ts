/**
 * The slice of the Node-RED runtime API these nodes use, typed by hand: Node-RED ships no type
 * definitions and @types/node-red would add a dependency for a dozen signatures.
 */

export interface NodeMessage {
	_msgid?: string;
	payload?: unknown;
	[property: string]: unknown;
}

/** `send([[a, b]])` sends a and b on the first output; `send(msg)` sends one message. */
export type SendMessages = (
	messages: NodeMessage | Array<NodeMessage | NodeMessage[] | null>,
) => void;
export type DoneCallback = (error?: Error) => void;

export interface NodeStatus {
	fill?: 'red' | 'green' | 'yellow' | 'blue' | 'grey';
	shape?: 'ring' | 'dot';
	text?: string;
}

/** What the editor saved for one node (its properties, never its credentials). */
export interface NodeDefinition {
	id: string;
	type: string;
	name?: string;
	z?: string;
}

export interface RuntimeNode {
	readonly id: string;
	readonly type: string;
	name?: string;
	credentials?: Record<string, string | undefined>;
	on(
		event: 'input',
		listener: (msg: NodeMessage, send: SendMessages, done: DoneCallback) => void,
	): void;
	on(event: 'close', listener: (removed: boolean, done: () => void) => void): void;
	status(status: NodeStatus): void;
	/** With a message, the error also reaches Catch nodes (Node-RED hands them a copy with msg.error). */
	error(logMessage: unknown, msg?: NodeMessage): void;
	warn(logMessage: unknown): void;
	send(messages: NodeMessage | Array<NodeMessage | NodeMessage[] | null>): void;
	/** The node's context, in the default store the user configured (settings.js `contextStorage`). */
	context(): NodeContext;
}

/** A context's asynchronous form, which every store supports (persistent ones may need it). */
export interface NodeContext {
	get(key: string, callback: (error: Error | null | undefined, value: unknown) => void): void;
	set(key: string, value: unknown, callback: (error?: Error | null) => void): void;
}

/** The parts of an express request and response the admin endpoints touch. */
export interface AdminRequest {
	params: Record<string, string | undefined>;
	query: Record<string, unknown>;
	body: unknown;
}

export interface AdminResponse {
	status(code: number): AdminResponse;
	json(body: unknown): void;
}

export type AdminHandler = (
	request: AdminRequest,
	response: AdminResponse,
	next: () => void,
) => void;

export type CredentialTypes = Record<string, { type: 'text' | 'password' }>;

export interface NodeRedRuntime {
	/** The node set's message catalogue (locales/<lang>/<node>.json): `RED._('remoteit-events.status.…', {…})`. */
	_(key: string, substitutions?: Record<string, unknown>): string;
	events: {
		/** `flows:started`: every node of a deploy (or of the start) runs. */
		once(event: 'flows:started', listener: () => void): void;
		removeListener(event: 'flows:started', listener: () => void): void;
	};
	/** settings.js, as far as the nodes read it. */
	settings: { contextStorage?: unknown };
	nodes: {
		createNode(node: RuntimeNode, definition: NodeDefinition): void;
		registerType<N extends RuntimeNode, D extends NodeDefinition>(
			type: string,
			constructor: (this: N, definition: D) => void,
			options?: { credentials?: CredentialTypes },
		): void;
		getNode(id: string): RuntimeNode | null;
		/** Every node and config node of the deployed flows, as saved: disabled ones too (`d: true`). */
		eachNode(
			callback: (config: { id: string; type: string; d?: boolean; name?: unknown }) => void,
		): void;
		getCredentials(id: string): Record<string, string | undefined> | undefined;
	};
	util: {
		evaluateNodeProperty(
			value: string,
			type: string,
			node: RuntimeNode,
			msg: NodeMessage,
			callback: (error: Error | null, result: unknown) => void,
		): void;
		cloneMessage<T extends NodeMessage>(msg: T): T;
	};
	httpAdmin: {
		get(path: string, ...handlers: AdminHandler[]): void;
		post(path: string, ...handlers: AdminHandler[]): void;
	};
	auth: {
		needsPermission(permission: string): AdminHandler;
	};
}
