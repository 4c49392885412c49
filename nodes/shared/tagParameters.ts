import type { INodeProperties } from 'n8n-workflow';

/** Tag names, one a row: Get Many's and the Trigger's filter, Add Tags and Remove Tags (docs/remoteit-api.md §3a). */
export function tagsParameter(description: string): INodeProperties {
	return {
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Tag' },
		default: [],
		placeholder: 'line-3',
		description,
	};
}

/** How the Tags of a filter combine (remote.it's ListOperator ANY / ALL). */
export const tagMatchParameter: INodeProperties = {
	displayName: 'Tag Match',
	name: 'tagMatch',
	type: 'options',
	default: 'any',
	description: 'Whether a device needs one of the tags or every one of them',
	options: [
		{ name: 'All of the Tags', value: 'all' },
		{ name: 'Any of the Tags', value: 'any' },
	],
};
