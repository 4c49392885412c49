import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../../shared/errors';
import { createClientForExecution } from '../../shared/transport';

/** Devices offered per search: a picker narrows by typing, so the first page of matches is enough. */
const DEVICE_PICKER_SIZE = 100;

/** "device name / service name" entries, filtered by device name and paged by the client's cursor. */
export async function searchServices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const client = await createClientForExecution(this);
		const page = await client.searchServices({
			...(filter ? { filter } : {}),
			...(paginationToken ? { cursor: paginationToken } : {}),
		});
		return {
			results: page.items.map((choice) => ({
				name: `${choice.deviceName} / ${choice.serviceName}${choice.online ? '' : ' (offline)'}`,
				value: choice.id,
			})),
			...(page.next ? { paginationToken: page.next } : {}),
		};
	} catch (error) {
		throw toNodeError(this, error, 0);
	}
}

export async function searchDevices(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	try {
		const client = await createClientForExecution(this);
		const devices = await client.listDevices({
			...(filter ? { name: filter } : {}),
			limit: DEVICE_PICKER_SIZE,
		});
		return {
			results: devices.map((device) => ({
				name: `${device.name}${device.online ? '' : ' (offline)'}`,
				value: device.id,
			})),
		};
	} catch (error) {
		throw toNodeError(this, error, 0);
	}
}
