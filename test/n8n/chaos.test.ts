/**
 * Chaos through the n8n node in n8n's real engine: 200 items, Connect (Continue On Fail, Parallel Requests 5) then
 * Disconnect (Continue On Fail), with the credential's API URL pointing at the seeded fault proxy in front of the
 * emulator. Nothing is lost, order is kept, each failed item carries a clear error, nothing stays open.
 */
import { DEMO_SEED_PATH, loadSeedFile } from '../../emulator';
import { CHAOS_HOLD_MS, CHAOS_MIX, chaosSeed, describeFigures, judge } from '../support/chaos';
import { startFaultProxy } from '../support/fault-proxy';
import { chaosOutcomes, runChaosWorkflow } from './support/chaos-workflow';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { collectUnexpectedFailures } from '../support/unexpected-failures';

const ITEMS = 200;
const { seed, services } = chaosSeed(loadSeedFile(DEMO_SEED_PATH), ITEMS);
const emulator = useEmulatorWithN8n({ seed });
const unhandled = collectUnexpectedFailures();

it(`${ITEMS} items through Connect and Disconnect with Continue On Fail at Parallel 5: 0 lost, order kept, 0 orphaned`, async () => {
	const proxy = await startFaultProxy({
		target: emulator.url,
		seed: 8,
		mix: CHAOS_MIX,
		holdMs: CHAOS_HOLD_MS,
		retryAfterSeconds: 1,
	});
	try {
		const result = await runChaosWorkflow(
			{ ...accessKeyCredentials(emulator), apiUrl: proxy.url },
			services,
		);
		expect(result.error()).toBeUndefined();
		const figures = await judge(chaosOutcomes(result), ITEMS, proxy, emulator.url);
		console.log(describeFigures('n8n chaos', figures));
		expect(figures).toMatchObject({ out: ITEMS, lost: 0, inOrder: true, orphaned: 0, unclear: [] });
		expect(figures.connectedAndClosed + figures.failed).toBe(ITEMS);
		for (const kind of ['503', '503-after', '429', 'hold', 'drop'] as const)
			expect(figures.faults[kind]).toBeGreaterThan(0);
		expect(unhandled).toEqual([]);
	} finally {
		await proxy.close();
	}
}, 90_000);
