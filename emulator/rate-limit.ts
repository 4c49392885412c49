/**
 * A per-account request rate limit, set through the control API (emulator-defined: remote.it publishes no limits
 * but answers 429, docs/remoteit-api.md §6). A token bucket per account: `perSecond` tokens a second, holding at most
 * one second's worth, so a burst of `perSecond` requests passes and a steady stream is held to the rate.
 * It runs on real time, not the emulator clock, which tests move by hours.
 */
export interface RateVerdict {
	allowed: boolean;
	/** When refused: whole seconds until a request would pass, as Retry-After sends them (at least 1). */
	retryAfterSeconds?: number;
}

interface Bucket {
	tokens: number;
	updatedMs: number;
}

export class RateLimiter {
	private perSecondValue = 0;
	private readonly buckets = new Map<string, Bucket>();

	constructor(private readonly nowMs: () => number = () => performance.now()) {}

	/** 0 turns the limit off. */
	get perSecond(): number {
		return this.perSecondValue;
	}

	set perSecond(value: number) {
		this.perSecondValue = value;
		this.buckets.clear();
	}

	take(account: string): RateVerdict {
		if (this.perSecondValue <= 0) return { allowed: true };
		const now = this.nowMs();
		const bucket = this.buckets.get(account) ?? { tokens: this.perSecondValue, updatedMs: now };
		bucket.tokens = Math.min(
			this.perSecondValue,
			bucket.tokens + ((now - bucket.updatedMs) / 1000) * this.perSecondValue,
		);
		bucket.updatedMs = now;
		this.buckets.set(account, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return { allowed: true };
		}
		const waitMs = ((1 - bucket.tokens) / this.perSecondValue) * 1000;
		return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
	}
}
