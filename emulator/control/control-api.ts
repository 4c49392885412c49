/** The test-only control API under /_emulator/ (emulator/README.md); served to loopback callers only. */
import { parseFaultSpec } from '../faults';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { jsonResponse } from '../http-types';
import { expiresAtMs, proxyString } from '../connections';
import type { EmulatorRuntime } from '../runtime';

export const CONTROL_PREFIX = '/_emulator/';

type ControlHandler = (
	runtime: EmulatorRuntime,
	body: Record<string, unknown>,
	request: EmulatorRequest,
) => ApiResponse;

const ok = (fields: Record<string, unknown> = {}): ApiResponse =>
	jsonResponse(200, { ok: true, ...fields });
const bad = (message: string): ApiResponse => jsonResponse(400, { ok: false, error: message });

function setOnline(runtime: EmulatorRuntime, body: Record<string, unknown>): ApiResponse {
	if (
		typeof body.id !== 'string' ||
		body.id.length > CONTROL_LIMITS.idLength ||
		typeof body.online !== 'boolean'
	) {
		return bad('body must be {"id": "<device or service id>", "online": true|false}');
	}
	const target = runtime.context.accounts.setOnline(body.id, body.online);
	return target
		? ok({ id: body.id.toUpperCase(), target, online: body.online })
		: jsonResponse(404, { ok: false, error: `no device or service ${body.id}` });
}

function addFault(runtime: EmulatorRuntime, body: Record<string, unknown>): ApiResponse {
	const spec = parseFaultSpec(body);
	if (typeof spec === 'string') return bad(spec);
	runtime.faults.add(spec);
	return ok({ faults: runtime.faults.pending() });
}

/** Bounds on control values (emulator-defined): enough for any test, never enough to wedge the emulator. */
export const CONTROL_LIMITS = {
	latencyMs: 60_000,
	clockSeconds: 10 * 365 * 24 * 3600,
	idLength: 100,
} as const;

function setLatency(runtime: EmulatorRuntime, body: Record<string, unknown>): ApiResponse {
	if (
		typeof body.ms !== 'number' ||
		!Number.isInteger(body.ms) ||
		body.ms < 0 ||
		body.ms > CONTROL_LIMITS.latencyMs
	) {
		return bad(`body must be {"ms": <integer from 0 to ${CONTROL_LIMITS.latencyMs}>}`);
	}
	runtime.faults.latencyMs = body.ms;
	return ok({ latencyMs: body.ms });
}

function setRateLimit(runtime: EmulatorRuntime, body: Record<string, unknown>): ApiResponse {
	const perSecond = body.perSecond;
	if (
		typeof perSecond !== 'number' ||
		!Number.isInteger(perSecond) ||
		perSecond < 0 ||
		perSecond > 100000
	) {
		return bad(
			'body must be {"perSecond": <whole number of requests per second per account, 0 = no limit>}',
		);
	}
	runtime.rateLimit.perSecond = perSecond;
	return ok({ perSecond });
}

function clockState(runtime: EmulatorRuntime): ApiResponse {
	return ok({
		now: runtime.context.clock.now().toISOString(),
		offsetSeconds: runtime.context.clock.offsetSeconds,
	});
}

/** {advanceSeconds} shifts by a delta, {offsetSeconds} sets the offset, {now} sets the current instant. */
function setClock(runtime: EmulatorRuntime, body: Record<string, unknown>): ApiResponse {
	const { clock } = runtime.context;
	const seconds = (value: unknown): value is number =>
		typeof value === 'number' &&
		Number.isFinite(value) &&
		Math.abs(value) <= CONTROL_LIMITS.clockSeconds;
	const instant = typeof body.now === 'string' ? Date.parse(body.now) : Number.NaN;
	const inRange = Math.abs(instant - Date.now()) <= CONTROL_LIMITS.clockSeconds * 1000;
	if (seconds(body.advanceSeconds) && seconds(clock.offsetSeconds + body.advanceSeconds))
		clock.advance(body.advanceSeconds);
	else if (seconds(body.offsetSeconds)) clock.setOffset(body.offsetSeconds);
	else if (!Number.isNaN(instant) && inRange) clock.setNow(new Date(instant));
	else {
		return bad(
			`body must hold one of advanceSeconds (number), offsetSeconds (number) or now (ISO date), ` +
				`keeping the clock within ${CONTROL_LIMITS.clockSeconds} seconds (ten years) of real time`,
		);
	}
	return clockState(runtime);
}

function listConnections(runtime: EmulatorRuntime): ApiResponse {
	const connections = runtime.context.connections.active().map((c) => ({
		id: c.id,
		owner: c.ownerEmail,
		serviceId: c.serviceId,
		deviceId: c.deviceId,
		deviceName: c.deviceName,
		serviceName: c.serviceName,
		host: c.host,
		port: c.port,
		proxy: proxyString(c, false),
		reverseProxy: c.kind === 'reverse',
		hostIp: c.hostIp,
		createdAt: new Date(c.createdAtMs).toISOString(),
		expiresAt: new Date(expiresAtMs(c)).toISOString(),
	}));
	return ok({ connections });
}

function readRequests(
	runtime: EmulatorRuntime,
	_body: Record<string, unknown>,
	request: EmulatorRequest,
): ApiResponse {
	const requests = runtime.log.list();
	if (/[?&]clear=(1|true)\b/.test(request.target)) runtime.log.clear();
	return ok({ requests });
}

const ROUTES: Record<string, ControlHandler> = {
	'GET health': () => ok(),
	'POST reset': (runtime) => (runtime.reset(), ok()),
	'POST online': setOnline,
	'GET faults': (runtime) =>
		ok({ faults: runtime.faults.pending(), latencyMs: runtime.faults.latencyMs }),
	'POST faults': addFault,
	'DELETE faults': (runtime) => (runtime.faults.clear(), ok()),
	'POST latency': setLatency,
	'GET clock': clockState,
	'POST clock': setClock,
	'GET requests': readRequests,
	'DELETE requests': (runtime) => (runtime.log.clear(), ok()),
	'GET connections': listConnections,
	'GET traffic': (runtime) => ok({ traffic: runtime.traffic.snapshot() }),
	'DELETE traffic': (runtime) => (runtime.traffic.clear(), ok()),
	'GET rate-limit': (runtime) => ok({ perSecond: runtime.rateLimit.perSecond }),
	'POST rate-limit': setRateLimit,
	'POST tokens/expire': (runtime) => ok({ expired: runtime.context.accounts.expireAllTokens() }),
};

export function handleControl(runtime: EmulatorRuntime, request: EmulatorRequest): ApiResponse {
	const handler =
		ROUTES[
			`${request.method} ${request.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '')}`
		];
	if (!handler)
		return jsonResponse(404, {
			ok: false,
			error: `no control endpoint ${request.method} ${request.pathname}`,
		});
	let body: unknown = {};
	if (request.body.length > 0) {
		try {
			body = JSON.parse(request.body.toString('utf8'));
		} catch {
			return bad('body must be JSON');
		}
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return bad('body must be a JSON object');
	return handler(runtime, body as Record<string, unknown>, request);
}
