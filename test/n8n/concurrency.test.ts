import { mapWithConcurrency } from '../../nodes/RemoteIt/actions/router';

/** A task whose completion the test controls, to interleave finishes deliberately. */
function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
}

describe("mapWithConcurrency (the router's bound on items in flight)", () => {
	it('never runs more than the limit at once and returns results in index order', async () => {
		const gates = Array.from({ length: 12 }, deferred);
		let inFlight = 0;
		let peak = 0;
		const run = mapWithConcurrency(12, 5, async (index) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await gates[index].promise;
			inFlight--;
			return `item ${index}`;
		});
		// Finish in reverse order of start, a few at a time.
		for (let index = 11; index >= 0; index--) {
			await Promise.resolve();
			gates[index].resolve();
			for (let tick = 0; tick < 5; tick++) await Promise.resolve();
		}
		for (const gate of gates) gate.resolve();
		expect(await run).toEqual(Array.from({ length: 12 }, (_, i) => `item ${i}`));
		expect(peak).toBe(5);
	});

	it('starts nothing new after a failure and rejects with it', async () => {
		const started: number[] = [];
		const run = mapWithConcurrency(10, 2, async (index) => {
			started.push(index);
			if (index === 1) throw new Error('item 1 failed');
			return index;
		});
		await expect(run).rejects.toThrow('item 1 failed');
		expect(started).not.toContain(9);
	});

	it('handles no items and limits above the item count', async () => {
		expect(await mapWithConcurrency(0, 5, async (i) => i)).toEqual([]);
		expect(await mapWithConcurrency(3, 50, async (i) => i * 2)).toEqual([0, 2, 4]);
	});
});
