/**
 * remoteit-connect: opens a remote.it proxy to a service and puts the connection object (design.md, "The
 * connection object") in msg.payload, keeping every other property of the incoming message.
 */
import type { AccessMode, ConnectOptions, Connection, ProxyType } from '../../client';
import { accountClient, showAccountProblem } from './account-node';
import { handleMessages } from './input-handler';
import { describeProperty, evaluateProperty, serviceReferenceFrom, type TypedProperty } from './message-values';
import type { NodeDefinition, NodeRedRuntime, RuntimeNode } from './node-red-api';

interface ConnectDefinition extends NodeDefinition {
  account?: string;
  /** TypedInput: msg.payload by default; a picked service is stored as a `str` service id. */
  service?: string;
  serviceType?: string;
  accessMode?: AccessMode;
  hostIp?: string;
  proxyType?: ProxyType;
  reuse?: boolean;
  waitReachable?: boolean;
  /** Seconds. */
  reachableTimeout?: number | string;
}

export = function registerRemoteItConnect(RED: NodeRedRuntime): void {
  function RemoteItConnectNode(this: RuntimeNode, definition: ConnectDefinition): void {
    RED.nodes.createNode(this, definition);
    const service: TypedProperty = { value: definition.service || 'payload', type: definition.serviceType || 'msg' };
    const options = connectOptionsFrom(definition);
    showAccountProblem(RED, this, definition.account);

    handleMessages(this, 'connecting…', async (msg, send) => {
      const client = accountClient(RED, definition.account);
      const value = await evaluateProperty(RED, this, service, msg);
      const reference = serviceReferenceFrom(value, describeProperty(service, 'service'));
      // An id never contains "/", a "device name/service name" pair always does: only names need a lookup.
      const serviceId = reference.includes('/') ? (await client.findService(reference)).service.id : reference;
      const connection = await client.connect(serviceId, options);
      msg.payload = connection;
      send(msg);
      return endpointOf(connection);
    });
  }

  RED.nodes.registerType('remoteit-connect', RemoteItConnectNode);
};

function connectOptionsFrom(definition: ConnectDefinition): ConnectOptions {
  const accessMode = definition.accessMode ?? 'latching';
  const options: ConnectOptions = {
    accessMode,
    proxyType: definition.proxyType ?? 'auto',
    reuse: definition.reuse === true,
  };
  if (definition.waitReachable === true) {
    options.waitUntilReachable = true;
    options.reachableTimeoutMs = Math.round(Number(definition.reachableTimeout ?? 30) * 1000);
  }
  if (accessMode === 'restricted') options.hostIp = definition.hostIp?.trim() ?? '';
  return options;
}

function endpointOf(connection: Connection): string {
  return connection.port === null ? connection.host : `${connection.host}:${connection.port}`;
}
