import type { IDataObject } from 'n8n-workflow';

import type { RemoteItEvent } from '../../client';

/**
 * Where the trigger is in remote.it's event log, kept in the workflow's static data between polls. remote.it's
 * `minDate` is inclusive and several events can share a timestamp, so the cursor holds the newest timestamp seen
 * and the ids seen at exactly that instant: the next poll asks from that instant and skips those ids, which emits
 * no event twice and loses none. Timestamps are remote.it's own, so the n8n host's clock plays no part.
 */
export interface EventCursor {
	/** The event kinds the cursor was taken over (`DEVICE_STATE`, ...): another selection starts afresh. */
	types: string;
	/** ISO; null when the log held no event of these kinds at activation (then every later event is new). */
	timestamp: string | null;
	idsAtTimestamp: string[];
}

export function readCursor(staticData: IDataObject, types: string): EventCursor | undefined {
	const { cursorTypes, timestamp, idsAtTimestamp } = staticData;
	if (cursorTypes !== types || !Array.isArray(idsAtTimestamp)) return undefined;
	if (timestamp !== null && (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))))
		return undefined;
	return {
		types,
		timestamp,
		idsAtTimestamp: idsAtTimestamp.filter((id): id is string => typeof id === 'string'),
	};
}

export function writeCursor(staticData: IDataObject, cursor: EventCursor): void {
	staticData.cursorTypes = cursor.types;
	staticData.timestamp = cursor.timestamp;
	staticData.idsAtTimestamp = cursor.idsAtTimestamp;
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
