/**
 * When to retry and how long to wait. remote.it publishes no rate limits but answers 429 (docs/remoteit-api.md §3
 * and 6): back off exponentially with jitter, honour Retry-After, and never retry other 4xx answers.
 */
import type { RetryPolicy } from './types';

/** Gateway and overload answers that a later attempt may well get past. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Socket-level failures where the request may not have reached remote.it at all (timeouts are not retried). */
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'EPROTO',
]);

export function isRetryableStatus(status: number): boolean {
	return RETRYABLE_STATUSES.has(status);
}

export function isRetryableNetworkCode(code: string | undefined): boolean {
	return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/**
 * Delay before retry number `retry` (1 for the first retry): base·2^(retry-1), capped at maxDelayMs, with "equal
 * jitter" (half fixed, half random) so many clients throttled together do not come back in lockstep.
 */
export function backoffDelayMs(
	retry: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const exponential = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
	const capped = Math.min(policy.maxDelayMs, exponential);
	const jitter = Math.min(1, Math.max(0, random()));
	return Math.round(capped / 2 + (capped / 2) * jitter);
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 section 10.2.3). Undefined when absent
 * or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfterMs(value: string | undefined, now: Date): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	if (!/[a-z]/i.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now.getTime());
}

/** The wait before the next attempt: Retry-After when remote.it sent one, else backoff; never above maxDelayMs. */
export function retryDelayMs(
	retry: number,
	policy: RetryPolicy,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number {
	const wanted = retryAfterMs ?? backoffDelayMs(retry, policy, random);
	return Math.min(policy.maxDelayMs, wanted);
}
