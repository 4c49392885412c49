/**
 * The account's tags and the tags on its devices and services (docs/remoteit-api.md §3a): `User.tags`,
 * `Device.tags`, `devices(tag: ListFilter)` and the tag mutations. A device's tags are its Bulk Service's.
 */
import type { DeviceRecord, ServiceRecord, TagRecord, UserRecord } from './state-types';

export type ListOperator = 'ANY' | 'ALL';

/** remote.it's `ListFilter` input: `values` are `Any`, compared here as text (emulator-defined). */
export interface ListFilter {
	operator: ListOperator;
	values: unknown[];
}

export function deviceTagNames(device: DeviceRecord): string[] {
	return device.services.find((s) => s.id === device.id)?.tags ?? [];
}

/** ANY: at least one of the values; ALL: every one of them (remote.it's desktop app: "or" / "and"). */
export function matchesTagFilter(names: string[], filter: ListFilter): boolean {
	const wanted = filter.values.map(String);
	return filter.operator === 'ALL'
		? wanted.every((name) => names.includes(name))
		: wanted.some((name) => names.includes(name));
}

/** The account's tag of that name, made (without a colour) when it does not exist yet, as `addTag` does. */
function tagNamed(user: UserRecord, name: string, now: Date): TagRecord {
	const existing = user.tags.find((tag) => tag.name === name);
	if (existing) return existing;
	const made: TagRecord = { name, color: null, createdAt: now };
	user.tags.push(made);
	return made;
}

/** The account's tags on a service, as remote.it's `DeviceTag` (`created` is the tag's own). */
export function tagsOn(user: UserRecord, service: ServiceRecord): TagRecord[] {
	return service.tags.flatMap((name) => user.tags.filter((tag) => tag.name === name));
}

export function addTags(
	user: UserRecord,
	names: string[],
	services: ServiceRecord[],
	now: Date,
): void {
	for (const name of names) tagNamed(user, name, now);
	for (const service of services) service.tags = [...new Set([...service.tags, ...names])];
}

export function removeTags(names: string[], services: ServiceRecord[]): void {
	for (const service of services)
		service.tags = service.tags.filter((name) => !names.includes(name));
}

/** `setTag`: makes each tag, or changes the colour of one that exists. */
export function setTags(
	user: UserRecord,
	tags: Array<{ name: string; color?: number | null }>,
	now: Date,
): void {
	for (const { name, color } of tags) tagNamed(user, name, now).color = color ?? null;
}

/** `renameTag`: the account's tag and every service carrying it take the new name. */
export function renameTag(user: UserRecord, from: string, to: string): boolean {
	const tag = user.tags.find((t) => t.name === from);
	if (!tag || user.tags.some((t) => t.name === to)) return false;
	tag.name = to;
	for (const service of servicesOf(user))
		service.tags = service.tags.map((name) => (name === from ? to : name));
	return true;
}

/** `deleteTag`: gone from the account and from every service (Postman "Delete Tag"). */
export function deleteTags(user: UserRecord, names: string[]): void {
	user.tags = user.tags.filter((tag) => !names.includes(tag.name));
	removeTags(names, servicesOf(user));
}

const servicesOf = (user: UserRecord): ServiceRecord[] => user.devices.flatMap((d) => d.services);
