/** Arguments of remote.it's `devices`, `services` and `events` fields: filters, sorting, paging (docs/remoteit-api.md §3). */
import { GraphQLError } from 'graphql';
import type { DeviceRecord, EventRecord, ServiceRecord } from '../state-types';
import type { ListFilter } from '../tags';
import { deviceTagNames, matchesTagFilter } from '../tags';

export interface DevicesArgs {
	sort?: string | null;
	from?: number | null;
	size?: number | null;
	application?: number[] | null;
	id?: string[] | null;
	name?: string | null;
	owner?: boolean | null;
	state?: string | null;
	hardwareId?: string | null;
	platform?: number[] | null;
	tag?: ListFilter | null;
}
export interface ServicesArgs {
	sort?: string | null;
	application?: number[] | null;
	id?: string[] | null;
	name?: string | null;
	state?: string | null;
}
export interface EventsArgs {
	from?: number | null;
	size?: number | null;
	minDate?: string | null;
	maxDate?: string | null;
	types?: string[] | null;
}

/** from/size paging shared by devices and events: default 100, at most 1000 (docs/remoteit-api.md §3). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface Page<T> {
	total: number;
	hasMore: boolean;
	items: T[];
}

export function pageOf<T>(
	all: T[],
	from: number | null | undefined,
	size: number | null | undefined,
): Page<T> {
	const start = from ?? 0;
	const count = size ?? DEFAULT_PAGE_SIZE;
	if (!Number.isInteger(start) || start < 0)
		throw new GraphQLError('from must be a non-negative integer');
	if (!Number.isInteger(count) || count < 0 || count > MAX_PAGE_SIZE) {
		throw new GraphQLError(`size must be between 0 and ${MAX_PAGE_SIZE}`);
	}
	const items = all.slice(start, start + count);
	return { total: all.length, hasMore: start + items.length < all.length, items };
}

interface Sortable {
	name: string;
	state: string;
	createdAt?: Date;
	lastReported?: Date;
}

/** remote.it's sort is a field name, `-` first for descending (Postman sample `sort: "-created"`). */
const SORTS: Record<string, (a: Sortable, b: Sortable) => number> = {
	name: (a, b) => a.name.localeCompare(b.name),
	state: (a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name),
	created: (a, b) =>
		(a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || a.name.localeCompare(b.name),
	lastReported: (a, b) =>
		(a.lastReported?.getTime() ?? 0) - (b.lastReported?.getTime() ?? 0) ||
		a.name.localeCompare(b.name),
};

function sorted<T extends Sortable>(items: T[], sort: string | null | undefined): T[] {
	const key = (sort ?? 'name').replace(/^-/, '');
	const compare = SORTS[key];
	if (!compare)
		throw new GraphQLError(
			`Unknown sort "${sort}"; use one of ${Object.keys(SORTS).join(', ')} (prefix - for descending)`,
		);
	const result = [...items].sort(compare);
	return sort?.startsWith('-') ? result.reverse() : result;
}

function checkState(state: string | null | undefined): void {
	if (state != null && state !== 'active' && state !== 'inactive')
		throw new GraphQLError('state must be "active" or "inactive"');
}

const upper = (ids: string[] | null | undefined) => ids?.map((id) => id.trim().toUpperCase());

export function filterDevices(devices: DeviceRecord[], args: DevicesArgs): Page<DeviceRecord> {
	checkState(args.state);
	const name = args.name?.toLowerCase();
	const ids = upper(args.id);
	const matching = devices.filter(
		(d) =>
			(!name || d.name.toLowerCase().includes(name)) &&
			(args.state == null || d.state === args.state) &&
			(!ids || ids.includes(d.id)) &&
			(args.hardwareId == null || d.hardwareId === args.hardwareId) &&
			// No device has a platform code here (Device.platform is null), so a platform filter matches none.
			!args.platform &&
			(!args.tag || matchesTagFilter(deviceTagNames(d), args.tag)) &&
			(!args.application || d.services.some((s) => args.application?.includes(s.application))),
	);
	return pageOf(sorted(matching, args.sort), args.from, args.size);
}

export function filterServices(services: ServiceRecord[], args: ServicesArgs): ServiceRecord[] {
	checkState(args.state);
	const name = args.name?.toLowerCase();
	const ids = upper(args.id);
	return sorted(
		services.filter(
			(s) =>
				(!name || s.name.toLowerCase().includes(name)) &&
				(args.state == null || s.state === args.state) &&
				(!ids || ids.includes(s.id)) &&
				(!args.application || args.application.includes(s.application)),
		),
		args.sort,
	);
}

function dateArg(value: string | null | undefined, name: string): number | undefined {
	if (value == null) return undefined;
	const ms = Date.parse(value);
	if (Number.isNaN(ms)) throw new GraphQLError(`${name} must be an ISO date`);
	return ms;
}

/** Newest first; `targetIds` narrows to events about those devices or services (Device.events). */
export function filterEvents(
	events: EventRecord[],
	args: EventsArgs,
	targetIds?: string[],
): Page<EventRecord> {
	const min = dateArg(args.minDate, 'minDate');
	const max = dateArg(args.maxDate, 'maxDate');
	const matching = events
		.filter(
			(e) =>
				(min === undefined || e.timestampMs >= min) && (max === undefined || e.timestampMs <= max),
		)
		.filter((e) => !args.types || args.types.includes(e.type))
		.filter((e) => !targetIds || targetIds.includes(e.targetId));
	return pageOf(matching, args.from, args.size);
}
