/** The event cursor both engines' event nodes keep (client/account/event-watch.ts): no event twice, none lost. */
import {
	advanceCursor,
	cursorAtNewest,
	isAfterCursor,
	readCursor,
	storedCursor,
	type RemoteItEvent,
} from '../../client';

describe('the event cursor', () => {
	const event = (id: string, second: number): RemoteItEvent => ({
		id,
		type: 'DEVICE_STATE',
		state: 'inactive',
		timestamp: new Date(Date.UTC(2026, 10, 25, 10, 0, second)).toISOString(),
	});

	it('skips the ids it has seen at its timestamp but not new ones at the same instant', () => {
		const cursor = cursorAtNewest('DEVICE_STATE', [event('b', 5), event('a', 5), event('old', 1)]);
		expect(cursor.idsAtTimestamp).toEqual(['b', 'a']);
		expect(isAfterCursor(cursor, event('a', 5))).toBe(false);
		expect(isAfterCursor(cursor, event('c', 5))).toBe(true);
		expect(isAfterCursor(cursor, event('d', 6))).toBe(true);
		expect(isAfterCursor(cursor, event('old', 1))).toBe(false);
		expect(advanceCursor(cursor, [event('c', 5)]).idsAtTimestamp).toEqual(['b', 'a', 'c']);
		expect(advanceCursor(cursor, [event('d', 6), event('c', 5)])).toEqual({
			types: 'DEVICE_STATE',
			timestamp: event('d', 6).timestamp,
			idsAtTimestamp: ['d'],
		});
		expect(advanceCursor(cursor, [])).toBe(cursor);
	});

	it('treats every event as new after an activation on an empty log', () => {
		const cursor = cursorAtNewest('DEVICE_CONNECT', []);
		expect(cursor).toEqual({ types: 'DEVICE_CONNECT', timestamp: null, idsAtTimestamp: [] });
		expect(isAfterCursor(cursor, event('x', 0))).toBe(true);
	});

	it('is read back from what an engine stored, and refused for other event types or a damaged record', () => {
		const cursor = cursorAtNewest('DEVICE_STATE', [event('a', 5)]);
		const stored = JSON.parse(JSON.stringify(storedCursor(cursor))) as unknown;
		expect(readCursor(stored, { kind: 'deviceOffline' })).toEqual(cursor);
		expect(readCursor(stored, { kind: 'deviceOnline' })).toEqual(cursor);
		expect(readCursor(stored, { kind: 'connectionOpened' })).toBeUndefined();
		for (const damaged of [undefined, null, 'x', { ...storedCursor(cursor), timestamp: 'soon' }])
			expect(readCursor(damaged, { kind: 'deviceOffline' })).toBeUndefined();
	});
});
