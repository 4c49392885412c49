/**
 * (4) What one 429 costs a connect (access key / GraphQL) with the client's default retry policy (3 attempts,
 * 500 ms base, 10 s cap): remote.it's Retry-After: 1 is honoured as 1 s; without it the client backs off
 * 250-500 ms (equal jitter). Real timers, so the figures are the waits a workflow would see.
 */
import type { RunningEmulator } from '../emulator';
import { injectFault, resetEmulator } from '../test/support/emulator-control';
import { benchClient, ONLINE_SERVICES, takeRequestCounts, withEmulator } from './fixtures';
import { median, timed } from './measure';
import type { Benchmark, BenchRow } from './report';

const RUNS = 6;
const SERVICE = ONLINE_SERVICES[0];

const CASES: Array<{ name: string; retryAfter?: number; fault: boolean }> = [
	{ name: 'no 429 (baseline)', fault: false },
	{ name: '429 with Retry-After: 1', fault: true, retryAfter: 1 },
	{ name: '429 without Retry-After', fault: true },
];

async function measureCase(
	emulator: RunningEmulator,
	spec: (typeof CASES)[number],
): Promise<BenchRow> {
	await resetEmulator(emulator.url);
	const client = benchClient(emulator, 'accessKey');
	// Warm the client and the connection pool so the first sample is not a cold start.
	const warm = await client.connect(SERVICE);
	await client.disconnect({ connectionId: warm.id, serviceId: warm.serviceId });
	await takeRequestCounts(emulator.url);

	const durations: number[] = [];
	let requests = 0;
	for (let i = 0; i < RUNS; i++) {
		if (spec.fault) {
			await injectFault(emulator.url, {
				path: '/graphql/v1',
				method: 'POST',
				kind: 'status',
				status: 429,
				times: 1,
				...(spec.retryAfter !== undefined ? { retryAfter: spec.retryAfter } : {}),
			});
		}
		const { result: connection, ms } = await timed(() => client.connect(SERVICE));
		durations.push(ms);
		requests += (await takeRequestCounts(emulator.url)).total;
		await client.disconnect({ connectionId: connection.id, serviceId: connection.serviceId });
		await takeRequestCounts(emulator.url);
	}
	const attempts = spec.fault ? 2 : 1;
	return {
		benchmark: 'retry cost (connect)',
		case: spec.name,
		figures: [
			{ label: 'median', value: median(durations), unit: 'ms', decimals: 1 },
			{ label: 'min', value: Math.min(...durations), unit: 'ms', decimals: 1 },
			{ label: 'max', value: Math.max(...durations), unit: 'ms', decimals: 1 },
			{ label: 'requests/connect', value: requests / RUNS, unit: '', decimals: 1 },
			{ label: 'runs', value: RUNS, unit: '' },
		],
		checks: [{ what: `${attempts} request(s) per connect`, ok: requests === attempts * RUNS }],
	};
}

async function run(): Promise<BenchRow[]> {
	return withEmulator(async (emulator) => {
		const rows: BenchRow[] = [];
		for (const spec of CASES) rows.push(await measureCase(emulator, spec));
		return rows;
	});
}

export const retryCostBenchmark: Benchmark = { name: 'retry cost', run };
