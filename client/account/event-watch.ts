/**
 * Watching the account's event log (docs/remoteit-api.md §3) for both engines' event nodes, the n8n Trigger and
 * the Node-RED events node: which events each kind means, where a watcher is in the log, one poll, and the item
 * each event becomes. The engine keeps the cursor (n8n: static data; Node-RED: node context) and the schedule.
 */
import { MAX_PAGE_SIZE } from '../validate';
import { eventsOnTaggedDevices } from './tags';
import type { Device, RemoteItClient, RemoteItEvent, RemoteItEventType, TagFilter } from '../types';

export type EventKind =
	'deviceOffline' | 'deviceOnline' | 'deviceStateChanged' | 'connectionOpened';

interface EventKindRule {
	/** The event types to ask remote.it for. */
	types: RemoteItEventType[];
	matches(event: RemoteItEvent): boolean;
}

export const EVENT_KINDS: Record<EventKind, EventKindRule> = {
	deviceOffline: { types: ['DEVICE_STATE'], matches: (event) => event.state === 'inactive' },
	deviceOnline: { types: ['DEVICE_STATE'], matches: (event) => event.state === 'active' },
	deviceStateChanged: { types: ['DEVICE_STATE'], matches: () => true },
	connectionOpened: { types: ['DEVICE_CONNECT'], matches: (event) => event.state === 'connected' },
};

export function isEventKind(value: unknown): value is EventKind {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_KINDS, value);
}

export interface EventFilter {
	kind: EventKind;
	/** Only devices whose name contains this text, ignoring case; empty for every device. */
	deviceNameContains?: string;
	/** Only devices that carry these tags when the event is handled (the event log holds no tags). */
	tags?: TagFilter;
}

/**
 * Where a watcher is in the log. remote.it's `minDate` is inclusive and several events can share a timestamp, so
 * the cursor holds the newest timestamp seen and the ids seen at exactly that instant: the next poll asks from
 * that instant and skips those ids, which emits no event twice and loses none. Timestamps are remote.it's own, so
 * the host's clock plays no part.
 */
export interface EventCursor {
	/** The event types the cursor was taken over (`DEVICE_STATE`, ...): another kind of event starts afresh. */
	types: string;
	/** ISO; null when the log held no event of these types when watching started (every later event is new). */
	timestamp: string | null;
	idsAtTimestamp: string[];
}

/** The cursor as the engines store it (also the keys of the n8n Trigger's static data). */
export interface StoredCursor {
	cursorTypes: string;
	timestamp: string | null;
	idsAtTimestamp: string[];
}

export function typesKey(filter: EventFilter): string {
	return EVENT_KINDS[filter.kind].types.join(',');
}

/** The stored cursor for `filter`'s event types, or undefined when there is none (or it is unreadable). */
export function readCursor(stored: unknown, filter: EventFilter): EventCursor | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const { cursorTypes, timestamp, idsAtTimestamp } = stored as Partial<Record<string, unknown>>;
	const types = typesKey(filter);
	if (cursorTypes !== types || !Array.isArray(idsAtTimestamp)) return undefined;
	if (timestamp !== null && (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))))
		return undefined;
	return {
		types,
		timestamp,
		idsAtTimestamp: idsAtTimestamp.filter((id): id is string => typeof id === 'string'),
	};
}

export function storedCursor(cursor: EventCursor): StoredCursor {
	return {
		cursorTypes: cursor.types,
		timestamp: cursor.timestamp,
		idsAtTimestamp: cursor.idsAtTimestamp,
	};
}

/** The cursor at the newest of `events` (newest first, as remote.it lists them). */
export function cursorAtNewest(types: string, events: RemoteItEvent[]): EventCursor {
	const newest = events[0];
	if (!newest) return { types, timestamp: null, idsAtTimestamp: [] };
	return {
		types,
		timestamp: newest.timestamp,
		idsAtTimestamp: events.filter((e) => e.timestamp === newest.timestamp).map((e) => e.id),
	};
}

export function isAfterCursor(cursor: EventCursor, event: RemoteItEvent): boolean {
	if (cursor.timestamp === null) return true;
	const delta = Date.parse(event.timestamp) - Date.parse(cursor.timestamp);
	return delta > 0 || (delta === 0 && !cursor.idsAtTimestamp.includes(event.id));
}

/** The cursor after `fresh` events (newest first, all after `cursor`) have been handled. */
export function advanceCursor(cursor: EventCursor, fresh: RemoteItEvent[]): EventCursor {
	if (fresh.length === 0) return cursor;
	const next = cursorAtNewest(cursor.types, fresh);
	if (next.timestamp !== cursor.timestamp) return next;
	return { ...next, idsAtTimestamp: [...cursor.idsAtTimestamp, ...next.idsAtTimestamp] };
}

