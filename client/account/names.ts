/** Finds one device or service by id or by name, and pages services for pickers ("device / service"). */
import { RemoteItNotFoundError, RemoteItValidationError } from '../errors';
import { deviceByIdViaGraphql, listDevicesVia } from './devices';
import type { ApiContext } from '../wire/api';
import {
	PICKER_PAGE_SIZE,
	isServiceIdShape,
	LIMITS,
	normaliseServiceId,
	oneOf,
	optionalText,
	requireText,
} from '../validate';
import type { Device, Service, ServiceChoice, ServicePage, ReferenceKind } from '../types';

type Api = 'graphql' | 'rest';

const referenceKindOf = (as: unknown): ReferenceKind =>
	oneOf<ReferenceKind>('as', as, ['id', 'name', 'either'], 'either');

const sameName = (a: string, b: string): boolean =>
	a.trim().toLowerCase() === b.trim().toLowerCase();

/** `as` 'id': an id, checked first; otherwise a device name, unless it has an id's shape (no name does). */
export async function getDevice(
	api: Api,
	context: ApiContext,
	idOrName: unknown,
	as: unknown,
): Promise<Device> {
	const kind = referenceKindOf(as);
	const reference =
		kind === 'id'
			? normaliseServiceId(idOrName, 'device')
			: requireText('device', idOrName, LIMITS.serviceReference, 'The device id or name');
	if (isServiceIdShape(reference)) {
		const id = normaliseServiceId(reference, 'device');
		const device =
			api === 'graphql'
				? await deviceByIdViaGraphql(context, id)
				: (await listDevicesVia(api, context, { limit: Infinity })).find((d) => d.id === id);
		if (!device)
			throw new RemoteItNotFoundError(`No device with id ${id} in this remote.it account.`);
		return device;
	}
	const candidates = await listDevicesVia(api, context, { name: reference, limit: Infinity });
	const matches = candidates.filter((d) => sameName(d.name, reference));
	if (matches.length === 0) {
		// The name filter hid the near misses: the whole list is read once, for the error only.
		const everyDevice = await listDevicesVia(api, context, { limit: Infinity });
		throw new RemoteItNotFoundError(
			`No device named "${reference}" in this remote.it account. ${closestDevicesSentence([reference], everyDevice)}`,
		);
	}
	if (matches.length > 1) {
		throw new RemoteItValidationError(
			'device',
			`${matches.length} devices are named "${reference}" (${matches.map((d) => d.id).join(', ')}); use the device id instead.`,
		);
	}
	return matches[0];
}

/** Every way to read "a/b/c" as device name + service name, since either name may itself contain "/". */
function nameSplits(reference: string): Array<{ deviceName: string; serviceName: string }> {
	const splits: Array<{ deviceName: string; serviceName: string }> = [];
	for (let i = reference.indexOf('/'); i !== -1; i = reference.indexOf('/', i + 1)) {
		const deviceName = reference.slice(0, i).trim();
		const serviceName = reference.slice(i + 1).trim();
		if (deviceName && serviceName) splits.push({ deviceName, serviceName });
	}
	return splits;
}

function findServiceById(devices: Device[], id: string): { device: Device; service: Service } {
	for (const device of devices) {
		const service = device.services.find((s) => s.id.toUpperCase() === id);
		if (service) return { device, service };
	}
	const device = devices.find((d) => d.id.toUpperCase() === id);
	if (device) {
		const names = device.services.map((s) => `${s.name} (${s.id})`).join(', ') || 'none';
		throw new RemoteItNotFoundError(
			`${id} is the device "${device.name}", not one of its services. Its services: ${names}.`,
		);
	}
	throw new RemoteItNotFoundError(`No service with id ${id} in this remote.it account.`);
}

export async function findService(
	api: Api,
	context: ApiContext,
	idOrName: unknown,
): Promise<{ device: Device; service: Service }> {
	const reference = requireText(
		'service',
		idOrName,
		LIMITS.serviceReference,
		'The service id or "device name/service name"',
	);
	if (isServiceIdShape(reference)) {
		const devices = await listDevicesVia(api, context, { limit: Infinity });
		return findServiceById(devices, normaliseServiceId(reference, 'service'));
	}
	const splits = nameSplits(reference);
	if (splits.length === 0) {
		throw new RemoteItValidationError(
			'service',
			`"${reference}" is neither a service id nor "device name/service name" (for example "factory-gateway/SSH").`,
		);
	}
	const nameFilter = splits.length === 1 ? splits[0].deviceName : undefined;
	const devices = await listDevicesVia(api, context, { name: nameFilter, limit: Infinity });
	const matches = splits.flatMap(({ deviceName, serviceName }) =>
		devices
			.filter((d) => sameName(d.name, deviceName))
			.flatMap((device) =>
				device.services
					.filter((s) => sameName(s.name, serviceName))
					.map((service) => ({ device, service })),
			),
	);
	if (matches.length === 0)
		throw new RemoteItNotFoundError(
			await serviceNotFoundMessage(api, context, reference, splits, devices, nameFilter),
		);
	if (matches.length > 1) {
		throw new RemoteItValidationError(
			'service',
			`${matches.length} services match "${reference}" (${matches.map((m) => m.service.id).join(', ')}); use the service id instead.`,
		);
	}
	return matches[0];
}

