/** GET /apv/v27/device/list/all and GET /apv/v27/device/metadata/list/me (docs/remoteit-api.md §2). */
import { applicationTitle, encodeDeviceType } from '../application-types';
import type { EmulatorContext } from '../runtime';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { isServiceOnline } from '../state';
import type { DeviceRecord, ServiceRecord, UserRecord } from '../state-types';
import { restCaller, restSuccess } from './rest-protocol';

/**
 * One list/all entry per service; the device itself is its Bulk Service entry. Field shapes follow a recorded
 * remote.it answer (docs/remoteit-api.md §2): `weburi` [null], `localurl` base64, `scripting` a JSON boolean.
 */
function serviceEntry(
	user: UserRecord,
	device: DeviceRecord,
	service: ServiceRecord,
): Record<string, unknown> {
	return {
		deviceaddress: service.id,
		devicealias: service.application === 35 ? device.name : service.name,
		ownerusername: user.email,
		devicetype: encodeDeviceType(service.application, service.port),
		devicestate: isServiceOnline(device, service) ? 'active' : 'inactive',
		devicelastip: device.lastIp,
		lastinternalip: '192.168.1.10',
		servicetitle: applicationTitle(service.application),
		webenabled: '1',
		weburi: [null],
		localurl: Buffer.from('none').toString('base64'),
		georegion: 'NorthAmerica',
		webviewerurl: [null],
		shared: 'not-shared',
		scripting: false,
		lastcontacted: device.lastReported.toISOString(),
		createdate: device.createdAt.toISOString(),
	};
}

export function handleListAll(request: EmulatorRequest, context: EmulatorContext): ApiResponse {
	const caller = restCaller(request, context);
	if ('refusal' in caller) return caller.refusal;
	const entries = caller.user.devices.flatMap((device) =>
		device.services.map((service) => serviceEntry(caller.user, device, service)),
	);
	return {
		...restSuccess({ cache_expires: 2, length: entries.length, devices: entries }),
		log: caller.log,
	};
}

function metadataEntry(device: DeviceRecord): Record<string, string> {
	return {
		hardwareid: device.hardwareId,
		statusA: '',
		statusB: '',
		statusC: '',
		statusD: '',
		statusE: '',
		categoryA: '',
		categoryB: '',
		categoryC: '',
		categoryD: '',
		categoryE: '',
	};
}

/** Keyed by lower-case service id; services sharing a hardwareid belong to one device. */
export function handleMetadataList(
	request: EmulatorRequest,
	context: EmulatorContext,
): ApiResponse {
	const caller = restCaller(request, context);
	if ('refusal' in caller) return caller.refusal;
	const devices: Record<string, Record<string, string>> = {};
	for (const device of caller.user.devices) {
		for (const service of device.services)
			devices[service.id.toLowerCase()] = metadataEntry(device);
	}
	return { ...restSuccess({ devices }), log: caller.log };
}