/** What one event becomes: the n8n Trigger's item and the Node-RED events node's msg.payload. */
export interface EventItem {
	id: string;
	type: RemoteItEventType;
	state: string;
	timestamp: string;
	online: boolean | null;
	deviceId: string | null;
	deviceName: string | null;
	/** Connection events only. */
	serviceId?: string | null;
	serviceName?: string | null;
}

/** How far back watching starts and "the latest matching event" looks. */
const LATEST_WINDOW = 100;
/**
 * Pages one poll reads at most (each MAX_PAGE_SIZE events, newest first). New events only push older ones to
 * later pages, so paging by offset may read one twice (the cursor drops it) but skips none.
 */
const MAX_POLL_PAGES = 10;

export interface EventPoll {
	cursor: EventCursor;
	/** Oldest first. */
	items: EventItem[];
	/** True on the poll that placed a new cursor: it emits nothing, only what happens from then on counts. */
	started: boolean;
	/** More events arrived since the last poll than one poll reads; the oldest of them were passed over. */
	overflowed: boolean;
}

/**
 * One poll: the events after `cursor` that match `filter`, oldest first, and the cursor to store once they are
 * handled. Without a cursor it only places one at the log's newest event. Stores nothing itself: an engine that
 * fails to hand the items on keeps its old cursor, and the next poll returns them again.
 */
export async function pollEvents(
	client: RemoteItClient,
	filter: EventFilter,
	cursor: EventCursor | undefined,
): Promise<EventPoll> {
	const { types } = EVENT_KINDS[filter.kind];
	if (!cursor) {
		const newest = await client.listEvents({ types, size: LATEST_WINDOW });
		return {
			cursor: cursorAtNewest(typesKey(filter), newest),
			items: [],
			started: true,
			overflowed: false,
		};
	}
	const listed: RemoteItEvent[] = [];
	let overflowed = true;
	for (let page = 0; page < MAX_POLL_PAGES; page++) {
		const events = await client.listEvents({
			types,
			minDate: cursor.timestamp ?? undefined,
			size: MAX_PAGE_SIZE,
			from: page * MAX_PAGE_SIZE,
		});
		listed.push(...events);
		if (events.length < MAX_PAGE_SIZE) {
			overflowed = false;
			break;
		}
	}
	const seen = new Set<string>();
	const fresh = listed.filter(
		(event) => isAfterCursor(cursor, event) && !seen.has(event.id) && seen.add(event.id),
	);
	const items = await outputItems(client, filter, fresh);
	return { cursor: advanceCursor(cursor, fresh), items, started: false, overflowed };
}

/** The latest event matching `filter` (n8n's "Fetch Test Event"), whatever any cursor says. */
export async function latestMatchingEvent(
	client: RemoteItClient,
	filter: EventFilter,
): Promise<EventItem | undefined> {
	const events = await client.listEvents({
		types: EVENT_KINDS[filter.kind].types,
		size: LATEST_WINDOW,
	});
	return (await outputItems(client, filter, events)).at(-1);
}

/** A connection event names the service; its device comes from one device listing, when needed. */
type DeviceOfService = Map<string, Device>;

/** Items, oldest first, for the events (newest first) matching `filter`. */
async function outputItems(
	client: RemoteItClient,
	filter: EventFilter,
	events: RemoteItEvent[],
): Promise<EventItem[]> {
	const ofKind = events.filter(EVENT_KINDS[filter.kind].matches);
	const matching = filter.tags ? await eventsOnTaggedDevices(client, ofKind, filter.tags) : ofKind;
	if (matching.length === 0) return [];
	const devices = matching.some((e) => e.type === 'DEVICE_CONNECT')
		? await devicesByService(client)
		: new Map<string, Device>();
	const nameContains = (filter.deviceNameContains ?? '').trim().toLowerCase();
	return matching
		.map((event) => toEventItem(event, devices))
		.filter((item) => (item.deviceName ?? '').toLowerCase().includes(nameContains))
		.reverse();
}

async function devicesByService(client: RemoteItClient): Promise<DeviceOfService> {
	const devices = await client.listDevices({ returnAll: true });
	return new Map(
		devices.flatMap((device) =>
			device.services.map((service) => [service.id.toUpperCase(), device] as const),
		),
	);
}

function toEventItem(event: RemoteItEvent, devices: DeviceOfService): EventItem {
	const base = { id: event.id, type: event.type, state: event.state, timestamp: event.timestamp };
	if (event.type !== 'DEVICE_CONNECT') {
		return {
			...base,
			online: event.state === 'active',
			deviceId: event.target?.id ?? null,
			deviceName: event.target?.name ?? null,
		};
	}
	const device = event.target ? devices.get(event.target.id) : undefined;
	return {
		...base,
		// remote.it opens connections only to online devices.
		online: event.state === 'connected' ? true : (device?.online ?? null),
		deviceId: device?.id ?? null,
		deviceName: device?.name ?? null,
		serviceId: event.target?.id ?? null,
		serviceName: event.target?.name ?? null,
	};
}
