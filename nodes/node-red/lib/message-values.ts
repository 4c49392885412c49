/**
 * Reading the nodes' inputs from a message: TypedInput evaluation (msg, flow, global, env, str) and the
 * shapes a service or a connection may arrive in. Bad shapes become validation errors naming the property.
 */
import { isPlainObject, RemoteItValidationError } from '../../../client';
import { asError } from './input-handler';
import type { NodeMessage, NodeRedRuntime, RuntimeNode } from './node-red-api';

export interface TypedProperty {
	value: string;
	type: string;
	/** The dialog field with its property name, for messages: `Service (service)`. */
	field: { name: string; label: string };
}

/**
 * Evaluates a TypedInput; flow and global context may live in an asynchronous store, hence the callback form. A
 * path Node-RED cannot parse or a JSONata expression that fails is a validation error naming the field.
 */
export function evaluateProperty(
	RED: NodeRedRuntime,
	node: RuntimeNode,
	property: TypedProperty,
	msg: NodeMessage,
): Promise<unknown> {
	const unreadable = (thrown: unknown): RemoteItValidationError =>
		new RemoteItValidationError(
			property.field.name,
			`${property.field.label}: could not read ${describeProperty(property, property.field.name)}: ${asError(thrown).message}`,
		);
	return new Promise((resolve, reject) => {
		try {
			RED.util.evaluateNodeProperty(property.value, property.type, node, msg, (error, result) => {
				if (error) reject(unreadable(error));
				else resolve(result);
			});
		} catch (thrown: unknown) {
			reject(unreadable(thrown));
		}
	});
}

/**
 * Where a value came from, for error messages: `msg.payload`, `flow.target`, "the JSONata expression", or "the
 * configured <noun>".
 */
export function describeProperty(property: TypedProperty, noun: string): string {
	if (property.type === 'str') return `the configured ${noun}`;
	if (property.type === 'jsonata') return 'the JSONata expression';
	return `${property.type}.${property.value}`;
}

export interface ServiceReference {
	reference: string;
	/** Where it was read, for messages: `msg.payload`, `msg.payload.serviceId`, ... */
	from: string;
}

/**
 * A service reference: a string (service id, or "device name/service name" that the client resolves), or an
 * object carrying one: a connection (`serviceId`), or a service or picker entry (`id`).
 */
export function serviceReferenceFrom(value: unknown, source: string): ServiceReference {
	if (typeof value === 'string' && value.trim()) return { reference: value.trim(), from: source };
	if (isPlainObject(value)) {
		for (const key of ['serviceId', 'id']) {
			const field = stringField(value, key, source);
			if (field) return { reference: field, from: `${source}.${key}` };
		}
	}
	throw new RemoteItValidationError(
		'service',
		`${source}: remote.it connect needs a service here: a service id, "device name/service name", or an object with serviceId`,
	);
}

export interface ConnectionReference {
	connectionId: string;
	serviceId?: string;
	/** Where each was read, for messages. */
	from: { connectionId: string; serviceId?: string };
}

/** A connection reference: the connection object Connect produced, or its id as a string. */
export function connectionReferenceFrom(value: unknown, source: string): ConnectionReference {
	if (typeof value === 'string' && value.trim())
		return { connectionId: value.trim(), from: { connectionId: source } };
	if (isPlainObject(value)) {
		const idKey = stringField(value, 'id', source) ? 'id' : 'connectionId';
		const connectionId = stringField(value, idKey, source);
		const serviceId = stringField(value, 'serviceId', source);
		const from = {
			connectionId: `${source}.${idKey}`,
			...(serviceId ? { serviceId: `${source}.serviceId` } : {}),
		};
		if (connectionId) return serviceId ? { connectionId, serviceId, from } : { connectionId, from };
	}
	throw new RemoteItValidationError(
		'connection',
		`${source}: remote.it disconnect needs a connection here: the object remote.it connect produced, or its id`,
	);
}

/** Own properties only: an inherited `serviceId` (a polluted prototype) must never redirect a message. */
function stringField(
	record: Record<string, unknown>,
	name: string,
	source: string,
): string | undefined {
	if (!Object.prototype.hasOwnProperty.call(record, name)) return undefined;
	let value: unknown;
	let unreadable: string | undefined;
	try {
		value = record[name];
	} catch (error) {
		unreadable = error instanceof Error ? error.message : 'it threw';
	}
	// Thrown outside the catch: n8n's scanner reads every throw in a catch block as an n8n node's error.
	if (unreadable !== undefined)
		throw new RemoteItValidationError(name, `${source}.${name}: could not be read (${unreadable})`);
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
