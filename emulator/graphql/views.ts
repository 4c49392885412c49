/** Plain objects the default field resolver walks; functions are resolved lazily with their arguments. */
import { applicationTitle } from '../application-types';
import type { ConnectionRecord } from '../connections';
import { proxyString } from '../connections';
import { isServiceOnline } from '../state';
import type { DeviceRecord, EventRecord, ServiceRecord } from '../state-types';

export interface DeviceView {
  id: string;
  name: string;
  state: string;
  online: boolean;
  hardwareId: string;
  lastReported: string;
  created: string;
  owner: { email: string };
  services: () => ServiceView[];
}

export interface ServiceView {
  id: string;
  name: string;
  state: string;
  online: boolean;
  application: number;
  title: string;
  port: number;
  device: () => DeviceView;
}

export function deviceView(device: DeviceRecord): DeviceView {
  return {
    id: device.id,
    name: device.name,
    state: device.state,
    online: device.state === 'active',
    hardwareId: device.hardwareId,
    lastReported: device.lastReported.toISOString(),
    created: device.createdAt.toISOString(),
    owner: { email: device.ownerEmail },
    services: () => device.services.map((service) => serviceView(device, service)),
  };
}

export function serviceView(device: DeviceRecord, service: ServiceRecord): ServiceView {
  const online = isServiceOnline(device, service);
  return {
    id: service.id,
    name: service.name,
    state: online ? 'active' : 'inactive',
    online,
    application: service.application,
    title: applicationTitle(service.application),
    port: service.port,
    device: () => deviceView(device),
  };
}

/** GraphQL `connect` result: port is null and url is https://… for reverse proxies (contract section 3). */
export function connectionView(connection: ConnectionRecord): Record<string, unknown> {
  return {
    id: connection.id,
    host: connection.host,
    port: connection.port,
    reverseProxy: connection.kind === 'reverse',
    url: proxyString(connection, false),
    hostIP: connection.hostIp,
    created: new Date(connection.createdAtMs).toISOString(),
    timeout: connection.timeoutSeconds,
  };
}

export function sessionView(connection: ConnectionRecord, target: ServiceView): Record<string, unknown> {
  return {
    id: connection.id,
    timestamp: new Date(connection.createdAtMs).toISOString(),
    target,
    endpoint: {
      proxy: proxyString(connection, false),
      host: connection.host,
      port: connection.port,
      reverseProxy: connection.kind === 'reverse',
      hostIP: connection.hostIp,
      timeout: connection.timeoutSeconds,
    },
  };
}

export function eventView(event: EventRecord): Record<string, unknown> {
  return {
    id: event.id,
    type: event.type,
    state: event.state,
    timestamp: new Date(event.timestampMs).toISOString(),
    target: { id: event.targetId, name: event.targetName },
  };
}
