import type { INodeProperties, INodePropertyModeValidation } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_REQUEST_TIMEOUT_MS } from '../../../../client';
import { REQUEST_TIMEOUT_MS } from '../../../shared/transport';

/**
 * Parameters that several operations offer, declared once. Each operation adds its own resource and operation to
 * them with `updateDisplayOptions`, so none of these says where it is shown.
 */

/** remote.it ids are 8 colon-separated hex octets, e.g. 80:00:00:00:01:00:00:02 (docs/remoteit-api.md §2). */
const REMOTEIT_ID_PATTERN = '\\s*[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){7}\\s*';

/**
 * The editor checks a fixed value against a mode's `validation` (as `^pattern$`) and shows the message on the
 * field and the node (n8n NodeHelpers: validateResourceLocatorParameter). An empty value is left to n8n's own "Parameter … is required",
 * so that each mistake gets one message that names it.
 */
const emptyOr = (pattern: string): string => `(\\s*|${pattern})`;

function rule(pattern: string, errorMessage: string): INodePropertyModeValidation {
	return { type: 'regex', properties: { regex: emptyOr(pattern), errorMessage } };
}

interface LocatorSpec {
	/** What is located, as the editor names it: 'Service' or 'Device'. */
	displayName: string;
	name: string;
	searchListMethod: string;
	idPlaceholder: string;
	namePlaceholder: string;
	nameHint: string;
	/** A regex a Name value must match, and what to say when it does not. */
	nameRule?: { pattern: string; errorMessage: string };
}

/** A remote.it resource locator: From List (searchable), By ID and Name (both validated; a name is resolved at run time). */
function remoteItLocator(spec: LocatorSpec, description: string): INodeProperties {
	const thing = spec.displayName.toLowerCase();
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${thing}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				hint: `The ${thing} ID: 8 hex octets separated by colons`,
				validation: [
					rule(
						REMOTEIT_ID_PATTERN,
						`Not a remote.it ${thing} ID: expected 8 hex octets separated by colons, like ${spec.idPlaceholder}`,
					),
				],
			},
			{
				// Not "By Name": n8n's mode selector is 92 px wide and cuts it to "By Nam" (its own modes are
				// "From list", "By ID", "By URL").
				displayName: 'Name',
				name: 'name',
				type: 'string',
				placeholder: spec.namePlaceholder,
				hint: spec.nameHint,
				...(spec.nameRule
					? { validation: [rule(spec.nameRule.pattern, spec.nameRule.errorMessage)] }
					: {}),
			},
		],
	};
}

/** The service picker, shared by every operation that targets one device service. */
export function serviceLocator(description: string): INodeProperties {
	return remoteItLocator(
		{
			displayName: 'Service',
			name: 'service',
			searchListMethod: 'searchServices',
			idPlaceholder: '80:00:00:00:01:00:00:02',
			namePlaceholder: 'factory-gateway/SSH',
			nameHint: 'The device name, a slash, then the service name, as shown in remote.it',
			// Some text, a slash, some text: how the client splits "device/service" (client/account/names.ts).
			nameRule: {
				pattern: '.*[^/\\s].*/.*[^/\\s].*',
				errorMessage:
					'Expected the device name, a slash, then the service name, like factory-gateway/SSH',
			},
		},
		description,
	);
}

/** The device picker, shared by every operation that targets one device. */
export function deviceLocator(description: string): INodeProperties {
	return remoteItLocator(
		{
			displayName: 'Device',
			name: 'device',
			searchListMethod: 'searchDevices',
			idPlaceholder: '80:00:00:00:01:00:00:01',
			namePlaceholder: 'factory-gateway',
			nameHint: 'The device name exactly as shown in remote.it',
		},
		description,
	);
}

/**
 * n8n shows a property whose displayOptions say `'@tool': [true]` only on the node's AI-agent tool ("remote.it Tool")
 * and one that says `[false]` only on the node itself (n8n-workflow NodeHelpers, getPropertyValues; n8n 1.x and 2.x).
 */
function shownAs(property: INodeProperties, tool: boolean): INodeProperties {
	const displayOptions = property.displayOptions ?? {};
	return {
		...property,
		displayOptions: { ...displayOptions, show: { ...displayOptions.show, '@tool': [tool] } },
	};
}

