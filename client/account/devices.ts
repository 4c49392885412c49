/**
 * Lists devices with their services. GraphQL pages with from/size (graphql.ts, readPagedList; docs/remoteit-api.md
 * §3); REST returns one flat entry per service and needs metadata/list/me to group them into devices
 * (docs/remoteit-api.md §2).
 */
import { callGraphql, QUERIES, readPagedList } from '../wire/graphql';
import { type ApiContext, callRest } from '../wire/api';
import { isPlainObject, textOf } from '../json-values';
import { listFilterOf } from './tags';
import type { Device, Service, TagFilter } from '../types';

/** Application type id of the "Bulk Service" entry that stands for the device itself (docs/remoteit-api.md §3). */
const BULK_SERVICE_APPLICATION = 35;

export interface DeviceQuery {
	name?: string;
	state?: 'active' | 'inactive';
	tags?: TagFilter;
	/** Infinity for "all". */
	limit: number;
	/** Devices to skip (picker paging). */
	offset?: number;
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const stateOf = (v: unknown): 'active' | 'inactive' =>
	textOf(v) === 'active' ? 'active' : 'inactive';

/** GraphQL sends numbers, REST numeric strings; anything else (null, '', junk) means "none". */
function numberOrNull(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	const text = textOf(value);
	return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

function serviceFromGraphql(item: Record<string, unknown>): Service {
	const state = stateOf(item.state);
	return {
		id: textOf(item.id) ?? '',
		name: textOf(item.name) ?? '',
		state,
		online: typeof item.online === 'boolean' ? item.online : state === 'active',
		application: numberOrNull(item.application) ?? 0,
		type: textOf(item.title) ?? '',
		port: numberOrNull(item.port),
	};
}

export function deviceFromGraphql(item: Record<string, unknown>): Device {
	const id = textOf(item.id) ?? '';
	const state = stateOf(item.state);
	const device: Device = {
		id,
		name: textOf(item.name) ?? '',
		state,
		online: typeof item.online === 'boolean' ? item.online : state === 'active',
		tags: listOf(item.tags)
			.filter(isPlainObject)
			.flatMap((tag) => textOf(tag.name) ?? []),
		// The device's own Bulk Service entry is the device, not one of its services.
		services: listOf(item.services)
			.filter(isPlainObject)
			.map(serviceFromGraphql)
			.filter((s) => s.id !== id),
	};
	const hardwareId = textOf(item.hardwareId);
	const lastReported = textOf(item.lastReported);
	if (hardwareId) device.hardwareId = hardwareId;
	if (lastReported) device.lastReported = lastReported;
	return device;
}

function listDevicesByGraphql(context: ApiContext, query: DeviceQuery): Promise<Device[]> {
	return readPagedList(
		context,
		QUERIES.devices,
		{ name: query.name, state: query.state, tag: query.tags && listFilterOf(query.tags) },
		{ field: 'devices', from: query.offset ?? 0, wanted: query.limit, read: deviceFromGraphql },
	);
}

/** `devicetype` is 16 hex octets: 1-2 the application type id, 11-12 the port (docs/remoteit-api.md §2). */
export function parseDeviceType(devicetype: unknown): { application: number; port: number | null } {
	const octets = (textOf(devicetype) ?? '').split(':');
	if (octets.length !== 16 || !octets.every((o) => /^[0-9a-f]{2}$/i.test(o)))
		return { application: 0, port: null };
	const port = parseInt(octets[10] + octets[11], 16);
	return { application: parseInt(octets[0] + octets[1], 16), port: port > 0 ? port : null };
}

function serviceFromRest(entry: Record<string, unknown>): Service {
	const { application, port } = parseDeviceType(entry.devicetype);
	const state = stateOf(entry.devicestate);
	return {
		id: (textOf(entry.deviceaddress) ?? '').toUpperCase(),
		name: textOf(entry.devicealias) ?? '',
		state,
		online: state === 'active',
		application,
		type: textOf(entry.servicetitle) ?? '',
		port,
	};
}

const isBulkEntry = (entry: Record<string, unknown>): boolean =>
	textOf(entry.servicetitle) === 'Bulk Service' ||
	parseDeviceType(entry.devicetype).application === BULK_SERVICE_APPLICATION;

function deviceFromRestGroup(
	entries: Array<Record<string, unknown>>,
	hardwareId: string | undefined,
): Device[] {
	const bulk = entries.find(isBulkEntry);
	// Legacy devices without a Bulk Service entry: each service stands alone as its own device.
	const heads = bulk ? [bulk] : entries;
	return heads.map((head) => {
		const self = serviceFromRest(head);
		const device: Device = {
			id: self.id,
			name: self.name,
			state: self.state,
			online: self.online,
			// REST v27 carries no tags (docs/remoteit-api.md §2); the client lists devices over GraphQL.
			tags: [],
			services: bulk ? entries.filter((e) => e !== bulk).map(serviceFromRest) : [self],
		};
		if (hardwareId) device.hardwareId = hardwareId;
		const lastReported = textOf(head.lastcontacted);
		if (lastReported) device.lastReported = lastReported;
		return device;
	});
}

/** Groups REST's flat service entries by the hardwareid that metadata/list/me reports for each service id. */
export function groupRestDevices(entries: unknown[], metadata: unknown): Device[] {
	const hardwareIds = isPlainObject(metadata) ? metadata : {};
	const groups = new Map<string, Array<Record<string, unknown>>>();
	for (const entry of entries.filter(isPlainObject)) {
		const id = (textOf(entry.deviceaddress) ?? '').toLowerCase();
		const meta = hardwareIds[id];
		const hardwareId = isPlainObject(meta) ? textOf(meta.hardwareid) : undefined;
		const key = hardwareId ? `hw:${hardwareId}` : `id:${id}`;
		groups.set(key, [...(groups.get(key) ?? []), entry]);
	}
	return [...groups.entries()].flatMap(([key, group]) =>
		deviceFromRestGroup(group, key.startsWith('hw:') ? key.slice(3) : undefined),
	);
}

async function listDevicesByRest(context: ApiContext, query: DeviceQuery): Promise<Device[]> {
	const list = await callRest(context, 'GET', '/device/list/all');
	const metadata = await callRest(context, 'GET', '/device/metadata/list/me');
	const needle = query.name?.toLowerCase();
	return groupRestDevices(listOf(list.devices), metadata.devices)
		.filter(
			(d) =>
				(needle === undefined || d.name.toLowerCase().includes(needle)) &&
				(!query.state || d.state === query.state),
		)
		.sort((a, b) => a.name.localeCompare(b.name))
		.slice(query.offset ?? 0, (query.offset ?? 0) + query.limit);
}

export function listDevicesVia(
	api: 'graphql' | 'rest',
	context: ApiContext,
	query: DeviceQuery,
): Promise<Device[]> {
	return api === 'graphql'
		? listDevicesByGraphql(context, query)
		: listDevicesByRest(context, query);
}

export async function deviceByIdViaGraphql(
	context: ApiContext,
	id: string,
): Promise<Device | undefined> {
	const data = await callGraphql(context, QUERIES.device, { id: [id] });
	const found =
		isPlainObject(data) && isPlainObject(data.login)
			? listOf(data.login.device).filter(isPlainObject)
			: [];
	return found.map(deviceFromGraphql).find((d) => d.id.toUpperCase() === id);
}