/** See RemoteItClient.serviceIdOf: a name is looked up, an id only checked. */
export async function serviceIdOf(
	api: Api,
	context: ApiContext,
	reference: unknown,
	as: unknown,
): Promise<string> {
	const kind = referenceKindOf(as);
	const isName = kind === 'name' || (kind === 'either' && String(reference).includes('/'));
	return isName
		? (await findService(api, context, reference)).service.id
		: normaliseServiceId(reference);
}

/** Names what exists nearest: the device with its services, else the device names closest to the one typed. */
async function serviceNotFoundMessage(
	api: Api,
	context: ApiContext,
	reference: string,
	splits: Array<{ deviceName: string; serviceName: string }>,
	devices: Device[],
	nameFilter: string | undefined,
): Promise<string> {
	const start = `No service "${reference}" (device name/service name) in this remote.it account.`;
	for (const { deviceName, serviceName } of splits) {
		const device = devices.find((d) => sameName(d.name, deviceName));
		if (device) return `${start} ${servicesSentence(device, serviceName)}`;
	}
	const everyDevice =
		nameFilter === undefined ? devices : await listDevicesVia(api, context, { limit: Infinity });
	const typed = splits.map((split) => split.deviceName);
	return `${start} No device is named ${typed.map((name) => `"${name}"`).join(' or ')}. ${closestDevicesSentence(typed, everyDevice)}`;
}

function choicesOf(devices: Device[]): ServiceChoice[] {
	return devices.flatMap((device) =>
		device.services.map((service) => ({
			id: service.id,
			name: `${device.name} / ${service.name}`,
			deviceId: device.id,
			deviceName: device.name,
			serviceName: service.name,
			online: device.online && service.online,
		})),
	);
}

function cursorOffset(cursor: unknown): number {
	const text = optionalText('cursor', cursor, LIMITS.cursor);
	if (text === undefined) return 0;
	if (!/^\d{1,9}$/.test(text))
		throw new RemoteItValidationError('cursor', 'The paging cursor is not one this client issued.');
	return Number(text);
}

/** One picker page: devices [offset, offset + PICKER_PAGE_SIZE) of the name-sorted list, flattened into services. */
export async function searchServices(
	api: Api,
	context: ApiContext,
	options: { filter?: unknown; cursor?: unknown },
): Promise<ServicePage> {
	const filter = optionalText('filter', options.filter, LIMITS.name);
	const offset = cursorOffset(options.cursor);
	// Ask for one device more than a page: if it comes back, there is a next page.
	const devices = await listDevicesVia(api, context, {
		name: filter,
		offset,
		limit: PICKER_PAGE_SIZE + 1,
	});
	const page = devices.slice(0, PICKER_PAGE_SIZE);
	const hasMore = devices.length > PICKER_PAGE_SIZE;
	return {
		items: choicesOf(page),
		...(hasMore ? { next: String(offset + PICKER_PAGE_SIZE) } : {}),
	};
}

/**
 * What a failed name lookup found nearest, so that its error says where the user went wrong: the device exists
 * and these are its services, or these are the device names closest to the one typed.
 */
/** Levenshtein distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
	const s = a.toLowerCase();
	const t = b.toLowerCase();
	let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
	for (let i = 1; i <= s.length; i++) {
		const current = [i];
		for (let j = 1; j <= t.length; j++) {
			current[j] = Math.min(
				previous[j] + 1,
				current[j - 1] + 1,
				previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1),
			);
		}
		previous = current;
	}
	return previous[t.length];
}

/**
 * Up to `max` names close to `typed`: one contains the other, or they differ by a typo or two (a third of the
 * typed length at most). Nearest first; none when nothing is close, rather than unrelated names.
 */
export function closestNames(typed: string, names: string[], max = 3): string[] {
	const wanted = typed.trim().toLowerCase();
	if (wanted === '') return [];
	const allowed = Math.max(2, Math.floor(wanted.length / 3));
	const scored = [...new Set(names)].map((name) => {
		const lower = name.toLowerCase();
		const contains = lower.includes(wanted) || wanted.includes(lower);
		return { name, distance: editDistance(wanted, lower), contains };
	});
	return scored
		.filter(({ distance, contains }) => contains || distance <= allowed)
		.sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
		.slice(0, max)
		.map(({ name }) => name);
}

const quoted = (names: string[]): string => names.map((name) => `"${name}"`).join(', ');

/** "Closest device names: "factory-gateway"." or "No device has a similar name (5 devices)." */
export function closestDevicesSentence(typedNames: string[], devices: Device[]): string {
	const names = devices.map((device) => device.name);
	const closest = [...new Set(typedNames.flatMap((typed) => closestNames(typed, names)))].slice(
		0,
		3,
	);
	if (closest.length > 0) return `Closest device names: ${quoted(closest)}.`;
	return `No device has a similar name (${devices.length} device${devices.length === 1 ? '' : 's'} in the account).`;
}

/**
 * "Device "factory-gateway" exists, but has no service "Telnet"; its services: "SSH", "Web UI"."
 * Names are sorted: GraphQL and REST list a device's services in different orders.
 */
export function servicesSentence(device: Device, missing: string): string {
	const exists = `Device "${device.name}" exists, but has no service "${missing}"`;
	if (device.services.length === 0) return `${exists}; it has no services.`;
	return `${exists}; its services: ${quoted(device.services.map((service) => service.name).sort((a, b) => a.localeCompare(b)))}.`;
}
