import fc from 'fast-check';
import {
	createAdaptiveConcurrency,
	forgetSharedWindows,
	type Slot,
} from '../../client/wire/request';

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

	describe('shared by the clients of one account in this process', () => {
		afterEach(() => forgetSharedWindows());

		/** Acquires until the window admits no more; resolves the slots it got. */
		async function fill(window: ReturnType<typeof createAdaptiveConcurrency>, tries: number) {
			const slots: Slot[] = [];
			for (let i = 0; i < tries; i++) void window.acquire().then((slot) => slots.push(slot));
			await flush();
			return slots;
		}

		it("one client's 429s narrow the other client's window of the same account", async () => {
			const first = createAdaptiveConcurrency(20, 'account A');
			const second = createAdaptiveConcurrency(20, 'account A');
			const burst = await Promise.all(Array.from({ length: 20 }, () => first.acquire()));
			for (const slot of burst) slot.release('throttled');
			expect(second.window).toBeCloseTo(14);
			const admitted = await fill(second, 20);
			expect(admitted).toHaveLength(14);
		});

		it('the first 429 narrows the fan-out of every client of the account together', async () => {
			const first = createAdaptiveConcurrency(10, 'account A');
			const second = createAdaptiveConcurrency(10, 'account A');
			const slots = await Promise.all([
				...Array.from({ length: 10 }, () => first.acquire()),
				...Array.from({ length: 10 }, () => second.acquire()),
			]);
			slots[19].release('throttled'); // sent among 20: the account's window is 14
			expect(first.window).toBe(10);
			expect(second.window).toBe(10);
			for (const slot of slots.slice(0, 19)) slot.release('failed');
			expect(await fill(first, 20)).toHaveLength(10);
			expect(await fill(second, 20)).toHaveLength(4);
		});

		it('the account window bounds both clients together, each within its own maximum', async () => {
			const first = createAdaptiveConcurrency(10, 'account A');
			const second = createAdaptiveConcurrency(10, 'account A');
			const burst = await Promise.all(Array.from({ length: 10 }, () => first.acquire()));
			for (const slot of burst) slot.release('throttled'); // window 7
			const fromFirst = await fill(first, 10);
			const fromSecond = await fill(second, 10);
			expect(fromFirst.length + fromSecond.length).toBe(7);
			// A freed slot goes to whoever waited longest, across both clients.
			fromFirst[0].release('ok');
			await flush();
			expect(fromFirst.length + fromSecond.length).toBe(8);
		});

		it("a client at its own maximum does not hold back another client's waiters", async () => {
			const small = createAdaptiveConcurrency(2, 'account A');
			const large = createAdaptiveConcurrency(10, 'account A');
			const fromSmall = await fill(small, 5);
			const fromLarge = await fill(large, 5);
			expect(fromSmall).toHaveLength(2);
			expect(fromLarge).toHaveLength(5);
		});

		it('two accounts never share a window', async () => {
			const throttled = createAdaptiveConcurrency(20, 'account A');
			const other = createAdaptiveConcurrency(20, 'account B');
			const burst = await Promise.all(Array.from({ length: 20 }, () => throttled.acquire()));
			for (const slot of burst) slot.release('throttled');
			expect(other.window).toBe(20);
			expect(await fill(other, 20)).toHaveLength(20);
		});

		it('recovers after 429s: successes widen the shared window back to each client maximum', async () => {
			const first = createAdaptiveConcurrency(30, 'account A');
			const second = createAdaptiveConcurrency(30, 'account A');
			for (let i = 0; i < 10; i++) (await first.acquire()).release('throttled');
			expect(second.window).toBe(1);
			for (let i = 0; i < 3000; i++) (await second.acquire()).release('ok');
			expect(first.window).toBe(30);
			expect(await fill(first, 30)).toHaveLength(30);
		});
	});
});
