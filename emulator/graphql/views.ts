/**
 * Records shaped as remote.it's GraphQL types (docs/remoteit-api.md §3). Plain objects the default field
 * resolver walks; functions are resolved lazily with their arguments.
 */
import { createHash } from 'node:crypto';
import { applicationTitle } from '../application-types';
import type { ConnectionRecord } from '../connections';
import { proxyString } from '../connections';
import type { EmulatorContext } from '../runtime';
import { isServiceOnline } from '../state';
import type { DeviceRecord, EventRecord, ServiceRecord, UserRecord } from '../state-types';
import { tagsOn } from '../tags';
import type { EventsArgs, ServicesArgs } from './filters';
import { filterEvents, filterServices } from './filters';

export interface Scope {
	emulator: EmulatorContext;
	user: UserRecord;
}

type View = Record<string, unknown>;

/** A stable made-up id for someone the seed names only by e-mail (emulator-defined). */
function idFor(text: string): string {
	const hex = createHash('sha256').update(text).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function userReference(scope: Scope, email: string): View {
	const user = scope.emulator.accounts.userByEmail(email);
	return { id: user?.guid ?? idFor(email), email };
}

function endpointView(device: DeviceRecord, service: ServiceRecord): View {
	const online = isServiceOnline(device, service);
	return {
		id: service.id,
		timestamp: device.lastReported.toISOString(),
		externalAddress: device.lastIp,
		name: service.name,
		online,
		state: online ? 'active' : 'inactive',
		expired: false,
		quality: online ? 'GOOD' : 'UNKNOWN',
		application: service.application,
		port: service.port,
		title: applicationTitle(service.application),
	};
}

/** Fields Device, Service and ServiceReference share (remote.it's Device and Service have the same fields). */
function referenceFields(scope: Scope, device: DeviceRecord, service: ServiceRecord): View {
	return {
		// The device itself is its Bulk Service (id = device id) and carries the device's name.
		id: service.id,
		protocol: 'TCP',
		name: service.id === device.id ? device.name : service.name,
		created: device.createdAt.toISOString(),
		application: service.application,
		port: service.port,
		title: applicationTitle(service.application),
		owner: userReference(scope, device.ownerEmail),
	};
}

export function serviceReference(scope: Scope, device: DeviceRecord, service: ServiceRecord): View {
	return { ...referenceFields(scope, device, service), device: () => deviceView(scope, device) };
}

function endpointOwnedFields(
	scope: Scope,
	device: DeviceRecord,
	service: ServiceRecord,
	ids: string[],
): View {
	const online = isServiceOnline(device, service);
	return {
		host: 'localhost',
		enabled: true,
		access: [],
		attributes: {},
		tags: () =>
			tagsOn(scope.user, service).map((tag) => ({
				name: tag.name,
				color: tag.color,
				created: tag.createdAt.toISOString(),
			})),
		endpoint: endpointView(device, service),
		lastReported: device.lastReported.toISOString(),
		state: online ? 'active' : 'inactive',
		online,
		sessions: () =>
			sessionsOf(scope)
				.filter((s) => ids.includes(s.serviceId))
				.map((s) => s.view),
		events: (args: EventsArgs) => eventPage(scope, args, ids),
	};
}

export function serviceView(scope: Scope, device: DeviceRecord, service: ServiceRecord): View {
	return {
		...referenceFields(scope, device, service),
		...endpointOwnedFields(scope, device, service, [service.id]),
		device: () => deviceView(scope, device),
	};
}

/** A device is its Bulk Service (application 35, id = device id) plus its other services. */
export function deviceView(scope: Scope, device: DeviceRecord): View {
	const bulk = device.services.find((s) => s.id === device.id) ?? device.services[0];
	return {
		...referenceFields(scope, device, bulk),
		...endpointOwnedFields(
			scope,
			device,
			bulk,
			device.services.map((s) => s.id),
		),
		name: device.name,
		state: device.state,
		online: device.state === 'active',
		hardwareId: device.hardwareId,
		device: null,
		services: (args: ServicesArgs) =>
			filterServices(device.services, args).map((s) => serviceView(scope, device, s)),
	};
}

/** GraphQL `connect` result (remote.it's `Connection`); port is null and url https://… for reverse proxies. */
export function connectionView(scope: Scope, connection: ConnectionRecord): View {
	return {
		id: connection.id,
		host: connection.host,
		port: connection.port,
		reverseProxy: connection.kind === 'reverse',
		url: proxyString(connection, false),
		created: new Date(connection.createdAtMs).toISOString(),
		timeout: connection.timeoutSeconds,
		// Resolved only when asked for: it reads every session of the account.
		session: () => sessionsOf(scope).find((s) => s.id === connection.id)?.view ?? null,
	};
}

interface SessionEntry {
	id: string;
	serviceId: string;
	view: View;
}

function sessionView(
	scope: Scope,
	id: string,
	timestampMs: number,
	email: string,
	proxy: boolean,
	device: DeviceRecord,
	service: ServiceRecord,
): SessionEntry {
	const timestamp = new Date(timestampMs).toISOString();
	return {
		id,
		serviceId: service.id,
		view: {
			id,
			timestamp,
			state: 'connected',
			connected: true,
			source: proxy ? 'EXTERNAL' : 'INTERNAL',
			address: null,
			user: userReference(scope, email),
			target: serviceReference(scope, device, service),
			endpoint: {
				id,
				timestamp,
				proxy,
				externalAddress: null,
				platform: null,
				manufacturer: null,
				geo: null,
			},
		},
	};
}

/**
 * `login.sessions`: the user's own proxy connections (session id = connection id, as remote.it's desktop app
 * assumes) and the sessions the seed gives other people on the user's services.
 */
export function sessionsOf(scope: Scope): SessionEntry[] {
	const { accounts, connections } = scope.emulator;
	const own = connections.active(scope.user.email).flatMap((c) => {
		const found = accounts.findService(scope.user, c.serviceId);
		return found
			? [
					sessionView(
						scope,
						c.id,
						c.createdAtMs,
						scope.user.email,
						true,
						found.device,
						found.service,
					),
				]
			: [];
	});
	const others = scope.user.devices.flatMap((device) =>
		device.services.flatMap((service) =>
			(service.sessions ?? []).map((s, i) =>
				sessionView(
					scope,
					idFor(`${service.id}/${s.email}/${i}`).toUpperCase(),
					device.lastReported.getTime(),
					s.email,
					s.proxy,
					device,
					service,
				),
			),
		),
	);
	return [...own, ...others];
}

const EVENT_TYPENAMES: Record<string, string> = {
	DEVICE_STATE: 'DeviceStateEvent',
	DEVICE_CONNECT: 'DeviceConnectEvent',
	DEVICE_SHARE: 'DeviceShareEvent',
};

/** remote.it's `LogEvent`: `target` is a list of ServiceReference; `__typename` picks the fragment type. */
export function eventView(scope: Scope, event: EventRecord): View {
	const found = scope.emulator.accounts.findService(scope.user, event.targetId);
	const target = found
		? [serviceReference(scope, found.device, found.service)]
		: [{ id: event.targetId, name: event.targetName }];
	const person = userReference(scope, event.ownerEmail);
	return {
		__typename: EVENT_TYPENAMES[event.type] ?? 'GenericEvent',
		id: event.id,
		type: event.type,
		state: event.state,
		action: null,
		timestamp: new Date(event.timestampMs).toISOString(),
		actor: person,
		owner: person,
		users: [person],
		target,
		devices: target,
		services: target,
		...(event.type === 'DEVICE_CONNECT'
			? { session: event.sessionId ?? null, proxy: true, source: 'EXTERNAL' }
			: {}),
	};
}

export function eventPage(scope: Scope, args: EventsArgs, targetIds?: string[]): View {
	const page = filterEvents(scope.emulator.accounts.eventsOf(scope.user.email), args, targetIds);
	return { ...page, last: null, items: page.items.map((e) => eventView(scope, e)) };
}
