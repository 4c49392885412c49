/** Faults injected for the next N requests matching a path, and a fixed latency for every request. */

export type FaultKind =
	| { kind: 'status'; status: number; retryAfter?: number | string; body?: string }
	| { kind: 'delay'; delayMs: number }
	| { kind: 'drop' }
	| { kind: 'malformed' };

export type FaultSpec = FaultKind & {
	/** Exact request path (no query), or a prefix ending in "*". */
	path: string;
	/** Only this HTTP method; any method when absent. */
	method?: string;
	/** How many matching requests the fault applies to. Default 1. */
	times?: number;
};

interface ArmedFault {
	spec: FaultSpec;
	remaining: number;
}

type Json = Record<string, unknown>;

function isRetryAfter(value: unknown): boolean {
	if (typeof value === 'number')
		return Number.isInteger(value) && value >= 0 && value <= FAULT_LIMITS.retryAfterSeconds;
	return typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value));
}

function isPositiveInteger(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max;
}

/** Bounds on fault values (emulator-defined): a fault must end, and stay small. */
export const FAULT_LIMITS = {
	delayMs: 120_000,
	times: 100_000,
	retryAfterSeconds: 86_400,
	text: 65_536,
} as const;

function kindOf(body: Json): FaultKind | string {
	switch (body.kind) {
		case 'status':
			if (
				typeof body.status !== 'number' ||
				!Number.isInteger(body.status) ||
				body.status < 100 ||
				body.status > 599
			)
				return 'status must be an HTTP status code';
			if (body.retryAfter !== undefined && !isRetryAfter(body.retryAfter)) {
				return `retryAfter must be seconds (0 to ${FAULT_LIMITS.retryAfterSeconds}) or an HTTP date`;
			}
			if (
				body.body !== undefined &&
				(typeof body.body !== 'string' || body.body.length > FAULT_LIMITS.text)
			) {
				return `body must be a string of at most ${FAULT_LIMITS.text} characters`;
			}
			return {
				kind: 'status',
				status: body.status,
				retryAfter: body.retryAfter as number | string | undefined,
				body: body.body as string | undefined,
			};
		case 'delay':
			if (!isPositiveInteger(body.delayMs, FAULT_LIMITS.delayMs))
				return `delayMs must be an integer from 1 to ${FAULT_LIMITS.delayMs}`;
			return { kind: 'delay', delayMs: body.delayMs };
		case 'drop':
		case 'malformed':
			return { kind: body.kind };
		default:
			return 'kind must be one of status, delay, drop, malformed';
	}
}

/** Validates a control-API fault body; returns the spec or a one-line problem. */
export function parseFaultSpec(value: unknown): FaultSpec | string {
	if (typeof value !== 'object' || value === null) return 'fault must be a JSON object';
	const body = value as Json;
	if (typeof body.path !== 'string' || !body.path.startsWith('/') || body.path.length > 1024)
		return 'path must start with / (at most 1024 characters)';
	if (body.method !== undefined && (typeof body.method !== 'string' || body.method.length > 16))
		return 'method must be an HTTP method';
	if (body.times !== undefined && !isPositiveInteger(body.times, FAULT_LIMITS.times))
		return `times must be an integer from 1 to ${FAULT_LIMITS.times}`;
	const kind = kindOf(body);
	if (typeof kind === 'string') return kind;
	return {
		...kind,
		path: body.path,
		method: (body.method as string | undefined)?.toUpperCase(),
		times: (body.times as number | undefined) ?? 1,
	};
}

function pathMatches(pattern: string, pathname: string): boolean {
	return pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

export class FaultPlan {
	private armed: ArmedFault[] = [];
	latencyMs = 0;

	add(spec: FaultSpec): void {
		this.armed.push({ spec, remaining: spec.times ?? 1 });
	}

	/** The first armed fault matching this request, used up by one. */
	take(method: string, pathname: string): FaultKind | undefined {
		const match = this.armed.find(
			(f) => pathMatches(f.spec.path, pathname) && (!f.spec.method || f.spec.method === method),
		);
		if (!match) return undefined;
		match.remaining -= 1;
		if (match.remaining <= 0) this.armed = this.armed.filter((f) => f !== match);
		return match.spec;
	}

	pending(): Array<FaultSpec & { remaining: number }> {
		return this.armed.map((f) => ({ ...f.spec, remaining: f.remaining }));
	}

	clear(): void {
		this.armed = [];
		this.latencyMs = 0;
	}
}
