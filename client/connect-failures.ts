/**
 * remote.it publishes no wording for a failed connect or disconnect (docs/remoteit-api.md §6), so a generic
 * failure (API_ERROR) is explained by asking remote.it itself; otherwise it stands as it came.
 */
import { sameId } from './connection-reuse';
import {
	deviceOfflineMessage,
	RemoteItDeviceOfflineError,
	RemoteItError,
	RemoteItNotFoundError,
} from './errors';
import { callGraphql, QUERIES } from './graphql';
import { isPlainObject, textOf } from './json-values';
import type { ApiContext } from './api-context';
import { listActiveConnections } from './active-connections';

/** A refused connect: the service is unknown to this account, or its device is offline. */
export async function explainConnectFailure(
	context: ApiContext,
	serviceId: string,
	error: unknown,
): Promise<unknown> {
	if (!(error instanceof RemoteItError) || error.code !== 'API_ERROR') return error;
	let data: unknown;
	try {
		data = await callGraphql(context, QUERIES.serviceState, { id: [serviceId] });
	} catch {
		return error;
	}
	const found =
		isPlainObject(data) && isPlainObject(data.login) && Array.isArray(data.login.service)
			? data.login.service.filter(isPlainObject)
			: [];
	const reason = error.reason ?? error.message;
	const details = { reason: error.reason, status: error.status, cause: error };
	if (found.length === 0) {
		return new RemoteItNotFoundError(
			`This remote.it account has no service ${serviceId} (remote.it said: ${reason}). Check the id.`,
			details,
		);
	}
	const device = isPlainObject(found[0].device) ? found[0].device : {};
	if (found[0].online === false || device.online === false) {
		const names = { device: textOf(device.name), service: textOf(found[0].name) };
		return new RemoteItDeviceOfflineError(deviceOfflineMessage(names), details);
	}
	return error;
}

/** A refused disconnect of a connection the account no longer lists is a NOT_FOUND, whatever remote.it's wording. */
export async function explainDisconnectFailure(
	context: ApiContext,
	connectionId: string,
	error: unknown,
): Promise<unknown> {
	if (!(error instanceof RemoteItError) || error.code !== 'API_ERROR') return error;
	try {
		if ((await listActiveConnections(context)).some((s) => sameId(s.id, connectionId)))
			return error;
	} catch {
		return error;
	}
	return new RemoteItNotFoundError(
		`This remote.it account has no live connection ${connectionId}; it may already have ended (remote.it said: ${error.reason ?? error.message}).`,
		{ reason: error.reason, status: error.status, cause: error },
	);
}
