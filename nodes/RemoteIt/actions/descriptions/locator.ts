import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** remote.it ids are 8 colon-separated hex octets, e.g. 80:00:00:00:01:00:00:02 (docs/remoteit-api.md §2). */
export const REMOTEIT_ID_REGEX = '^\\s*[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){7}\\s*$';

export interface LocatorSpec {
	/** What is located, as the editor names it: 'Service' or 'Device'. */
	displayName: string;
	name: string;
	searchListMethod: string;
	idPlaceholder: string;
	namePlaceholder: string;
	nameHint: string;
}

/** A remote.it resource locator: From List (searchable), By ID (validated) and By Name (resolved at run time). */
export function remoteItLocator(spec: LocatorSpec, displayOptions: IDisplayOptions, description: string): INodeProperties {
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
					{
						type: 'regex',
						properties: {
							regex: REMOTEIT_ID_REGEX,
							errorMessage: `Not a remote.it ${thing} ID (expected 8 hex octets like ${spec.idPlaceholder})`,
						},
					},
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: spec.namePlaceholder,
				hint: spec.nameHint,
			},
		],
	};
}
