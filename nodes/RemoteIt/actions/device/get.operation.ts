import { type IDataObject, type IExecuteFunctions, updateDisplayOptions } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client';
import { deviceLocator, operationOptions } from '../common/descriptions';
import { readLocator } from '../common/parameters';

const displayOptions = { show: { resource: ['device'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, [
	deviceLocator('The device to get, with its state and services'),
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
