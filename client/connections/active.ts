/** Only the account's own proxy sessions are connections it can use or close (docs/remoteit-api.md §3). */
import { callGraphql, QUERIES } from '../wire/graphql';
import type { ApiContext } from '../wire/api';
import { isPlainObject, textOf } from '../json-values';
import type { Connection, ActiveConnection } from '../types';

function ownProxySession(
	item: Record<string, unknown>,
	accountId: string | undefined,
): ActiveConnection | undefined {
	const id = textOf(item.id);
	const target = isPlainObject(item.target) ? item.target : {};
	const serviceId = textOf(target.id);
	const device = isPlainObject(target.device) ? target.device : {};
	const userId = isPlainObject(item.user) ? textOf(item.user.id) : undefined;
	const proxy = isPlainObject(item.endpoint) && item.endpoint.proxy === true;
	if (!id || !serviceId || !proxy || !accountId || userId !== accountId) return undefined;
	return {
		id,
		serviceId: serviceId.toUpperCase(),
		serviceName: textOf(target.name) ?? '',
		deviceId: (textOf(device.id) ?? '').toUpperCase(),
		deviceName: textOf(device.name) ?? '',
		createdAt: textOf(item.timestamp) ?? '',
	};
}

/** A session carries no address: `opened` fills it in for connections this client opened. */
export async function listActiveConnections(
	context: ApiContext,
	opened: (id: string) => Connection | undefined = () => undefined,
): Promise<ActiveConnection[]> {
	const data = await callGraphql(context, QUERIES.sessions);
	const login = isPlainObject(data) && isPlainObject(data.login) ? data.login : {};
	const items = Array.isArray(login.sessions) ? login.sessions.filter(isPlainObject) : [];
	return items
		.map((item) => ownProxySession(item, textOf(login.id)))
		.filter((s): s is ActiveConnection => s !== undefined)
		.map((session) => {
			const mine = opened(session.id);
			return mine ? { ...session, proxy: mine.proxy, host: mine.host, port: mine.port } : session;
		});
}
