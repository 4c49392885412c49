/**
 * The account's event log (GraphQL `login.events`, docs/remoteit-api.md §3): device state changes, connections, shares.
 * remote.it pages it newest first with from/size and `hasMore`; `minDate` is inclusive.
 */
import { RemoteItValidationError } from '../errors';
import { QUERIES, readPagedList } from '../wire/graphql';
import type { ApiContext } from '../wire/api';
import { isPlainObject, textOf } from '../json-values';
import { DEFAULT_EVENT_COUNT, MAX_PAGE_SIZE, wholeNumberOf } from '../validate';
import type { ListEventsOptions, RemoteItEvent, RemoteItEventType } from '../types';

export const EVENT_TYPES: readonly RemoteItEventType[] = [
	'DEVICE_STATE',
	'DEVICE_CONNECT',
	'DEVICE_SHARE',
];
/** One call reads at most this many pages (readPagedList's `maxPages`). */
const MAX_PAGES = 20;
const MAX_OFFSET = 1_000_000;

interface EventQuery {
	types: RemoteItEventType[];
	minDate?: string;
	size: number;
	from: number;
}

const isEventType = (v: unknown): v is RemoteItEventType =>
	typeof v === 'string' && (EVENT_TYPES as readonly string[]).includes(v);

function eventTypesOf(value: unknown): RemoteItEventType[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw new RemoteItValidationError(
			'types',
			`types must list at least one event type: ${EVENT_TYPES.join(', ')}.`,
		);
	}
	const unknown = value.find((type) => !isEventType(type));
	if (unknown !== undefined) {
		throw new RemoteItValidationError(
			'types',
			`"${String(unknown)}" is not a remote.it event type; use ${EVENT_TYPES.join(', ')}.`,
		);
	}
	return [...new Set(value as RemoteItEventType[])];
}

function minDateOf(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms =
		value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
	if (Number.isNaN(ms))
		throw new RemoteItValidationError(
			'minDate',
			'minDate must be a valid date, e.g. 2026-11-25T10:00:00.000Z.',
		);
	return new Date(ms).toISOString();
}

export function normaliseEventQuery(options: ListEventsOptions): EventQuery {
	const given: Partial<Record<keyof ListEventsOptions, unknown>> = isPlainObject(options)
		? options
		: {};
	const minDate = minDateOf(given.minDate);
	return {
		types: eventTypesOf(given.types),
		...(minDate ? { minDate } : {}),
		size: wholeNumberOf('size', given.size, {
			min: 1,
			max: MAX_PAGE_SIZE,
			fallback: DEFAULT_EVENT_COUNT,
		}),
		from: wholeNumberOf('from', given.from, { min: 0, max: MAX_OFFSET, fallback: 0 }),
	};
}

/** An entry without an id, a known type or a readable timestamp cannot be ordered or deduplicated: it is skipped. */
export function eventFromGraphql(item: Record<string, unknown>): RemoteItEvent | undefined {
	const id = textOf(item.id);
	const timestampMs = Date.parse(textOf(item.timestamp) ?? '');
	if (!id || !isEventType(item.type) || Number.isNaN(timestampMs)) return undefined;
	const event: RemoteItEvent = {
		id,
		type: item.type,
		state: textOf(item.state) ?? '',
		timestamp: new Date(timestampMs).toISOString(),
	};
	// `target` is a list of the services the event is about (docs/remoteit-api.md §3); a device is its Bulk Service.
	const target = Array.isArray(item.target)
		? item.target.find((t) => isPlainObject(t) && textOf(t.id))
		: undefined;
	if (isPlainObject(target))
		event.target = { id: String(textOf(target.id)).toUpperCase(), name: textOf(target.name) ?? '' };
	return event;
}

export async function listEvents(
	context: ApiContext,
	options: ListEventsOptions,
): Promise<RemoteItEvent[]> {
	const query = normaliseEventQuery(options);
	return readPagedList(
		context,
		QUERIES.events,
		{ minDate: query.minDate, types: query.types },
		{
			field: 'events',
			from: query.from,
			wanted: query.size,
			maxPages: MAX_PAGES,
			read: eventFromGraphql,
		},
	);
}
