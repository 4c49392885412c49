/**
 * remoteit-connect: opens a remote.it proxy to a service and puts the connection object (docs/design.md, "The
 * connection object") in msg.payload, keeping every other property of the incoming message.
 */
import {
	DEFAULT_REACHABLE_TIMEOUT_MS,
	isWholeNumberIn,
	MAX_REACHABLE_TIMEOUT_MS,
	RemoteItValidationError,
	type AccessMode,
	type ConnectOptions,
	type Connection,
	type ProxyType,
} from '../../client';
import { accountClient, showAccountProblem } from './lib/account-node';
import { handleMessages } from './lib/input-handler';
import { namingFields } from './lib/field-names';
import {
	describeProperty,
	evaluateProperty,
	serviceReferenceFrom,
	type TypedProperty,
} from './lib/message-values';
import type { NodeDefinition, NodeRedRuntime, RuntimeNode } from './lib/node-red-api';

interface ConnectDefinition extends NodeDefinition {
	account?: string;
	/** TypedInput: msg.payload by default; a picked service is stored as a `str` service id. */
	service?: string;
	serviceType?: string;
	accessMode?: AccessMode;
	/** Flow JSON is hand-editable: any type may arrive, and the client says what is wrong with it. */
	hostIp?: unknown;
	proxyType?: ProxyType;
	reuse?: boolean;
	waitReachable?: boolean;
	/** Seconds. */
	reachableTimeout?: number | string;
}

/** The dialog's fields, with their property names, for the client's option names. */
const CONFIGURED = {
	accessMode: 'Access (accessMode)',
	hostIp: 'Allowed IP (hostIp)',
	proxyType: 'Proxy (proxyType)',
};

const WAIT_FIELD = 'Wait, at most (reachableTimeout, in seconds)';

export = function registerRemoteItConnect(RED: NodeRedRuntime): void {
	function RemoteItConnectNode(this: RuntimeNode, definition: ConnectDefinition): void {
		RED.nodes.createNode(this, definition);
		const service: TypedProperty = {
			value: definition.service || 'payload',
			type: definition.serviceType || 'msg',
			field: { name: 'service', label: 'Service (service)' },
		};
		showAccountProblem(RED, this, definition.account);

		handleMessages(
			RED,
			this,
			RED._('remoteit-connect.status.connecting'),
			async (msg, send) => {
				const client = accountClient(RED, definition.account);
				const options = connectOptionsFrom(RED, definition);
				const value = await evaluateProperty(RED, this, service, msg);
				const { reference, from } = serviceReferenceFrom(
					value,
					describeProperty(service, 'service'),
				);
				const names = { ...CONFIGURED, service: from, serviceId: from };
				const serviceId = await namingFields(names, () => client.serviceIdOf(reference));
				const connection = await namingFields(names, () => client.connect(serviceId, options));
				msg.payload = connection;
				send(msg);
				return endpointOf(connection);
			},
			RED.util.cloneMessage,
		);
	}

	RED.nodes.registerType('remoteit-connect', RemoteItConnectNode);
};

function connectOptionsFrom(RED: NodeRedRuntime, definition: ConnectDefinition): ConnectOptions {
	const accessMode = definition.accessMode ?? 'latching';
	const options: ConnectOptions = {
		accessMode,
		proxyType: definition.proxyType ?? 'auto',
		reuse: definition.reuse === true,
	};
	if (definition.waitReachable === true) {
		options.waitUntilReachable = true;
		options.reachableTimeoutMs = reachableTimeoutMs(RED, definition.reachableTimeout);
	}
	if (accessMode === 'restricted') {
		const hostIp = definition.hostIp;
		options.hostIp = (typeof hostIp === 'string' ? hostIp.trim() : (hostIp ?? '')) as string;
	}
	return options;
}

/** Wait, at most: whole seconds, as the dialog and flow JSON hold them, in milliseconds for the client. */
function reachableTimeoutMs(RED: NodeRedRuntime, seconds: unknown): number {
	if (seconds === undefined || seconds === null || seconds === '')
		return DEFAULT_REACHABLE_TIMEOUT_MS;
	const value =
		typeof seconds === 'number' || typeof seconds === 'string' ? Number(seconds) : Number.NaN;
	const max = MAX_REACHABLE_TIMEOUT_MS / 1000;
	if (!isWholeNumberIn(value, 1, max)) {
		throw new RemoteItValidationError(
			'reachableTimeout',
			RED._('remoteit-connect.errors.reachableTimeout', { field: WAIT_FIELD, max }),
		);
	}
	return value * 1000;
}

function endpointOf(connection: Connection): string {
	return connection.port === null ? connection.host : `${connection.host}:${connection.port}`;
}
