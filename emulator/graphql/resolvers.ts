/** Root values for the schema: `applicationTypes` and `login` for queries; connect, disconnect and tag mutations. */
import { GraphQLError } from 'graphql';
import type { ProxyKind } from '../connections';
import type { ConnectProblem } from '../open-connection';
import { closeConnection, openConnection } from '../open-connection';
import { APPLICATION_TYPES } from '../application-types';
import { tagMutations } from './tag-mutations';
import type { DevicesArgs, EventsArgs } from './filters';
import { filterDevices } from './filters';
import type { Scope } from './views';
import { connectionView, deviceView, eventPage, serviceView, sessionsOf } from './views';

export type GraphQLContext = Scope;

function userView(scope: Scope): Record<string, unknown> {
	const { user } = scope;
	const view: Record<string, unknown> = {
		id: user.guid,
		email: user.email,
		created: user.devices[0]?.createdAt.toISOString() ?? null,
		// Only the caller's own account exists here; remote.it's `account(id)` also opens organisations and shares.
		account: (args: { id?: string | null; email?: string | null }) =>
			(args.id == null || args.id === user.guid) &&
			(args.email == null || args.email.toLowerCase() === user.email)
				? view
				: null,
		devices: (args: DevicesArgs) => {
			const page = filterDevices(user.devices, args);
			return { ...page, last: null, items: page.items.map((d) => deviceView(scope, d)) };
		},
		device: (args: { id: string[] }) => {
			const ids = args.id.map((id) => id.trim().toUpperCase());
			return user.devices.filter((d) => ids.includes(d.id)).map((d) => deviceView(scope, d));
		},
		service: (args: { id: string[] }) =>
			args.id.flatMap((id) => {
				const found = scope.emulator.accounts.findService(user, id);
				return found ? [serviceView(scope, found.device, found.service)] : [];
			}),
		endpoints: (args: { id?: string[] | null; state?: string | null }) =>
			user.devices
				.flatMap((device) =>
					device.services.map(
						(service) => serviceView(scope, device, service).endpoint as Record<string, unknown>,
					),
				)
				.filter(
					(e) =>
						(!args.id || args.id.map((id) => id.toUpperCase()).includes(String(e.id))) &&
						(!args.state || e.state === args.state),
				),
		sessions: () => sessionsOf(scope).map((s) => s.view),
		tags: () =>
			[...user.tags]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((tag) => ({ name: tag.name, color: tag.color, created: tag.createdAt.toISOString() })),
		events: (args: EventsArgs) => eventPage(scope, args),
		applicationTypes: () => APPLICATION_TYPES,
	};
	return view;
}

/** Emulator-defined texts: remote.it's own GraphQL error wording is not published (emulator/README.md). */
const CONNECT_ERRORS: Record<ConnectProblem, string> = {
	'bad-address': 'Invalid serviceId: expected 8 colon-separated hex octets',
	'unknown-service': 'Service not found',
	'foreign-device': 'Device not found',
	offline: 'Cannot connect: the device is inactive (offline)',
	'bad-host-ip': 'Invalid hostIP: expected an IPv4 address',
};

const PROXY_TYPES: Record<string, ProxyKind | undefined> = {
	AUTO_PROXY: undefined,
	PORT_PROXY: 'port',
	REVERSE_PROXY: 'reverse',
};

async function connect(args: { serviceId: string; hostIP: string; type: string }, scope: Scope) {
	const outcome = await openConnection(
		scope.emulator,
		scope.user,
		args.serviceId,
		args.hostIP,
		PROXY_TYPES[args.type],
		{ concurrent: false },
	);
	if (!outcome.ok) throw new GraphQLError(CONNECT_ERRORS[outcome.problem]);
	return connectionView(scope, outcome.connection);
}

function disconnect(
	args: { serviceId?: string | null; connectionId: string },
	scope: Scope,
): boolean {
	const closed = closeConnection(
		scope.emulator,
		scope.user,
		args.connectionId,
		args.serviceId ?? undefined,
	);
	if (!closed) throw new GraphQLError('Connection not found');
	return true;
}

export const rootValue = {
	applicationTypes: () => APPLICATION_TYPES,
	login: (_args: unknown, scope: Scope) => userView(scope),
	connect,
	disconnect,
	...tagMutations,
};
