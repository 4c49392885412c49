import {
	backoffDelayMs,
	isRetryableNetworkCode,
	isRetryableStatus,
	parseRetryAfterMs,
	retryDelayMs,
} from '../../client/wire/request';

const policy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 10000 };
const now = new Date('2026-01-01T00:00:00Z');

describe('retry policy', () => {
	it('retries 429, 502, 503 and 504 only', () => {
		expect([429, 502, 503, 504].every(isRetryableStatus)).toBe(true);
		expect([400, 401, 403, 404, 409, 422, 500, 501].some(isRetryableStatus)).toBe(false);
	});

	it('retries network resets but not timeouts or unknown failures', () => {
		expect(isRetryableNetworkCode('ECONNRESET')).toBe(true);
		expect(isRetryableNetworkCode('ECONNREFUSED')).toBe(true);
		expect(isRetryableNetworkCode('ECONNABORTED')).toBe(false);
		expect(isRetryableNetworkCode(undefined)).toBe(false);
	});

	it('backs off exponentially with jitter between half and all of the step', () => {
		expect(backoffDelayMs(1, policy, () => 0)).toBe(250);
		expect(backoffDelayMs(1, policy, () => 1)).toBe(500);
		expect(backoffDelayMs(3, policy, () => 0)).toBe(1000);
		expect(backoffDelayMs(3, policy, () => 1)).toBe(2000);
		for (let retry = 1; retry < 20; retry++) {
			const delay = backoffDelayMs(retry, policy);
			expect(delay).toBeGreaterThanOrEqual(0);
			expect(delay).toBeLessThanOrEqual(policy.maxDelayMs);
		}
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfterMs('3', now)).toBe(3000);
		expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
		expect(parseRetryAfterMs('-1', now)).toBeUndefined();
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
	});

	it('prefers Retry-After over backoff, and never waits longer than maxDelayMs', () => {
		expect(retryDelayMs(1, policy, 4000, () => 0)).toBe(4000);
		expect(retryDelayMs(1, policy, 60000, () => 0)).toBe(10000);
		expect(retryDelayMs(2, policy, undefined, () => 1)).toBe(1000);
	});
});
