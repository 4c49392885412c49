import fc from 'fast-check';
import { createAdaptiveConcurrency, type Slot } from '../../client/adaptive-concurrency';

const flush = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("adaptive concurrency (the client's window of requests in flight)", () => {
	it('starts at the maximum and admits no more', async () => {
		const window = createAdaptiveConcurrency(3);
		const slots = await Promise.all([window.acquire(), window.acquire(), window.acquire()]);
		let fourth: Slot | undefined;
		void window.acquire().then((slot) => (fourth = slot));
		await flush();
		expect(fourth).toBeUndefined();
		slots[0].release('ok');
		await flush();
		expect(fourth).toBeDefined();
	});

	it('narrows to 70% once for a burst of 429s, not once per 429', async () => {
		const window = createAdaptiveConcurrency(20);
		const burst = await Promise.all(Array.from({ length: 20 }, () => window.acquire()));
		for (const slot of burst) slot.release('throttled');
		expect(window.window).toBeCloseTo(14);
		// A 429 of a request sent after the decrease narrows it again.
		const next = await window.acquire();
		next.release('throttled');
		expect(window.window).toBeCloseTo(9.8);
	});

	it('grows back by about one per window of successes, up to the maximum', async () => {
		const window = createAdaptiveConcurrency(8);
		for (let i = 0; i < 10; i++) (await window.acquire()).release('throttled');
		expect(window.window).toBe(1);
		for (let i = 0; i < 200; i++) (await window.acquire()).release('ok');
		expect(window.window).toBe(8);
	});

	it('never admits more than the maximum and keeps the window from 1 to the maximum, whatever the outcomes', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 1, max: 20 }),
				fc.array(
					fc.constantFrom('ok', 'throttled', 'failed') as fc.Arbitrary<
						'ok' | 'throttled' | 'failed'
					>,
					{ maxLength: 120 },
				),
				async (max, outcomes) => {
					const window = createAdaptiveConcurrency(max);
					let inFlight = 0;
					let violations = 0;
					await Promise.all(
						outcomes.map(async (outcome) => {
							const slot = await window.acquire();
							inFlight++;
							if (inFlight > max) violations++;
							await Promise.resolve();
							inFlight--;
							slot.release(outcome);
							if (window.window < 1 || window.window > max) violations++;
						}),
					);
					expect(violations).toBe(0);
				},
			),
		);
	});

	it('refuses a window that is not a whole number from 1 to 100', () => {
		for (const bad of [0, -1, 1.5, 101, Number.NaN, '5']) {
			expect(() => createAdaptiveConcurrency(bad)).toThrow(/concurrency/);
		}
	});
});
