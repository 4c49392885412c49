/** The connect rules both APIs share: address, ownership, online state, access mode (docs/remoteit-api.md §2, §3, §5). */
import type { EmulatorContext } from './runtime';
import type { ConnectionRecord, ProxyKind } from './connections';
import { defaultProxyKind, LATCHING_HOST_IP } from './connections';
import { isServiceOnline } from './state';
import type { UserRecord } from './state-types';

export const SERVICE_ADDRESS = /^[0-9A-F]{2}(:[0-9A-F]{2}){7}$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export type ConnectProblem =
	'bad-address' | 'unknown-service' | 'foreign-device' | 'offline' | 'bad-host-ip';

export type ConnectOutcome =
	| { ok: true; connection: ConnectionRecord; replaced?: ConnectionRecord }
	| { ok: false; problem: ConnectProblem };

/** 255.255.255.255 latching (default), 0.0.0.0 public, any other IPv4 restricted to that source. */
export function normaliseHostIp(hostIp: string | undefined): string | undefined {
	const value = (hostIp ?? '').trim();
	if (value === '') return LATCHING_HOST_IP;
	return IPV4.test(value) ? value : undefined;
}

function ownedByAnotherUser(
	context: EmulatorContext,
	user: UserRecord,
	serviceId: string,
): boolean {
	return context.accounts.users.some(
		(other) => other !== user && context.accounts.findService(other, serviceId) !== undefined,
	);
}

/** `concurrent`: keep the user's earlier connections to the service (REST body field; remoteit/sdk-go contracts/proxy.go). */
export async function openConnection(
	context: EmulatorContext,
	user: UserRecord,
	serviceId: string,
	hostIpSent: string | undefined,
	kind: ProxyKind | undefined,
	options: { concurrent: boolean },
): Promise<ConnectOutcome> {
	const address = serviceId.trim();
	if (!SERVICE_ADDRESS.test(address)) return { ok: false, problem: 'bad-address' };
	const found = context.accounts.findService(user, address);
	if (!found)
		return {
			ok: false,
			problem: ownedByAnotherUser(context, user, address) ? 'foreign-device' : 'unknown-service',
		};
	if (!isServiceOnline(found.device, found.service)) return { ok: false, problem: 'offline' };
	const hostIp = normaliseHostIp(hostIpSent);
	if (hostIp === undefined) return { ok: false, problem: 'bad-host-ip' };
	const opened = await context.connections.open(
		user.email,
		found.device,
		found.service,
		kind ?? defaultProxyKind(found.service.application),
		hostIp,
		options.concurrent,
	);
	context.accounts.recordEvent(
		user.email,
		'DEVICE_CONNECT',
		'connected',
		found.service,
		undefined,
		opened.connection.id,
	);
	return { ok: true, ...opened };
}

export function closeConnection(
	context: EmulatorContext,
	user: UserRecord,
	connectionId: string,
	serviceId?: string,
): ConnectionRecord | undefined {
	const connection = context.connections.find(user.email, connectionId);
	if (!connection) return undefined;
	if (serviceId && serviceId.trim().toUpperCase() !== connection.serviceId) return undefined;
	context.connections.remove(connection.id);
	context.accounts.recordEvent(
		user.email,
		'DEVICE_CONNECT',
		'disconnected',
		{ id: connection.serviceId, name: connection.serviceName },
		undefined,
		connection.id,
	);
	return connection;
}
