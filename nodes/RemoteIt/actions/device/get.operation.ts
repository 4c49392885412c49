import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RemoteItClient } from '../../../../client/core';
import { deviceLocator } from '../descriptions/device.locator';
import { parallelRequestsOptions } from '../descriptions/parallel';
import { readLocator } from '../parameters';

const show = { resource: ['device'], operation: ['get'] };

export const description: INodeProperties[] = [
	deviceLocator({ show }, 'The device to get, with its state and services'),
	parallelRequestsOptions(show),
];

export async function execute(this: IExecuteFunctions, client: RemoteItClient, itemIndex: number): Promise<IDataObject> {
	const device = readLocator(this, 'device', 'Device', itemIndex);
	return { ...(await client.getDevice(device.value)) } as unknown as IDataObject;
}
