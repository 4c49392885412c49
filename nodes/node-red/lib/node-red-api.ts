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
	error(logMessage: unknown, msg?: NodeMessage): void;
	warn(logMessage: unknown): void;
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
