/**
 * Proxy connections: the three proxy forms, replacement of a user's earlier connection to the same service, and
 * expiry by the emulator clock (docs/remoteit-api.md §2, §3, §5). Each one is a real loopback listener
 * (proxy/proxy-listeners.ts), so its host is 127.0.0.1 instead of remote.it's proxyNN.rt3.io.
 */
import type { EmulatorClock } from './clock';
import { ProxyListeners } from './proxy/proxy-listeners';
import { targetOf } from './proxy/responders';
import { newConnectionId } from './random-ids';
import type { DeviceRecord, ServiceRecord } from './state-types';

export const LATCHING_HOST_IP = '255.255.255.255';
export const PUBLIC_HOST_IP = '0.0.0.0';

export type ProxyKind = 'port' | 'reverse';

export interface ConnectionRecord {
	id: string;
	ownerEmail: string;
	serviceId: string;
	serviceName: string;
	deviceId: string;
	deviceName: string;
	application: number;
	kind: ProxyKind;
	/** 127.0.0.1: the listener that carries the proxy's traffic. */
	host: string;
	/** null for reverse proxies (their URL carries the listener's port). */
	port: number | null;
	listenPort: number;
	hostIp: string;
	createdAtMs: number;
	timeoutSeconds: number;
}

/** HTTP (7) and HTTPS (8) services get reverse proxies unless a port proxy is asked for. */
export function defaultProxyKind(application: number): ProxyKind {
	return application === 7 || application === 8 ? 'reverse' : 'port';
}

export class ConnectionStore {
	private connections: ConnectionRecord[] = [];
	private readonly proxies = new ProxyListeners();

	constructor(
		private readonly clock: EmulatorClock,
		private readonly timeoutSeconds: number,
		private readonly deviceServices: Record<string, string> = {},
	) {}

	/** Opens a proxy; unless `concurrent`, an earlier live connection of the same user to the same service is replaced. */
	async open(
		ownerEmail: string,
		device: DeviceRecord,
		service: ServiceRecord,
		kind: ProxyKind,
		hostIp: string,
		concurrent = false,
	): Promise<{ connection: ConnectionRecord; replaced?: ConnectionRecord }> {
		const replaced = concurrent
			? undefined
			: this.active(ownerEmail).find((c) => c.serviceId === service.id);
		if (replaced) this.remove(replaced.id);
		const connection: ConnectionRecord = {
			id: newConnectionId(),
			ownerEmail,
			serviceId: service.id,
			serviceName: service.name,
			deviceId: device.id,
			deviceName: device.name,
			application: service.application,
			kind,
			host: '127.0.0.1',
			port: null,
			listenPort: 0,
			hostIp: kind === 'reverse' ? PUBLIC_HOST_IP : hostIp,
			createdAtMs: this.clock.nowMs(),
			timeoutSeconds: this.timeoutSeconds,
		};
		connection.listenPort = await this.proxies.open(connection.id, {
			hostIp: connection.hostIp,
			target: targetOf(service.target, service.application, this.deviceServices),
			deviceName: device.name,
			serviceName: service.name,
			isLive: () =>
				this.connections.includes(connection) && expiresAtMs(connection) > this.clock.nowMs(),
		});
		if (kind === 'port') connection.port = connection.listenPort;
		this.connections.push(connection);
		return { connection, replaced };
	}

	/** Live connections (not yet expired by the emulator clock), all users when no owner is given. */
	active(ownerEmail?: string): ConnectionRecord[] {
		const now = this.clock.nowMs();
		for (const c of this.connections) if (expiresAtMs(c) <= now) this.proxies.close(c.id);
		this.connections = this.connections.filter((c) => expiresAtMs(c) > now);
		return ownerEmail === undefined
			? [...this.connections]
			: this.connections.filter((c) => c.ownerEmail === ownerEmail);
	}

	find(ownerEmail: string, connectionId: string): ConnectionRecord | undefined {
		const id = connectionId.trim().toUpperCase();
		return this.active(ownerEmail).find((c) => c.id === id);
	}

	remove(connectionId: string): void {
		this.proxies.close(connectionId);
		this.connections = this.connections.filter((c) => c.id !== connectionId);
	}

	/** Closes every connection and its listener (reset, emulator shutdown). */
	clear(): void {
		this.proxies.closeAll();
		this.connections = [];
	}
}

/**
 * The `proxy` string remote.it returns: port proxy, reverse proxy, or the legacy RDP (5) / VNC (4) launch URL.
 * remote.it's reverse proxies are https://<label>.pNN.rt3.io; the emulator's is plain HTTP on its loopback port.
 */
export function proxyString(connection: ConnectionRecord, legacyLaunchUrl: boolean): string {
	if (connection.kind === 'reverse') return `http://${connection.host}:${connection.listenPort}`;
	if (legacyLaunchUrl) {
		const page = connection.application === 4 ? 'vnc/vnc.php' : 'rdp/rdp.php';
		return `http://${connection.host}/${page}?port=${connection.port}`;
	}
	return `http://${connection.host}:${connection.port}`;
}

export function expiresAtMs(connection: ConnectionRecord): number {
	return connection.createdAtMs + connection.timeoutSeconds * 1000;
}
