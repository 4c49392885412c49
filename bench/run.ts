/**
 * `npm run bench`: every benchmark against an in-process emulator on 127.0.0.1, then one table and
 * bench/results/latest.json. Timing figures live here, never in the tests. `npm run bench -- signing retry`
 * runs only the benchmarks whose name contains one of the words. The "wire" benchmarks and "memory" run over
 * HTTPS (a throw-away CA, trusted through NODE_EXTRA_CA_CERTS: the bench re-runs itself with it set) behind a
 * latency proxy (bench/latency-proxy.ts); "wire n8n" runs the real n8n from the engine cache.
 */
import { join } from 'node:path';

import { stopRunningEngines } from '../dev/launch/engine-process';

import { chaosBenchmark } from './chaos';
import { clientConnectBenchmark } from './client-connect';
import { coldRequireBenchmark } from './cold-require';
import { listDevicesBenchmark } from './list-devices';
import { nowMs } from './measure';
import { n8nParallelBenchmark } from './n8n-parallel';
import {
	failedChecks,
	formatFigure,
	formatTable,
	machineInfo,
	writeResults,
	type Benchmark,
	type BenchRow,
} from './report';
import { retryCostBenchmark } from './retry-cost';
import { signingBenchmark } from './signing';
import { memoryBenchmark } from './memory';
import { ensureTrustedCa } from './wire';
import { wireClientBenchmark } from './wire-client';
import { wireN8nBenchmark } from './wire-n8n';
import { wireN8nSignInsBenchmark } from './wire-n8n-sign-ins';
import { wireNodeRedBenchmark } from './wire-node-red';

const BENCHMARKS: Benchmark[] = [
	signingBenchmark,
	clientConnectBenchmark,
	n8nParallelBenchmark,
	retryCostBenchmark,
	listDevicesBenchmark,
	coldRequireBenchmark,
	chaosBenchmark,
	wireClientBenchmark,
	wireNodeRedBenchmark,
	wireN8nBenchmark,
	wireN8nSignInsBenchmark,
	memoryBenchmark,
];

function selected(filters: string[]): Benchmark[] {
	if (filters.length === 0) return BENCHMARKS;
	return BENCHMARKS.filter((b) =>
		filters.some((word) => b.name.toLowerCase().includes(word.toLowerCase())),
	);
}

/**
 * A stop (Ctrl-C, a process manager) ends the engines this bench started, then exits: exit handlers remove the
 * bench's network namespace (bench/netns.ts) and stop its emulator (bench/wire.ts). Ctrl-C reaches this process
 * twice (from the terminal and from the process that re-ran it): the first one counts.
 */
function stopOnSignals(): void {
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			process.stderr.write(`\n${signal}: stopping the bench\n`);
			void stopRunningEngines(5_000).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		});
	}
}

async function main(): Promise<void> {
	await ensureTrustedCa();
	stopOnSignals();
	const benchmarks = selected(process.argv.slice(2));
	if (benchmarks.length === 0) {
		console.error(
			`No benchmark matches ${process.argv.slice(2).join(', ')}; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}.`,
		);
		process.exitCode = 2;
		return;
	}
	const started = nowMs();
	const date = new Date().toISOString();
	const rows: BenchRow[] = [];
	for (const benchmark of benchmarks) {
		const start = nowMs();
		const result = await benchmark.run();
		rows.push(...result);
		// Progress on stderr, so stdout stays the table alone.
		process.stderr.write(`${benchmark.name}: ${((nowMs() - start) / 1000).toFixed(1)} s\n`);
		for (const row of result)
			process.stderr.write(`  ${row.case}: ${row.figures.map(formatFigure).join(', ')}\n`);
	}
	const totalSeconds = (nowMs() - started) / 1000;
	const machine = machineInfo();
	console.log(
		`\nremote.it benchmarks, ${date}, Node ${machine.node}, ${machine.cores} × ${machine.cpu}\n`,
	);
	console.log(formatTable(rows));
	const path = writeResults({ date, machine, totalSeconds, rows }, join(__dirname, 'results'));
	console.log(`\n${rows.length} results in ${totalSeconds.toFixed(1)} s, written to ${path}`);
	const failed = failedChecks(rows);
	if (failed.length > 0) {
		console.error(`\nFailed checks:\n${failed.map((line) => `  ${line}`).join('\n')}`);
		process.exitCode = 1;
	}
}

// Node-RED's runtime and n8n's engine leave handles open: leave once the table is out.
main().then(
	() => process.exit(),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	},
);
