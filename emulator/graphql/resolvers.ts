/** Root values for the schema: `login` for queries, `connect`/`disconnect` mutations (contract section 3). */
import { GraphQLError } from 'graphql';
import type { ProxyKind } from '../connections';
import type { EmulatorContext } from '../context';
import type { ConnectProblem } from '../open-connection';
import { closeConnection, openConnection } from '../open-connection';
import type { DeviceRecord, EventType, UserRecord } from '../state-types';
import { pageOf } from './paging';
import type { DeviceView } from './views';
import { connectionView, deviceView, eventView, serviceView, sessionView } from './views';

export interface GraphQLContext {
  emulator: EmulatorContext;
  user: UserRecord;
}

interface DevicesArgs { size?: number | null; from?: number | null; name?: string | null; state?: string | null; sort?: string | null }
interface EventsArgs { size?: number | null; from?: number | null; minDate?: string | null; maxDate?: string | null; types?: EventType[] | null }

const SORTS: Record<string, (a: DeviceRecord, b: DeviceRecord) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  state: (a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name),
  lastReported: (a, b) => a.lastReported.getTime() - b.lastReported.getTime(),
};

function sortDevices(devices: DeviceRecord[], sort: string | null | undefined): DeviceRecord[] {
  const key = (sort ?? 'name').replace(/^-/, '');
  const compare = SORTS[key];
  if (!compare) throw new GraphQLError(`Unknown sort "${sort}"; use one of ${Object.keys(SORTS).join(', ')} (prefix - for descending)`);
  const sorted = [...devices].sort(compare);
  return sort?.startsWith('-') ? sorted.reverse() : sorted;
}

function devices(user: UserRecord, args: DevicesArgs) {
  if (args.state != null && args.state !== 'active' && args.state !== 'inactive') throw new GraphQLError('state must be "active" or "inactive"');
  const name = args.name?.toLowerCase();
  const matching = user.devices.filter((d) => (!name || d.name.toLowerCase().includes(name)) && (args.state == null || d.state === args.state));
  const page = pageOf(sortDevices(matching, args.sort), args.from, args.size);
  return { ...page, items: page.items.map(deviceView) };
}

function parseDateArg(value: string | null | undefined, name: string): number | undefined {
  if (value == null) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new GraphQLError(`${name} must be an ISO date`);
  return ms;
}

function events(context: GraphQLContext, args: EventsArgs) {
  const min = parseDateArg(args.minDate, 'minDate');
  const max = parseDateArg(args.maxDate, 'maxDate');
  const matching = context.emulator.accounts
    .eventsOf(context.user.email)
    .filter((e) => (min === undefined || e.timestampMs >= min) && (max === undefined || e.timestampMs <= max))
    .filter((e) => !args.types || args.types.includes(e.type));
  const page = pageOf(matching, args.from, args.size);
  return { ...page, items: page.items.map(eventView) };
}

function sessions(context: GraphQLContext) {
  return context.emulator.connections.active(context.user.email).flatMap((connection) => {
    const found = context.emulator.accounts.findService(context.user, connection.serviceId);
    return found ? [sessionView(connection, serviceView(found.device, found.service))] : [];
  });
}

function login(_args: unknown, context: GraphQLContext) {
  const { user } = context;
  return {
    id: user.guid,
    email: user.email,
    devices: (args: DevicesArgs) => devices(user, args),
    device: (args: { id: string[] }): DeviceView[] => {
      const ids = args.id.map((id) => id.trim().toUpperCase());
      return user.devices.filter((d) => ids.includes(d.id)).map(deviceView);
    },
    sessions: () => sessions(context),
    events: (args: EventsArgs) => events(context, args),
  };
}

const CONNECT_ERRORS: Record<ConnectProblem, string> = {
  'bad-address': 'Invalid serviceId: expected 8 colon-separated hex octets',
  'unknown-service': 'Service not found',
  'foreign-device': 'Device not found',
  offline: 'Cannot connect: the device is inactive (offline)',
  'bad-host-ip': 'Invalid hostIP: expected an IPv4 address',
};

const PROXY_TYPES: Record<string, ProxyKind | undefined> = { AUTO_PROXY: undefined, PORT_PROXY: 'port', REVERSE_PROXY: 'reverse' };

function connect(args: { serviceId: string; hostIP?: string | null; type?: string | null }, context: GraphQLContext) {
  const outcome = openConnection(context.emulator, context.user, args.serviceId, args.hostIP ?? undefined, PROXY_TYPES[args.type ?? 'AUTO_PROXY']);
  if (!outcome.ok) throw new GraphQLError(CONNECT_ERRORS[outcome.problem]);
  return connectionView(outcome.connection);
}

function disconnect(args: { serviceId?: string | null; connectionId: string }, context: GraphQLContext): boolean {
  const closed = closeConnection(context.emulator, context.user, args.connectionId, args.serviceId ?? undefined);
  if (!closed) throw new GraphQLError('Connection not found');
  return true;
}

export const rootValue = { login, connect, disconnect };
