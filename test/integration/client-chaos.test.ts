/**
 * Chaos through the client: 200 items, each connecting to its own service and disconnecting again, five at a time,
 * through the seeded fault proxy (503 before and after remote.it acted, 429 with Retry-After, requests held past
 * the timeout, dropped sockets). Nothing is lost, order is kept, every failure is a clear error, nothing stays open.
 */
import { DEMO_SEED_PATH, loadSeedFile, startEmulator, type RunningEmulator } from '../../emulator';
import {
	CHAOS_HOLD_MS,
	CHAOS_MIX,
	chaosClient,
	chaosSeed,
	clientChaos,
	describeFigures,
	judge,
} from '../support/chaos';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { collectUnexpectedFailures } from '../support/unexpected-failures';

const ITEMS = 200;
const { seed, services } = chaosSeed(loadSeedFile(DEMO_SEED_PATH), ITEMS);

let emulator: RunningEmulator;
let proxy: FaultProxy;
const unhandled = collectUnexpectedFailures();
beforeAll(async () => {
	emulator = await startEmulator({ seed });
	proxy = await startFaultProxy({
		target: emulator.url,
		seed: 20261130,
		mix: CHAOS_MIX,
		holdMs: CHAOS_HOLD_MS,
		retryAfterSeconds: 1,
	});
});
afterAll(async () => {
	await proxy.close();
	await emulator.close();
});

it(`${ITEMS} connects and disconnects through the fault proxy: 0 lost, order kept, clear errors, 0 orphaned`, async () => {
	const outcomes = await clientChaos(chaosClient(proxy.url, seed), services);
	const figures = await judge(outcomes, ITEMS, proxy, emulator.url);
	console.log(describeFigures('client chaos', figures));
	expect(figures).toMatchObject({ out: ITEMS, lost: 0, inOrder: true, orphaned: 0, unclear: [] });
	expect(figures.connectedAndClosed + figures.failed).toBe(ITEMS);
	expect(outcomes.filter((o) => o.error?.startsWith('not a remote.it error'))).toEqual([]);
	// The mix must actually have hit: faults of every kind, and most items still got through.
	for (const kind of ['503', '503-after', '429', 'hold', 'drop'] as const)
		expect(figures.faults[kind]).toBeGreaterThan(0);
	expect(figures.connectedAndClosed).toBeGreaterThan(ITEMS * 0.8);
	expect(unhandled).toEqual([]);
}, 60_000);
