/** POST /apv/v27/device/connect and /device/connect/stop (docs/remoteit-api.md §2). */
import type { ConnectionRecord } from '../connections';
import { proxyString } from '../connections';
import type { EmulatorContext } from '../runtime';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import type { ConnectProblem } from '../open-connection';
import { closeConnection, openConnection } from '../open-connection';
import { parseRestBody, restCaller, restFailure, restSuccess, stringField } from './rest-protocol';

const PROBLEM_REASONS: Record<ConnectProblem, string> = {
	'bad-address': 'bad device address',
	'unknown-service': '[0861] Unable to find the service for this device address',
	'foreign-device': '[0806] Device not found',
	// remote.it's wording is undocumented here (docs/remoteit-api.md §2, [inferred]); it names both words.
	offline: 'device is inactive (offline); it must be online to connect',
	'bad-host-ip': 'hostip must be an IPv4 address',
};

/** remote.it's own timestamp format, e.g. "1/15/2021T6:20 PM" (UTC). */
export function formatRequested(date: Date): string {
	const hours = date.getUTCHours();
	const hour12 = hours % 12 === 0 ? 12 : hours % 12;
	const minutes = String(date.getUTCMinutes()).padStart(2, '0');
	return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}T${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

function connectionFields(
	connection: ConnectionRecord,
	replaced: ConnectionRecord | undefined,
): Record<string, unknown> {
	// RDP (5) and VNC (4) services answer with the legacy launch URL that carries the port in the query.
	const proxy = proxyString(
		connection,
		connection.application === 4 || connection.application === 5,
	);
	const fields: Record<string, unknown> = {
		deviceaddress: connection.serviceId,
		expirationsec: String(connection.timeoutSeconds),
		proxy,
		connectionid: connection.id,
		proxyserver: connection.host,
		proxyport: String(connection.port ?? connection.listenPort),
		requested: formatRequested(new Date(connection.createdAtMs)),
		status: 'running',
		// A JSON boolean, as in remote.it's Go SDK sample answer (remoteit/sdk-go:contracts/proxy.go).
		reverseProxy: connection.kind === 'reverse',
	};
	// previousConnection holds the replaced connection's proxy URL (docs/remoteit-api.md §2).
	if (replaced)
		Object.assign(fields, {
			connectionOverridden: 'true',
			previousConnection: proxyString(replaced, false),
		});
	return fields;
}

export async function handleConnect(
	request: EmulatorRequest,
	context: EmulatorContext,
): Promise<ApiResponse> {
	const caller = restCaller(request, context);
	if ('refusal' in caller) return caller.refusal;
	const body = parseRestBody(request.body);
	const address = body && stringField(body, 'deviceaddress');
	if (!address) return { ...restFailure(PROBLEM_REASONS['bad-address']), log: caller.log };
	// The Go SDK sends `concurrent` as a JSON boolean (remoteit/sdk-go:contracts/proxy.go); "true" is accepted too.
	const concurrent = body.concurrent === true || body.concurrent === 'true';
	const outcome = await openConnection(
		context,
		caller.user,
		address,
		stringField(body, 'hostip'),
		undefined,
		{ concurrent },
	);
	if (!outcome.ok) return { ...restFailure(PROBLEM_REASONS[outcome.problem]), log: caller.log };
	const connection = connectionFields(outcome.connection, outcome.replaced);
	// Top-level `wait` is a JSON boolean in remote.it's sample answer (remoteit/sdk-go:contracts/proxy.go).
	return {
		...restSuccess({ connection, wait: true, connectionid: outcome.connection.id }),
		log: caller.log,
	};
}

export function handleConnectStop(request: EmulatorRequest, context: EmulatorContext): ApiResponse {
	const caller = restCaller(request, context);
	if ('refusal' in caller) return caller.refusal;
	const body = parseRestBody(request.body);
	const connectionId = body && stringField(body, 'connectionid');
	if (!connectionId) return { ...restFailure('missing connectionid'), log: caller.log };
	const closed = closeConnection(
		context,
		caller.user,
		connectionId,
		stringField(body, 'deviceaddress'),
	);
	if (!closed)
		return {
			...restFailure('connection not found (it may have expired or been replaced)'),
			log: caller.log,
		};
	return { ...restSuccess({ connectionid: closed.id }), log: caller.log };
}
