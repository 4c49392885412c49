import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normaliseServiceId, type RemoteItClient } from '../../../../client/core';
import { deviceLocator } from '../descriptions/device.locator';
import { operationOptions } from '../descriptions/options';
import { readLocator } from '../parameters';

const show = { resource: ['device'], operation: ['get'] };

export const description: INodeProperties[] = [
	deviceLocator({ show }, 'The device to get, with its state and services'),
	operationOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject> {
	const device = readLocator(this, 'device', 'Device', itemIndex);
	// From List and By ID hold an id: a malformed one is refused here, never looked up as a name.
	const reference =
		device.mode === 'name' ? device.value : normaliseServiceId(device.value, 'device');
	return { ...(await client.getDevice(reference)) } as unknown as IDataObject;
}
