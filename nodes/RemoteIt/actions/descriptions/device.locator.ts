import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { REMOTEIT_ID_REGEX } from './service.locator';

const ID_PLACEHOLDER = '80:00:00:00:01:00:00:01';

/** The device picker, shared by every operation that targets one device. */
export function deviceLocator(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Device',
		name: 'device',
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
				placeholder: 'Select a device...',
				typeOptions: { searchListMethod: 'searchDevices', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				hint: 'The device ID: 8 hex octets separated by colons',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: REMOTEIT_ID_REGEX,
							errorMessage: `Not a remote.it device ID (expected 8 hex octets like ${ID_PLACEHOLDER})`,
						},
					},
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'factory-gateway',
				hint: 'The device name exactly as shown in remote.it',
			},
		],
	};
}
