/** waitUntilReachable with an injected probe, clock and sleep: no socket and no timer of its own. */
import { RemoteItTimeoutError, RemoteItValidationError } from '../../client/errors';
import { reachableTimeoutOf, waitUntilReachable } from '../../client/connections/connect';
import type { Connection } from '../../client/types';

const connection = { host: '127.0.0.1', port: 4000, url: 'tcp://127.0.0.1:4000' } as Connection;

function fakeTime() {
	let nowMs = 0;
	const sleeps: number[] = [];
	return {
		now: () => new Date(nowMs),
		sleep: async (ms: number) => {
			sleeps.push(ms);
			nowMs += ms;
		},
		sleeps,
	};
}

describe('waitUntilReachable', () => {
	it('probes until the endpoint answers, sleeping between tries; a throwing probe counts as "not yet"', async () => {
		const time = fakeTime();
		const answers = [false, 'throw', false, true];
		const probe = jest.fn(async () => {
			const next = answers.shift();
			if (next === 'throw') throw new Error('ECONNREFUSED');
			return next === true;
		});
		await waitUntilReachable(connection, { probe, timeoutMs: 10_000, ...time });
		expect(probe).toHaveBeenCalledTimes(4);
		expect(probe).toHaveBeenCalledWith({
			host: '127.0.0.1',
			port: 4000,
			url: 'tcp://127.0.0.1:4000',
		});
		expect(time.sleeps).toEqual([500, 500, 500]);
	});

	it('gives up with RemoteItTimeoutError once the time is up, never sleeping past it', async () => {
		const time = fakeTime();
		const attempt = waitUntilReachable(connection, {
			probe: async () => false,
			timeoutMs: 1200,
			...time,
		});
		await expect(attempt).rejects.toThrow(RemoteItTimeoutError);
		expect(time.sleeps).toEqual([500, 500, 200]);
	});

	it('checks the timeout a user gives', () => {
		expect(reachableTimeoutOf(undefined)).toBe(30_000);
		expect(reachableTimeoutOf(5000)).toBe(5000);
		for (const bad of [0, 999, 600_001, 1.5, '30'])
			expect(() => reachableTimeoutOf(bad)).toThrow(RemoteItValidationError);
	});
});
