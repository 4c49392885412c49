/**
 * (3) The n8n node's Connect over 50 items through n8n's real engine (n8n-core WorkflowExecute, the test harness in
 * test/n8n/support), with 50 ms emulator latency per request, at Parallel Requests 1, 5 and 10.
 * Password auth must log in once per execution however many items run at once (docs/remoteit-api.md §6).
 */
import { randomBytes } from 'node:crypto';

import type { RunningEmulator } from '../emulator';
import { resetEmulator, setLatency } from '../test/support/emulator-control';
import { ONLINE_SERVICES, takeRequestCounts, withEmulator, type BenchAuth } from './fixtures';
import { timed } from './measure';
import type { Benchmark, BenchRow } from './report';

const ITEMS = 50;
const LATENCY_MS = 50;
const PARALLEL = [1, 5, 10];
const AUTHS: BenchAuth[] = ['password', 'accessKey'];

/** n8n-core is loaded only when this benchmark runs, so `npm run bench -- signing` stays quick. */
async function loadHarness() {
	await import('./prefer-ts-source');
	// The harness gives n8n a throw-away user folder; a throw-away key saves n8n announcing that it generated one.
	process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('hex');
	const [{ runWorkflow }, credentials, parameters, { shutDownN8nServices }] = await Promise.all([
		import('../test/n8n/support/run-workflow'),
		import('../test/n8n/support/credentials'),
		import('../test/n8n/support/parameters'),
		import('../test/n8n/support/n8n-shutdown'),
	]);
	const credentialsFor = (emulator: RunningEmulator, auth: BenchAuth) =>
		auth === 'password'
			? credentials.passwordCredentials(emulator)
			: credentials.accessKeyCredentials(emulator);
	/** One manual execution: Connect, Service taken from each item's `serviceId`. */
	const connectItems = (emulator: RunningEmulator, auth: BenchAuth, parallelRequests: number) =>
		runWorkflow({
			credentials: credentialsFor(emulator, auth),
			items: Array.from({ length: ITEMS }, (_, i) => ({
				serviceId: ONLINE_SERVICES[i % ONLINE_SERVICES.length],
			})),
			nodes: [
				{
					name: 'Connect',
					parameters: parameters.connectParameters(parameters.byId('={{ $json.serviceId }}'), {
						options: { parallelRequests },
					}),
				},
			],
		});
	return { connectItems, shutDownN8nServices };
}

type Harness = Awaited<ReturnType<typeof loadHarness>>;

async function measureCase(
	harness: Harness,
	emulator: RunningEmulator,
	auth: BenchAuth,
	parallel: number,
): Promise<BenchRow> {
	await resetEmulator(emulator.url);
	await setLatency(emulator.url, LATENCY_MS);
	const { result, ms } = await timed(() => harness.connectItems(emulator, auth, parallel));
	const counts = await takeRequestCounts(emulator.url);
	const output = result.output('Connect');
	// What the latency alone costs: ceil(items / parallel) waves of one request, plus the login.
	const floorMs = (Math.ceil(ITEMS / parallel) + counts.logins) * LATENCY_MS;
	const checks = [
		{
			what: `${output.length} items out, ${counts.connects} connects`,
			ok: result.error() === undefined && output.length === ITEMS && counts.connects === ITEMS,
		},
	];
	if (auth === 'password')
		checks.push({ what: `logins = ${counts.logins}`, ok: counts.logins === 1 });
	return {
		benchmark: 'n8n Connect, 50 items, 50 ms latency',
		case: `${auth === 'password' ? 'password / REST' : 'access key / GraphQL'}, Parallel Requests ${parallel}`,
		figures: [
			{ label: 'wall', value: ms, unit: 'ms' },
			{ label: 'latency floor', value: floorMs, unit: 'ms' },
			{ label: 'items/s', value: (ITEMS * 1000) / ms, unit: '', decimals: 1 },
			{ label: 'logins', value: counts.logins, unit: '' },
			{ label: 'requests', value: counts.total, unit: '' },
		],
		checks,
	};
}

async function run(): Promise<BenchRow[]> {
	const harness = await loadHarness();
	try {
		return await withEmulator(async (emulator) => {
			// One untimed execution loads n8n's engine code paths and the node before anything is measured.
			await harness.connectItems(emulator, 'accessKey', 10);
			const rows: BenchRow[] = [];
			for (const auth of AUTHS) {
				for (const parallel of PARALLEL)
					rows.push(await measureCase(harness, emulator, auth, parallel));
			}
			return rows;
		});
	} finally {
		harness.shutDownN8nServices();
	}
}

export const n8nParallelBenchmark: Benchmark = { name: 'n8n parallel', run };
