import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { remoteItLocator } from './locator';

/** The device picker, shared by every operation that targets one device. */
export function deviceLocator(
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties {
	return remoteItLocator(
		{
			displayName: 'Device',
			name: 'device',
			searchListMethod: 'searchDevices',
			idPlaceholder: '80:00:00:00:01:00:00:01',
			namePlaceholder: 'factory-gateway',
			nameHint: 'The device name exactly as shown in remote.it',
		},
		displayOptions,
		description,
	);
}
