/**
 * remoteit-devices: lists the account's devices (with their services), filtered by name and online state,
 * as one array in msg.payload or as one message per device (with msg.parts, so a join node can rebuild it).
 */
import { RemoteItValidationError, type Device, type ListDevicesOptions } from '../../client';
import { accountClient, showAccountProblem } from './account-node';
import { handleMessages } from './input-handler';
import type { NodeDefinition, NodeMessage, NodeRedRuntime, RuntimeNode } from './node-red-api';

type StateFilter = 'all' | 'online' | 'offline';

interface DevicesDefinition extends NodeDefinition {
  account?: string;
  /** Case-insensitive part of the device name. */
  nameFilter?: string;
  state?: StateFilter;
  /** How many devices at most; 0 lists them all. */
  limit?: number | string;
  output?: 'array' | 'split';
}

export = function registerRemoteItDevices(RED: NodeRedRuntime): void {
  function RemoteItDevicesNode(this: RuntimeNode, definition: DevicesDefinition): void {
    RED.nodes.createNode(this, definition);
    const splitOutput = definition.output === 'split';
    showAccountProblem(RED, this, definition.account);

    handleMessages(this, 'listing devices…', async (msg, send) => {
      const client = accountClient(RED, definition.account);
      const devices = await client.listDevices(listOptionsFrom(definition));
      if (splitOutput) {
        if (devices.length > 0) send([onePerDevice(RED, msg, devices)]);
      } else {
        msg.payload = devices;
        send(msg);
      }
      return devices.length === 1 ? '1 device' : `${devices.length} devices`;
    });
  }

  RED.nodes.registerType('remoteit-devices', RemoteItDevicesNode);
};

function listOptionsFrom(definition: DevicesDefinition): ListDevicesOptions {
  const options: ListDevicesOptions = {};
  const name = definition.nameFilter?.trim();
  if (name) options.name = name;
  // "online" is remote.it's device state `active` (docs/remoteit-api.md §3, `devices(state:)`).
  if (definition.state === 'online') options.state = 'active';
  if (definition.state === 'offline') options.state = 'inactive';
  const limit = limitFrom(definition.limit);
  if (limit === 0) options.returnAll = true;
  else options.limit = limit;
  return options;
}

function limitFrom(value: number | string | undefined): number {
  if (value === undefined || value === '') return 50;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RemoteItValidationError('limit', 'remote.it devices: Limit must be a whole number, 0 for all devices');
  }
  return limit;
}

/** Like the core split node: each copy keeps the input's properties and says where it belongs. */
function onePerDevice(RED: NodeRedRuntime, msg: NodeMessage, devices: Device[]): NodeMessage[] {
  return devices.map((device, index) => {
    const copy = RED.util.cloneMessage(msg);
    copy.payload = device;
    copy.parts = { id: msg._msgid, type: 'array', index, count: devices.length, len: 1 };
    return copy;
  });
}
