/**
 * Device tags (docs/remoteit-api.md §3a): the tag filter of a device listing, adding and removing tags, and
 * narrowing events to the devices that carry tags. Tags exist in remote.it's GraphQL API only.
 */
import type { ApiContext } from '../wire/api';
import { RemoteItValidationError } from '../errors';
import { callGraphql, QUERIES } from '../wire/graphql';
import type { RemoteItClient, RemoteItEvent, TagChange, TagFilter, TagOperator } from '../types';
import { CONTROL_CHARS, LIMITS, normaliseServiceId } from '../validate';

/** remote.it's `ListOperator` for each (docs/remoteit-api.md §3a). */
const LIST_OPERATORS: Record<TagOperator, 'ANY' | 'ALL'> = { any: 'ANY', all: 'ALL' };

/** Within how many names one request may carry (emulator-defined bound: remote.it publishes none). */
const MAX_TAGS = 100;

/** What a value is, for a message about a tag list that is not one. */
function kindOf(value: unknown): string {
	if (typeof value === 'string') return `text (${JSON.stringify(value.slice(0, 40))})`;
	if (Array.isArray(value)) return 'a list';
	return value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * How the messages name a field: its client name by default ("tags must be …"). Shells that put the user's name
 * for it in front of every message (n8n's parameter name, Node-RED's dialog field) pass '' ("must be …").
 */
export interface TagLabels {
	tags: string;
	operator: string;
}
const CLIENT_LABELS: TagLabels = { tags: 'tags', operator: 'tagOperator' };
export const LABELLED_BY_SHELL: TagLabels = { tags: '', operator: '' };
const labelled = (label: string, problem: string): string =>
	label ? `${label} ${problem}` : problem;

/**
 * Tag names from untrusted input: a list of non-blank texts, trimmed, without repeats. Text or an object (an
 * expression that gave the wrong thing) is refused rather than split or guessed at.
 */
export function tagNamesOf(value: unknown, label = CLIENT_LABELS.tags): string[] {
	const fail = (problem: string) => new RemoteItValidationError('tags', labelled(label, problem));
	if (!Array.isArray(value)) throw fail(`must be a list of tag names, not ${kindOf(value)}.`);
	if (value.length === 0) throw fail('must name at least one tag.');
	if (value.length > MAX_TAGS) throw fail(`may name at most ${MAX_TAGS} tags.`);
	const names = value.map((entry: unknown, index) => {
		const which = `entry ${index + 1}`;
		if (typeof entry !== 'string') throw fail(`${which} must be a tag name, not ${kindOf(entry)}.`);
		const name = entry.trim();
		if (name === '') throw fail(`${which} is blank.`);
		if (name.length > LIMITS.name) throw fail(`${which} is longer than ${LIMITS.name} characters.`);
		if (CONTROL_CHARS.test(name)) throw fail(`${which} contains control characters.`);
		return name;
	});
	return [...new Set(names)];
}

/** `any` or `all`, in any case; absent means `any`. */
export function tagOperatorOf(value: unknown, label = CLIENT_LABELS.operator): TagOperator {
	if (value === undefined || value === null || value === '') return 'any';
	const operator = typeof value === 'string' ? value.trim().toLowerCase() : value;
	if (operator === 'any' || operator === 'all') return operator;
	throw new RemoteItValidationError(
		'tagOperator',
		labelled(
			label,
			`must be "any" or "all", not ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kindOf(value)}.`,
		),
	);
}

/**
 * The one reading of a tag filter for the client and both shells: undefined when no tags are given (absent, null
 * or an empty list), else the checked names and operator.
 */
export function tagFilterOf(
	tags: unknown,
	operator: unknown,
	labels: TagLabels = CLIENT_LABELS,
): TagFilter | undefined {
	const tagOperator = tagOperatorOf(operator, labels.operator);
	if (tags === undefined || tags === null || (Array.isArray(tags) && tags.length === 0))
		return undefined;
	return { tags: tagNamesOf(tags, labels.tags), operator: tagOperator };
}

/** remote.it's `ListFilter` variable for a device listing. */
export const listFilterOf = (filter: TagFilter): { operator: 'ANY' | 'ALL'; values: string[] } => ({
	operator: LIST_OPERATORS[filter.operator],
	values: filter.tags,
});

/** True when `names` (a device's tags) satisfy the filter; names match exactly, as remote.it's filter does. */
export function hasTags(names: readonly string[], filter: TagFilter): boolean {
	return filter.operator === 'all'
		? filter.tags.every((tag) => names.includes(tag))
		: filter.tags.some((tag) => names.includes(tag));
}

function deviceIdsOf(value: unknown): string[] {
	const ids = Array.isArray(value) ? value : [value];
	if (ids.length === 0)
		throw new RemoteItValidationError('deviceId', 'deviceId must name at least one device.');
	return [...new Set(ids.map((id) => normaliseServiceId(id, 'deviceId')))];
}

/** addTag / removeTag with a device's id as `serviceId` (docs/remoteit-api.md §3a). */
export async function changeTags(
	context: ApiContext,
	change: 'add' | 'remove',
	deviceIds: unknown,
	tags: unknown,
): Promise<TagChange> {
	const ids = deviceIdsOf(deviceIds);
	const names = tagNamesOf(tags);
	await callGraphql(context, change === 'add' ? QUERIES.addTags : QUERIES.removeTags, {
		serviceId: ids,
		name: names,
	});
	return { deviceIds: ids, tags: names };
}

/**
 * The events about devices that carry the tags now (remote.it's event log holds no tags): one device listing by
 * tag, then events whose target is one of those devices or one of their services. For the remote.it Trigger and
 * the Node-RED events node.
 */
export async function eventsOnTaggedDevices(
	client: RemoteItClient,
	events: RemoteItEvent[],
	filter: TagFilter,
): Promise<RemoteItEvent[]> {
	if (events.length === 0) return [];
	const devices = await client.listDevices({
		tags: filter.tags,
		tagOperator: filter.operator,
		returnAll: true,
	});
	const ids = new Set(
		devices.flatMap((d) => [d.id, ...d.services.map((s) => s.id)]).map((id) => id.toUpperCase()),
	);
	return events.filter(
		(event) => event.target !== undefined && ids.has(event.target.id.toUpperCase()),
	);
}
