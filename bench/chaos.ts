/**
 * (6) Chaos, 1000 items: each connects to its own service and disconnects again through the seeded fault proxy
 * (test/support/fault-proxy.ts: 10% 503, 5% 429 with Retry-After: 1, 2% held past the timeout, 2% dropped), once
 * through the client (five at a time) and once through the n8n node (Continue On Fail, Parallel Requests 5).
 * Prints the figures the chaos tests assert on 200 items: lost, order, orphaned, failed with a clear error.
 */
import { randomBytes } from 'node:crypto';

import { DEMO_SEED_PATH, loadSeedFile, type RunningEmulator } from '../emulator';
import {
	CHAOS_HOLD_MS,
	CHAOS_MIX,
	chaosClient,
	chaosSeed,
	clientChaos,
	judge,
	type ChaosFigures,
	type ItemOutcome,
} from '../test/support/chaos';
import { resetEmulator } from '../test/support/emulator-control';
import { startFaultProxy, type FaultProxy } from '../test/support/fault-proxy';
import { withEmulator } from './fixtures';
import { timed } from './measure';
import type { Benchmark, BenchRow } from './report';

const ITEMS = 1000;
const SEED = 20261130;

async function throughProxy(
	emulator: RunningEmulator,
	run: (proxy: FaultProxy) => Promise<ItemOutcome[]>,
): Promise<{ figures: ChaosFigures; ms: number }> {
	await resetEmulator(emulator.url);
	const proxy = await startFaultProxy({
		target: emulator.url,
		seed: SEED,
		mix: CHAOS_MIX,
		holdMs: CHAOS_HOLD_MS,
		retryAfterSeconds: 1,
	});
	try {
		const { result, ms } = await timed(() => run(proxy));
		return { figures: await judge(result, ITEMS, proxy, emulator.url), ms };
	} finally {
		await proxy.close();
	}
}

function row(path: string, { figures, ms }: { figures: ChaosFigures; ms: number }): BenchRow {
	const faults = Object.values(figures.faults).reduce((sum, n) => sum + n, 0) - figures.faults.pass;
	return {
		benchmark: `Chaos, ${ITEMS} connects + disconnects through the seeded fault proxy`,
		case: path,
		figures: [
			{ label: 'wall', value: ms, unit: 'ms' },
			{ label: 'out', value: figures.out, unit: '' },
			{ label: 'lost', value: figures.lost, unit: '' },
			{ label: 'orphaned', value: figures.orphaned, unit: '' },
			{ label: 'connected+closed', value: figures.connectedAndClosed, unit: '' },
			{ label: 'failed (clear error)', value: figures.failed - figures.unclear.length, unit: '' },
			{ label: 'faults injected', value: faults, unit: '' },
		],
		checks: [
			{ what: `${figures.lost} lost`, ok: figures.lost === 0 },
			{ what: `order ${figures.inOrder ? 'kept' : 'broken'}`, ok: figures.inOrder },
			{ what: `${figures.orphaned} orphaned`, ok: figures.orphaned === 0 },
			{ what: `${figures.unclear.length} unclear errors`, ok: figures.unclear.length === 0 },
		],
	};
}

async function run(): Promise<BenchRow[]> {
	const { seed, services } = chaosSeed(loadSeedFile(DEMO_SEED_PATH), ITEMS);
	await import('./prefer-ts-source');
	process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('hex');
	const [{ chaosOutcomes, runChaosWorkflow }, credentials, { shutDownN8nServices }] =
		await Promise.all([
			import('../test/n8n/support/chaos-workflow'),
			import('../test/n8n/support/credentials'),
			import('../test/n8n/support/n8n-shutdown'),
		]);
	try {
		return await withEmulator(async (emulator) => {
			const client = await throughProxy(emulator, (proxy) =>
				clientChaos(chaosClient(proxy.url, seed), services),
			);
			const n8n = await throughProxy(emulator, async (proxy) =>
				chaosOutcomes(
					await runChaosWorkflow(
						{ ...credentials.accessKeyCredentials(emulator), apiUrl: proxy.url },
						services,
					),
				),
			);
			return [
				row('client, 5 at a time', client),
				row('n8n node, Continue On Fail, Parallel Requests 5', n8n),
			];
		}, seed);
	} finally {
		shutDownN8nServices();
	}
}

export const chaosBenchmark: Benchmark = { name: 'chaos', run };
