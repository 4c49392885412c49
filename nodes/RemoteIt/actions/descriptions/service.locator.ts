import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { remoteItLocator } from './locator';

/** The service picker, shared by every operation that targets one device service. */
export function serviceLocator(
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties {
	return remoteItLocator(
		{
			displayName: 'Service',
			name: 'service',
			searchListMethod: 'searchServices',
			idPlaceholder: '80:00:00:00:01:00:00:02',
			namePlaceholder: 'factory-gateway/SSH',
			nameHint: 'The device name, a slash, then the service name, as shown in remote.it',
			// Some text, a slash, some text: how the client splits "device/service" (client/lookup.ts).
			nameRule: {
				pattern: '.*[^/\\s].*/.*[^/\\s].*',
				errorMessage:
					'Expected the device name, a slash, then the service name, like factory-gateway/SSH',
			},
		},
		displayOptions,
		description,
	);
}
