/**
 * (2) Client connect + disconnect round trips against the emulator on loopback (no added latency), for both
 * request paths: access key over GraphQL (signed) and password over REST v27 (one login, then a cached token).
 */
import type { RunningEmulator } from '../emulator';
import { resetEmulator } from '../test/support/emulator-control';
import {
	benchClient,
	ONLINE_SERVICES,
	takeRequestCounts,
	withEmulator,
	type BenchAuth,
} from './fixtures';
import { median, percentile, sampleDurations, timed } from './measure';
import type { Benchmark, BenchRow } from './report';

const WARMUP = 20;
const BUDGET = { maxRuns: 400, maxMs: 6000 };
const SERVICE = ONLINE_SERVICES[0];

const CASES: Array<{ name: string; auth: BenchAuth; api: 'graphql' | 'rest' }> = [
	{ name: 'access key / GraphQL', auth: 'accessKey', api: 'graphql' },
	{ name: 'password / REST', auth: 'password', api: 'rest' },
];

async function measureCase(
	emulator: RunningEmulator,
	spec: (typeof CASES)[number],
): Promise<BenchRow> {
	await resetEmulator(emulator.url);
	const client = benchClient(emulator, spec.auth);
	const roundTrip = async () => {
		const connection = await client.connect(SERVICE, { api: spec.api });
		await client.disconnect({ connectionId: connection.id, serviceId: connection.serviceId });
	};
	// The first round trip of a fresh client: includes the password login, which later ones reuse.
	const cold = await timed(roundTrip);
	const coldCounts = await takeRequestCounts(emulator.url);
	// JIT and keep-alive sockets warm before timing; their requests are not counted.
	for (let i = 0; i < WARMUP; i++) await roundTrip();
	await takeRequestCounts(emulator.url);

	const durations = await sampleDurations(roundTrip, BUDGET);
	const counts = await takeRequestCounts(emulator.url);
	const runs = durations.length;
	const perConnect = counts.connects / runs;
	const perRoundTrip = counts.total / runs;
	return {
		benchmark: 'client connect+disconnect',
		case: spec.name,
		figures: [
			{ label: 'median', value: median(durations), unit: 'ms', decimals: 2 },
			{ label: 'p95', value: percentile(durations, 95), unit: 'ms', decimals: 2 },
			{ label: 'cold', value: cold.ms, unit: 'ms', decimals: 1 },
			{ label: 'requests/connect', value: perConnect, unit: '', decimals: 2 },
			{ label: 'requests/round trip', value: perRoundTrip, unit: '', decimals: 2 },
			{ label: 'cold requests', value: coldCounts.total, unit: '' },
			{ label: 'runs', value: runs, unit: '' },
		],
		checks: [
			{
				what: 'one request per connect, one per disconnect',
				ok: counts.connects === runs && counts.disconnects === runs && counts.total === 2 * runs,
			},
			{
				what: `logins: ${coldCounts.logins} on the first round trip, ${counts.logins} after`,
				ok: coldCounts.logins === (spec.auth === 'password' ? 1 : 0) && counts.logins === 0,
			},
		],
	};
}

async function run(): Promise<BenchRow[]> {
	return withEmulator(async (emulator) => {
		const rows: BenchRow[] = [];
		for (const spec of CASES) rows.push(await measureCase(emulator, spec));
		return rows;
	});
}

export const clientConnectBenchmark: Benchmark = { name: 'client connect+disconnect', run };
