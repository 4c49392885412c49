/**
 * Proxy connections: host/port allocation, the three proxy forms, replacement of a user's earlier
 * connection to the same service, and expiry by the emulator clock (contract sections 2, 3 and 5).
 */
import type { EmulatorClock } from './clock';
import { newConnectionId, newProxyCluster, newProxyPort, newReverseProxyLabel } from './random-ids';
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
  /** proxyNN.rt3.io for port proxies, <label>.pNN.rt3.io for reverse proxies. */
  host: string;
  /** null for reverse proxies. */
  port: number | null;
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

  constructor(
    private readonly clock: EmulatorClock,
    private readonly timeoutSeconds: number,
  ) {}

  /** Opens a proxy; unless `concurrent`, an earlier live connection of the same user to the same service is replaced. */
  open(ownerEmail: string, device: DeviceRecord, service: ServiceRecord, kind: ProxyKind, hostIp: string, concurrent = false): { connection: ConnectionRecord; replaced?: ConnectionRecord } {
    const replaced = concurrent ? undefined : this.active(ownerEmail).find((c) => c.serviceId === service.id);
    if (replaced) this.remove(replaced.id);
    const cluster = newProxyCluster();
    const connection: ConnectionRecord = {
      id: newConnectionId(),
      ownerEmail,
      serviceId: service.id,
      serviceName: service.name,
      deviceId: device.id,
      deviceName: device.name,
      application: service.application,
      kind,
      host: kind === 'reverse' ? `${newReverseProxyLabel()}.p${cluster}.rt3.io` : `proxy${cluster}.rt3.io`,
      port: kind === 'reverse' ? null : this.freePort(),
      hostIp: kind === 'reverse' ? PUBLIC_HOST_IP : hostIp,
      createdAtMs: this.clock.nowMs(),
      timeoutSeconds: this.timeoutSeconds,
    };
    this.connections.push(connection);
    return { connection, replaced };
  }

  /** Live connections (not yet expired by the emulator clock), all users when no owner is given. */
  active(ownerEmail?: string): ConnectionRecord[] {
    const now = this.clock.nowMs();
    this.connections = this.connections.filter((c) => c.createdAtMs + c.timeoutSeconds * 1000 > now);
    return ownerEmail === undefined ? [...this.connections] : this.connections.filter((c) => c.ownerEmail === ownerEmail);
  }

  find(ownerEmail: string, connectionId: string): ConnectionRecord | undefined {
    const id = connectionId.trim().toUpperCase();
    return this.active(ownerEmail).find((c) => c.id === id);
  }

  remove(connectionId: string): void {
    this.connections = this.connections.filter((c) => c.id !== connectionId);
  }

  clear(): void {
    this.connections = [];
  }

  private freePort(): number {
    const used = new Set(this.active().map((c) => c.port));
    for (;;) {
      const port = newProxyPort();
      if (!used.has(port)) return port;
    }
  }
}

/** The `proxy` string remote.it returns: port proxy, reverse proxy, or the legacy RDP/VNC launch URL. */
export function proxyString(connection: ConnectionRecord, legacyLaunchUrl: boolean): string {
  if (connection.kind === 'reverse') return `https://${connection.host}`;
  if (legacyLaunchUrl) return `http://${connection.host}/rdp/rdp.php?port=${connection.port}`;
  return `http://${connection.host}:${connection.port}`;
}

export function expiresAtMs(connection: ConnectionRecord): number {
  return connection.createdAtMs + connection.timeoutSeconds * 1000;
}