/**
 * A parameter the model fills when the node is an agent's tool. n8n offers the model one tool parameter per
 * `$fromAI()` key in the node's parameters and nothing else (n8n-core createNodeAsTool): a default such as
 * `{{ $json.id }}` would leave the tool without parameters. So the tool gets its own copy whose default asks the
 * model, and the node keeps its own default. `about` is what the model reads; it must hold no backtick.
 */
export function askedAsTool(
	property: INodeProperties,
	key: string,
	about: string,
): INodeProperties[] {
	// Written as n8n's editor writes a field handed to the model, so the editor shows it as one ("Defined
	// automatically by the model"), with n8n-workflow's FROM_AI_AUTO_GENERATED_MARKER.
	const asked = `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${about}\`, 'string') }}`;
	// By Name takes an ID too (client serviceIdOf, getDevice), so the model may give either. A list of values (Tags)
	// gets one: $fromAI has no list type.
	const toolDefault =
		property.type === 'resourceLocator'
			? { __rl: true, mode: 'name', value: asked }
			: property.typeOptions?.multipleValues
				? [asked]
				: asked;
	return [shownAs(property, false), shownAs({ ...property, default: toolDefault }, true)];
}

/** What the model reads about a tool's `device` parameter (Device Get, Add Tags, Remove Tags). */
export const DEVICE_AS_TOOL = 'The device ID (like 80:00:00:00:01:00:00:01) or the device name';

/**
 * What an agent reads about the operation as a tool. Without a `toolDescription` of the node's own, n8n adds one
 * that, by default, tells the model only the action and the node's name ("Connect to a service in remote.it"; n8n
 * convertNodeToAiTool and NodeHelpers.getToolDescriptionForNode).
 */
export function toolDescription(summary: string): INodeProperties {
	return shownAs(
		{
			displayName: 'Tool Description',
			name: 'toolDescription',
			type: 'string',
			default: summary,
			typeOptions: { rows: 3 },
			description:
				'What the AI agent is told about this tool: what it does, what it needs and what it returns',
		},
		true,
	);
}

/** Return All / Limit, as every n8n "Get Many" operation offers them. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		// DEFAULT_DEVICE_LIMIT (client/validate.ts); n8n's lint wants the literal (node-param-default-wrong-for-limit).
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * Requests in flight at once, for every operation (the client's DEFAULT_CONCURRENCY says why 50). Whatever the
 * setting, the client narrows it while remote.it answers 429 and widens it again.
 */
export const DEFAULT_PARALLEL_REQUESTS = DEFAULT_CONCURRENCY;
export const MAX_PARALLEL_REQUESTS = MAX_CONCURRENCY;

export const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	default: DEFAULT_PARALLEL_REQUESTS,
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
	description:
		'How many items may be sent to remote.it at the same time. Fewer are sent while remote.it asks to slow down. Output order always follows input order.',
};

const DEFAULT_TIMEOUT_SECONDS = REQUEST_TIMEOUT_MS / 1000;
const MAX_TIMEOUT_SECONDS = MAX_REQUEST_TIMEOUT_MS / 1000;

/** Options › Timeout (Seconds): every remote.it request's deadline, in seconds like Reachable Timeout. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	default: DEFAULT_TIMEOUT_SECONDS,
	typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
	description:
		'How long to wait for each remote.it request before giving up. A connect that times out is checked with remote.it, so no connection is left open.',
	displayOptions: { hide: { '@version': [1] } },
};

/** Node version 1's Timeout, in milliseconds: kept so that workflows saved with it run as before. */
export const millisecondsTimeoutOption: INodeProperties = {
	displayName: 'Timeout (Milliseconds)',
	name: 'timeout',
	type: 'number',
	default: REQUEST_TIMEOUT_MS,
	typeOptions: { minValue: 1, maxValue: MAX_REQUEST_TIMEOUT_MS },
	description:
		'How long to wait for each remote.it request, in milliseconds, before giving up. Newer versions of this node take seconds.',
	displayOptions: { show: { '@version': [1] } },
};

/** The Options collection of operations whose only options are the ones every operation has. */
export const operationOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [parallelRequestsOption, timeoutOption, millisecondsTimeoutOption],
};
