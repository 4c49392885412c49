import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ListDevicesOptions, RemoteItClient } from '../../../../client/core';
import { returnAllAndLimit } from '../descriptions/paging';
import { parallelRequestsOptions } from '../descriptions/parallel';
import { readPaging } from '../parameters';

const show = { resource: ['device'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				placeholder: 'gateway',
				description: 'Only devices whose name contains this text (case-insensitive)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'online',
				description: 'Only devices that are online, or only those that are offline',
				options: [
					{ name: 'Online', value: 'online' },
					{ name: 'Offline', value: 'offline' },
				],
			},
		],
	},
	parallelRequestsOptions(show),
];

interface DeviceFilters {
	nameContains?: string;
	status?: 'online' | 'offline';
}

export async function execute(this: IExecuteFunctions, client: RemoteItClient, itemIndex: number): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as DeviceFilters;
	const options: ListDevicesOptions = returnAll ? { returnAll } : { limit };
	const name = filters.nameContains?.trim();
	if (name) options.name = name;
	if (filters.status) options.state = filters.status === 'online' ? 'active' : 'inactive';
	const devices = await client.listDevices(options);
	return devices.map((device) => ({ ...device }) as unknown as IDataObject);
}
