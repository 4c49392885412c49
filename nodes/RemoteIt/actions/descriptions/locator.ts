import type { IDisplayOptions, INodeProperties, INodePropertyModeValidation } from 'n8n-workflow';

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

export interface LocatorSpec {
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
export function remoteItLocator(
	spec: LocatorSpec,
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties {
	const thing = spec.displayName.toLowerCase();
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
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
