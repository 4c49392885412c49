import { type IDataObject, type IExecuteFunctions, updateDisplayOptions } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client';
import {
	DEVICE_AS_TOOL,
	askedAsTool,
	deviceLocator,
	operationOptions,
	toolDescription,
} from '../common/descriptions';
import { readLocator } from '../common/parameters';

const displayOptions = { show: { resource: ['device'], operation: ['get'] } };

/** The Operation option's description, and what an agent reads about it as a tool. */
export const summary =
	'Get one device with its state (online or not) and its services. Needs the device: its ID or name. A service\'s ID, or "device name/service name", is what Connect needs.';

export const description = updateDisplayOptions(displayOptions, [
	toolDescription(summary),
	...askedAsTool(
		deviceLocator('The device to get, with its state and services'),
		'device',
		DEVICE_AS_TOOL,
	),
	operationOptions,
]);

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject> {
	const device = readLocator(this, 'device', 'Device', itemIndex);
	// From List and By ID hold an id: a malformed one is refused, never looked up as a name.
	const as = device.mode === 'name' ? 'name' : 'id';
	return { ...(await client.getDevice(device.value, as)) } as unknown as IDataObject;
}
