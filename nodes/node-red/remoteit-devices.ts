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
	type ListDevicesOptions,
} from '../../client';
import { accountClient, showAccountProblem } from './lib/account-node';
import { changeTagsFor, tagFilterFrom, type TagAction, type TagSettings } from './lib/device-tags';
import { namingFields } from './lib/field-names';
import { handleMessages } from './lib/input-handler';
import { onePerEntry } from './lib/split-messages';
import type { NodeDefinition, NodeRedRuntime, RuntimeNode } from './lib/node-red-api';

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
			RED,
			this,
			// The action's own words; an action the runtime refuses fails on the first message, naming the field.
			RED._(`remoteit-devices.working.${String(definition.action ?? 'list')}`, {
				defaultValue: RED._('remoteit-devices.working.list'),
			}),
			async (msg, send) => {
				const client = accountClient(RED, definition.account);
				const action = actionOf(RED, definition.action);
				if (action === 'get') {
					const { reference, from } = deviceReferenceFrom(RED, msg.payload);
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
					return RED._(
						`remoteit-devices.status.${action === 'addTags' ? 'tagged' : 'untagged'}${count === 1 ? 'One' : ''}`,
						{ count },
					);
				}
				const tags = await tagFilterFrom(RED, this, definition, msg);
				const devices = await namingFields(CONFIGURED, () =>
					client.listDevices({
						...listOptionsFrom(RED, definition),
						...(tags ? { tags: tags.tags, tagOperator: tags.operator } : {}),
					}),
				);
				if (splitOutput) {
					if (devices.length > 0) send([onePerEntry(RED, msg, devices)]);
				} else {
					msg.payload = devices;
					send(msg);
				}
				return RED._(`remoteit-devices.status.${devices.length === 1 ? 'oneDevice' : 'devices'}`, {
					count: devices.length,
				});
			},
			RED.util.cloneMessage,
		);
	}

	RED.nodes.registerType('remoteit-devices', RemoteItDevicesNode);
};

function actionOf(RED: NodeRedRuntime, value: unknown): Action {
	if (value === undefined || value === null || value === '' || value === 'list') return 'list';
	if (value === 'get' || value === 'addTags' || value === 'removeTags') return value;
	throw new RemoteItValidationError('action', RED._('remoteit-devices.errors.action'));
}

/** The device Get names in msg.payload: its id or name, or a device (anything with an `id`, as the listing outputs). */
function deviceReferenceFrom(
	RED: NodeRedRuntime,
	payload: unknown,
): { reference: string; from: string } {
	if (typeof payload === 'string' && payload.trim())
		return { reference: payload.trim(), from: 'msg.payload' };
	if (isPlainObject(payload) && Object.prototype.hasOwnProperty.call(payload, 'id')) {
		const id = payload.id;
		if (typeof id === 'string' && id.trim())
			return { reference: id.trim(), from: 'msg.payload.id' };
	}
	throw new RemoteItValidationError('device', RED._('remoteit-devices.errors.device'));
}

const STATES: Record<StateFilter, ListDevicesOptions['state']> = {
	all: undefined,
	online: 'active',
	offline: 'inactive',
};

/** The dialog's settings as list options; flow JSON is hand-editable, so each is checked and named when wrong. */
function listOptionsFrom(RED: NodeRedRuntime, definition: DevicesDefinition): ListDevicesOptions {
	const options: ListDevicesOptions = {};
	const nameFilter: unknown = definition.nameFilter;
	if (nameFilter !== undefined && nameFilter !== null && typeof nameFilter !== 'string') {
		throw new RemoteItValidationError('name', RED._('remoteit-devices.errors.nameFilter'));
	}
	const name = nameFilter?.trim();
	if (name) options.name = name;
	// "online" is remote.it's device state `active` (docs/remoteit-api.md §3, `devices(state:)`).
	const state: unknown = definition.state ?? 'all';
	if (typeof state !== 'string' || !Object.prototype.hasOwnProperty.call(STATES, state)) {
		throw new RemoteItValidationError('state', RED._('remoteit-devices.errors.state'));
	}
	const remoteState = STATES[state as StateFilter];
	if (remoteState) options.state = remoteState;
	const limit = limitFrom(RED, definition.limit);
	if (limit === 0) options.returnAll = true;
	else options.limit = limit;
	return options;
}

function limitFrom(RED: NodeRedRuntime, value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_DEVICE_LIMIT;
	const limit = typeof value === 'number' || typeof value === 'string' ? Number(value) : Number.NaN;
	if (!isWholeNumberIn(limit, 0, MAX_PAGE_SIZE)) {
		throw new RemoteItValidationError(
			'limit',
			RED._('remoteit-devices.errors.limit', { max: MAX_PAGE_SIZE }),
		);
	}
	return limit;
}
