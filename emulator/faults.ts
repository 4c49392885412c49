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

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function kindOf(body: Json): FaultKind | string {
  switch (body.kind) {
    case 'status':
      if (typeof body.status !== 'number' || !Number.isInteger(body.status) || body.status < 100 || body.status > 599) return 'status must be an HTTP status code';
      if (body.retryAfter !== undefined && typeof body.retryAfter !== 'number' && typeof body.retryAfter !== 'string') return 'retryAfter must be seconds or an HTTP date';
      if (body.body !== undefined && typeof body.body !== 'string') return 'body must be a string';
      return { kind: 'status', status: body.status, retryAfter: body.retryAfter as number | string | undefined, body: body.body as string | undefined };
    case 'delay':
      if (!isPositiveInteger(body.delayMs)) return 'delayMs must be a positive integer';
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
  if (typeof body.path !== 'string' || !body.path.startsWith('/')) return 'path must start with /';
  if (body.method !== undefined && typeof body.method !== 'string') return 'method must be a string';
  if (body.times !== undefined && !isPositiveInteger(body.times)) return 'times must be a positive integer';
  const kind = kindOf(body);
  if (typeof kind === 'string') return kind;
  return { ...kind, path: body.path, method: (body.method as string | undefined)?.toUpperCase(), times: (body.times as number | undefined) ?? 1 };
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
    const match = this.armed.find((f) => pathMatches(f.spec.path, pathname) && (!f.spec.method || f.spec.method === method));
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
