/**
 * remoteit-devices: lists the account's devices (with their services and tag names), filtered by name, online
 * state and tags, as one array in msg.payload or as one message per device (with msg.parts, so a join node can
 * rebuild it); or gets the one device msg.payload names; or adds or removes tags on the devices it names.
 */
import {
	DEFAULT_DEVICE_LIMIT,
	isWholeNumberIn,
	MAX_PAGE_SIZE,
	RemoteItValidationError,
	isPlainObject,
	type Device,
	type ListDevicesOptions,
} from '../../client';
import { accountClient, showAccountProblem } from './lib/account-node';
import { changeTagsFor, tagFilterFrom, type TagAction, type TagSettings } from './lib/device-tags';
import { namingFields } from './lib/field-names';
import { handleMessages } from './lib/input-handler';
import type { NodeDefinition, NodeMessage, NodeRedRuntime, RuntimeNode } from './lib/node-red-api';

type StateFilter = 'all' | 'online' | 'offline';
type Action = 'list' | 'get' | TagAction;

/** The dialog's fields, with their property names, for the client's option names. */
const CONFIGURED = {
	name: 'Name contains (nameFilter)',
	state: 'State (state)',
	limit: 'Limit (limit)',
};

interface DevicesDefinition extends NodeDefinition, TagSettings {
	account?: string;
	/** What the node does; absent in flows saved before tags existed, which list. */
	action?: Action;
	/** Case-insensitive part of the device name. Flow JSON is hand-editable: any type may arrive. */
	nameFilter?: string;
	state?: StateFilter;
	/** How many devices at most; 0 lists them all. */
	limit?: unknown;
	output?: 'array' | 'split';
}

export = function registerRemoteItDevices(RED: NodeRedRuntime): void {
	function RemoteItDevicesNode(this: RuntimeNode, definition: DevicesDefinition): void {
		RED.nodes.createNode(this, definition);
		const splitOutput = definition.output === 'split';
		showAccountProblem(RED, this, definition.account);

		handleMessages(
			this,
			'listing devices…',
			async (msg, send) => {
				const client = accountClient(RED, definition.account);
				const action = actionOf(definition.action);
				if (action === 'get') {
					const { reference, from } = deviceReferenceFrom(msg.payload);
					const device = await namingFields({ device: from }, () => client.getDevice(reference));
					msg.payload = device;
					send(msg);
					return device.name;
				}
				if (action !== 'list') {
					const change = await changeTagsFor(RED, this, client, action, definition, msg);
					msg.payload = {
						deviceIds: change.deviceIds,
						[action === 'addTags' ? 'added' : 'removed']: change.tags,
					};
					send(msg);
					const count = change.deviceIds.length;
					return `${action === 'addTags' ? 'tagged' : 'untagged'} ${count === 1 ? '1 device' : `${count} devices`}`;
				}
				const tags = await tagFilterFrom(RED, this, definition, msg);
				const devices = await namingFields(CONFIGURED, () =>
					client.listDevices({
						...listOptionsFrom(definition),
						...(tags ? { tags: tags.tags, tagOperator: tags.operator } : {}),
					}),
				);
				if (splitOutput) {
					if (devices.length > 0) send([onePerDevice(RED, msg, devices)]);
				} else {
					msg.payload = devices;
					send(msg);
				}
				return devices.length === 1 ? '1 device' : `${devices.length} devices`;
			},
			RED.util.cloneMessage,
		);
	}

	RED.nodes.registerType('remoteit-devices', RemoteItDevicesNode);
};

function actionOf(value: unknown): Action {
	if (value === undefined || value === null || value === '' || value === 'list') return 'list';
	if (value === 'get' || value === 'addTags' || value === 'removeTags') return value;
	throw new RemoteItValidationError(
		'action',
		'Action (action): must be "list", "get", "addTags" or "removeTags"',
	);
}

/** The device Get names in msg.payload: its id or name, or a device (anything with an `id`, as the listing outputs). */
function deviceReferenceFrom(payload: unknown): { reference: string; from: string } {
	if (typeof payload === 'string' && payload.trim())
		return { reference: payload.trim(), from: 'msg.payload' };
	if (isPlainObject(payload) && Object.prototype.hasOwnProperty.call(payload, 'id')) {
		const id = payload.id;
		if (typeof id === 'string' && id.trim())
			return { reference: id.trim(), from: 'msg.payload.id' };
	}
	throw new RemoteItValidationError(
		'device',
		'msg.payload: remote.it devices (Get) needs a device here: its id, its name, or a device with an id',
	);
}

const STATES: Record<StateFilter, ListDevicesOptions['state']> = {
	all: undefined,
	online: 'active',
	offline: 'inactive',
};

/** The dialog's settings as list options; flow JSON is hand-editable, so each is checked and named when wrong. */
function listOptionsFrom(definition: DevicesDefinition): ListDevicesOptions {
	const options: ListDevicesOptions = {};
	const nameFilter: unknown = definition.nameFilter;
	if (nameFilter !== undefined && nameFilter !== null && typeof nameFilter !== 'string') {
		throw new RemoteItValidationError('name', 'Name contains (nameFilter): must be text');
	}
	const name = nameFilter?.trim();
	if (name) options.name = name;
	// "online" is remote.it's device state `active` (docs/remoteit-api.md §3, `devices(state:)`).
	const state: unknown = definition.state ?? 'all';
	if (typeof state !== 'string' || !Object.prototype.hasOwnProperty.call(STATES, state)) {
		throw new RemoteItValidationError(
			'state',
			'State (state): must be "all", "online" or "offline"',
		);
	}
	const remoteState = STATES[state as StateFilter];
	if (remoteState) options.state = remoteState;
	const limit = limitFrom(definition.limit);
	if (limit === 0) options.returnAll = true;
	else options.limit = limit;
	return options;
}

function limitFrom(value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_DEVICE_LIMIT;
	const limit = typeof value === 'number' || typeof value === 'string' ? Number(value) : Number.NaN;
	if (!isWholeNumberIn(limit, 0, MAX_PAGE_SIZE)) {
		throw new RemoteItValidationError(
			'limit',
			`Limit (limit): must be a whole number from 1 to ${MAX_PAGE_SIZE}, or 0 for all devices`,
		);
	}
	return limit;
}

/** Like the core split node: each copy keeps the input's properties and says where it belongs. */
function onePerDevice(RED: NodeRedRuntime, msg: NodeMessage, devices: Device[]): NodeMessage[] {
	return devices.map((device, index) => {
		const copy = RED.util.cloneMessage(msg);
		copy.payload = device;
		copy.parts = { id: msg._msgid, type: 'array', index, count: devices.length, len: 1 };
		return copy;
	});
}
