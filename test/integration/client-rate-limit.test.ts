/** The client under the emulator's per-account rate limit: a bounded, adaptive window loses nothing. */
import { createRemoteItClient, type RemoteItClient } from '../../client/transport';
import { readTraffic, clearTraffic, setRateLimit } from '../support/emulator-control';
import { authFor, SSH, useClientDemo } from './client-fixtures';

const demo = useClientDemo();

/** Real waiting: Retry-After is honoured as sent (whole seconds), which is what the window learns from. */
async function clientFor(concurrency?: number): Promise<RemoteItClient> {
	return createRemoteItClient({
		apiUrl: demo.emulator.url,
		auth: await authFor('accessKey', demo.emulator.url, demo.account),
		...(concurrency !== undefined ? { concurrency } : {}),
	});
}

const settle = (client: RemoteItClient, count: number) =>
	Promise.allSettled(Array.from({ length: count }, () => client.listActiveConnections()));

describe('rate limited by remote.it (429 + Retry-After)', () => {
	it('with an adaptive window every call completes, and the window narrowed below the fan-out', async () => {
		await setRateLimit(demo.emulator.url, 10);
		await clearTraffic(demo.emulator.url);
		const results = await settle(await clientFor(20), 40);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		const traffic = await readTraffic(demo.emulator.url);
		expect(traffic.throttled).toBeGreaterThan(0);
		// Every call needed one accepted request; the 429s are the only extra ones.
		expect(traffic.requests - traffic.throttled).toBe(40);
	}, 30_000);

	it('a fixed fan-out with the same retries (no window) loses calls under the same limit', async () => {
		await setRateLimit(demo.emulator.url, 10);
		const results = await settle(await clientFor(), 40);
		const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(failures.length).toBeGreaterThan(0);
		expect(String((failures[0].reason as Error).message)).toMatch(/429/);
	}, 30_000);

	it('connects twenty times through a window of 10 under a limit of 15 a second', async () => {
		await setRateLimit(demo.emulator.url, 15);
		const client = await clientFor(10);
		const connections = await Promise.all(Array.from({ length: 20 }, () => client.connect(SSH)));
		expect(new Set(connections.map((c) => c.id)).size).toBe(20);
	}, 30_000);

	it('two clients of one account, run together, share the window and lose nothing', async () => {
		await setRateLimit(demo.emulator.url, 10);
		await clearTraffic(demo.emulator.url);
		const [first, second] = [await clientFor(20), await clientFor(20)];
		const results = await Promise.all([settle(first, 25), settle(second, 25)]);
		expect(results.flat().filter((r) => r.status === 'rejected')).toEqual([]);
		const traffic = await readTraffic(demo.emulator.url);
		expect(traffic.requests - traffic.throttled).toBe(50);
	}, 30_000);
});
