/**
 * How many requests one client keeps in flight: at most `max`, fewer while remote.it throttles. Additive increase,
 * multiplicative decrease (as TCP does): a 429 narrows the window to 70% (CUBIC's factor; halving left a quarter
 * of a rate limit unused in `npm run bench`), once per window, and each success widens it by 1/window, so it grows
 * back by about one request per round trip. remote.it publishes no rate limit
 * (docs/remoteit-api.md §6), so the window is learnt from its answers, never configured.
 */
import { RemoteItValidationError } from './errors';

/** Requests one client may keep in flight at most (the n8n node's Parallel Requests goes up to this too). */
export const MAX_CONCURRENCY = 100;

/** The window after a burst of 429s, as a share of the window before it. */
const DECREASE = 0.7;

/** What became of a request that held a slot. */
export type SlotOutcome = 'ok' | 'throttled' | 'failed';

export interface Slot {
	release(outcome: SlotOutcome): void;
}

export interface AdaptiveConcurrency {
	/** Waits for a free slot; the caller sends its request and then releases the slot with the outcome. */
	acquire(): Promise<Slot>;
	/** The current window (requests allowed in flight), for tests and the bench. */
	readonly window: number;
	readonly max: number;
}

export function createAdaptiveConcurrency(max: unknown): AdaptiveConcurrency {
	if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_CONCURRENCY) {
		throw new RemoteItValidationError(
			'concurrency',
			`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.`,
		);
	}
	let window = max;
	let inFlight = 0;
	/** Bumped at each decrease: a 429 of a request sent before it is part of the same burst and decreases nothing. */
	let epoch = 0;
	const waiting: Array<() => void> = [];

	const allowed = (): number => Math.max(1, Math.floor(window));
	const wake = (): void => {
		while (waiting.length > 0 && inFlight < allowed()) {
			inFlight++;
			waiting.shift()!();
		}
	};

	const slotFor = (startedIn: number): Slot => {
		let released = false;
		return {
			release(outcome) {
				if (released) return;
				released = true;
				inFlight--;
				if (outcome === 'throttled' && startedIn === epoch) {
					window = Math.max(1, window * DECREASE);
					epoch++;
				} else if (outcome === 'ok') {
					window = Math.min(max, window + 1 / window);
				}
				wake();
			},
		};
	};

	return {
		async acquire() {
			if (inFlight < allowed() && waiting.length === 0) {
				inFlight++;
			} else {
				await new Promise<void>((resolve) => waiting.push(resolve));
			}
			return slotFor(epoch);
		},
		get window() {
			return window;
		},
		max,
	};
}
