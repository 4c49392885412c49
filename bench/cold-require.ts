/**
 * (6) Cold `require` of what each engine loads from the published packages (dist/packages, as `npm run build`
 * assembles them), each in a fresh Node process: the n8n node, trigger and credential once n8n-workflow is loaded
 * (n8n has it loaded already), and the Node-RED config node (the account; it loads axios, its HTTP transport).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import {
	ensureBuilt,
	N8N_PACKAGE,
	NODE_RED_PACKAGE,
	packageDir,
} from '../dev/package/local-package';
import { percentile } from './measure';
import type { Benchmark, BenchRow } from './report';

const RUNS = 9;

/** Prints `{ ms, axiosModules }`: the require time of `target` after `preload`, and how many axios files loaded. */
const PROBE = `
const { performance } = require('node:perf_hooks');
const [preload, ...targets] = process.argv.slice(1);
if (preload) require(preload);
const start = performance.now();
for (const target of targets) require(target);
const ms = performance.now() - start;
const axiosModules = Object.keys(require.cache).filter((file) => /node_modules[\\\\/]axios[\\\\/]/.test(file)).length;
console.log(JSON.stringify({ ms, axiosModules }));
`;

interface Probe {
	ms: number;
	axiosModules: number;
}

function probe(preload: string, targets: string[]): Probe {
	return JSON.parse(
		execFileSync(process.execPath, ['-e', PROBE, preload, ...targets], { encoding: 'utf8' }),
	) as Probe;
}

function measure(name: string, preload: string, targets: string[], expectAxios: boolean): BenchRow {
	const runs = Array.from({ length: RUNS }, () => probe(preload, targets));
	const durations = runs.map((run) => run.ms);
	return {
		benchmark: 'Cold require',
		case: name,
		figures: [
			{ label: 'median', value: percentile(durations, 50), unit: 'ms', decimals: 1 },
			{ label: 'p90', value: percentile(durations, 90), unit: 'ms', decimals: 1 },
		],
		checks: [
			{
				what: expectAxios ? 'axios loaded' : 'no axios loaded',
				ok: runs.every((run) => run.axiosModules > 0 === expectAxios),
			},
		],
	};
}

export const coldRequireBenchmark: Benchmark = {
	name: 'Cold require',
	async run(): Promise<BenchRow[]> {
		ensureBuilt((line) => process.stderr.write(`${line}\n`));
		const n8n = packageDir(N8N_PACKAGE);
		const nodeRed = packageDir(NODE_RED_PACKAGE);
		return [
			measure(
				`n8n: the node after n8n-workflow (${RUNS} processes)`,
				require.resolve('n8n-workflow'),
				[join(n8n, 'dist/nodes/RemoteIt/RemoteIt.node.js')],
				false,
			),
			measure(
				`n8n: node, trigger and credential after n8n-workflow (${RUNS} processes)`,
				require.resolve('n8n-workflow'),
				[
					join(n8n, 'dist/nodes/RemoteIt/RemoteIt.node.js'),
					join(n8n, 'dist/nodes/RemoteItTrigger/RemoteItTrigger.node.js'),
					join(n8n, 'dist/credentials/RemoteItApi.credentials.js'),
				],
				false,
			),
			measure(
				`Node-RED: the config node (${RUNS} processes)`,
				'',
				[join(nodeRed, 'dist/nodes/node-red/remoteit-config.js')],
				true,
			),
		];
	},
};
