/**
 * The devices node's tags (docs/remoteit-api.md §3a): its Tags TypedInput read as a filter for a listing, and its
 * Add tags / Remove tags actions on the devices msg.payload names. Bad input names the dialog field or the
 * message property it came from, before any request.
 */
import {
	isPlainObject,
	LABELLED_BY_SHELL,
	RemoteItValidationError,
	tagFilterOf,
	tagNamesOf,
	type RemoteItClient,
	type TagChange,
	type TagFilter,
} from '../../../client';
import { namingFields } from './field-names';
import { describeProperty, evaluateProperty } from './message-values';
import type { NodeMessage, NodeRedRuntime, RuntimeNode } from './node-red-api';

export type TagAction = 'addTags' | 'removeTags';

export interface TagSettings {
	/** A TypedInput: a JSON list by default, or a msg, flow or global property holding one. */
	tags?: string;
	tagsType?: string;
	tagMatch?: unknown;
}

const TAGS_FIELD = 'Tags (tags)';
const MATCH_FIELD = 'Tag match (tagMatch)';

/** The Tags value and the name bad input is reported under: the dialog field, or `msg.<property>`. */
async function tagsValue(
	RED: NodeRedRuntime,
	node: RuntimeNode,
	settings: TagSettings,
	msg: NodeMessage,
): Promise<{ value: unknown; name: string }> {
	const text = settings.tags ?? '';
	const type = settings.tagsType ?? 'json';
	if (type !== 'json') {
		const property = { value: text, type, field: { name: 'tags', label: TAGS_FIELD } };
		const name = describeProperty(property, 'tags');
		return { value: await evaluateProperty(RED, node, property, msg), name };
	}
	if (text.trim() === '') return { value: undefined, name: TAGS_FIELD };
	const parsed = parsedJson(text);
	if (!parsed.ok)
		throw new RemoteItValidationError(
			'tags',
			`${TAGS_FIELD}: is not a JSON list such as ["line-3"]`,
		);
	return { value: parsed.value, name: TAGS_FIELD };
}

function parsedJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/** The listing's tag filter, or undefined when Tags is empty. */
export async function tagFilterFrom(
	RED: NodeRedRuntime,
	node: RuntimeNode,
	settings: TagSettings,
	msg: NodeMessage,
): Promise<TagFilter | undefined> {
	const { value, name } = await tagsValue(RED, node, settings, msg);
	return namingFields({ tags: name, tagOperator: MATCH_FIELD }, async () =>
		tagFilterOf(value, settings.tagMatch, LABELLED_BY_SHELL),
	);
}

/** Device ids from msg.payload: an id, a device (or anything with an `id`), or a list of them, as the listing outputs. */
function deviceIdsFrom(payload: unknown): unknown[] {
	const entries = Array.isArray(payload) ? payload : [payload];
	if (entries.length === 0)
		throw new RemoteItValidationError(
			'deviceId',
			'msg.payload: is an empty list; no device to change',
		);
	return entries.map((entry, index) => {
		const id = isPlainObject(entry) ? entry.id : entry;
		if (typeof id !== 'string')
			throw new RemoteItValidationError(
				'deviceId',
				`msg.payload${Array.isArray(payload) ? `[${index}]` : ''}: needs a device id, or a device with an id (as remote.it devices lists them)`,
			);
		return id;
	});
}

/** Adds or removes the configured tags on the devices in msg.payload. */
export async function changeTagsFor(
	RED: NodeRedRuntime,
	node: RuntimeNode,
	client: RemoteItClient,
	action: TagAction,
	settings: TagSettings,
	msg: NodeMessage,
): Promise<TagChange> {
	const ids = deviceIdsFrom(msg.payload);
	const { value, name } = await tagsValue(RED, node, settings, msg);
	return namingFields({ tags: name, deviceId: 'msg.payload' }, async () => {
		const tags = tagNamesOf(value, LABELLED_BY_SHELL.tags);
		return action === 'addTags'
			? await client.addTags(ids as string[], tags)
			: await client.removeTags(ids as string[], tags);
	});
}
