import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** remote.it ids are 8 colon-separated hex octets, e.g. 80:00:00:00:01:00:00:02 (remoteit-api.md section 2). */
export const REMOTEIT_ID_REGEX = '^\\s*[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){7}\\s*$';

const ID_PLACEHOLDER = '80:00:00:00:01:00:00:02';

/** The service picker, shared by every operation that targets one device service. */
export function serviceLocator(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Service',
		name: 'service',
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
				placeholder: 'Select a service...',
				typeOptions: { searchListMethod: 'searchServices', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				hint: 'The service ID: 8 hex octets separated by colons',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: REMOTEIT_ID_REGEX,
							errorMessage: `Not a remote.it service ID (expected 8 hex octets like ${ID_PLACEHOLDER})`,
						},
					},
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'factory-gateway/SSH',
				hint: 'The device name, a slash, then the service name, as shown in remote.it',
			},
		],
	};
}
