/**
 * (wire 2) In real n8n, over HTTPS behind the latency proxy, 100 items: the remote.it node against the workflow users
 * build by hand (HTTP Request login + HTTP Request connect: all items at once, Batching, Loop Over Items); then the
 * rate-limit run: 500 connects under a per-account limit, the node against the hand-built default (which loses the
 * items remote.it refuses: with On Error: Continue they come out as errors).
 */
import { createHash } from 'node:crypto';

import {
	demoCredential,
	passwordCredential,
	type CredentialJson,
	type WorkflowJson,
} from '../dev/n8n/demo/demo-data';
import { seedAccount, setRateLimit } from '../test/support/emulator-control';
import { DEFAULT_PARALLEL_REQUESTS } from '../nodes/RemoteIt/actions/common/descriptions';
import { handBuiltWorkflow, nodeWorkflow, type HandBuiltStyle } from './handbuilt-workflows';
import { median } from './measure';
import { startBenchN8n, type RunningN8n } from './n8n-engine';
import type { Benchmark, BenchRow, Check, Figure } from './report';
import {
	overTheWire,
	RTT_MS,
	startWire,
	takeWireCounts,
	wideServiceIds,
	type Wire,
	type WireCounts,
} from './wire';

export const ITEMS = 100;
/** Medians of 5 (3 for the two that take ~15 s a run), taken round robin: the machine is shared and one run can be an outlier. */
export const RUNS = 5;
const SLOW_RUNS = 3;
const SLOW = new Set(['nodepwd1', 'handloop']);
const RATE_ITEMS = 500;
const RATE_LIMIT = 50;
export const PASSWORD_CREDENTIAL = { id: 'benchPasswordCr1', name: 'bench password' };
export const ACCESS_KEY_CREDENTIAL = { id: 'benchAccessKeyC1', name: 'bench access key' };

export interface Variant {
	name: string;
	path: string;
	workflow: (wire: Wire) => WorkflowJson;
	/** The hand-built workflow's counterpart of the node's default, for ratios. */
	handBuilt?: boolean;
}

export function accountOf(wire: Wire) {
	return seedAccount(wire.seed);
}

/** n8n workflow ids are 16 characters. */
export const workflowId = (path: string): string =>
	`bench${createHash('sha256').update(path).digest('hex').slice(0, 11)}`;

export const nodeVariant = (
	name: string,
	path: string,
	credential: typeof PASSWORD_CREDENTIAL,
	parallel?: number,
): Variant => ({
	name,
	path,
	workflow: () => nodeWorkflow(workflowId(path), path, credential, parallel),
});
export const handVariant = (
	name: string,
	path: string,
	style: HandBuiltStyle,
	continueOnFail = false,
): Variant => ({
	name,
	path,
	handBuilt: true,
	workflow: (wire) =>
		handBuiltWorkflow(workflowId(path), path, wire.apiUrl, accountOf(wire), style, continueOnFail),
});

const SPEED_VARIANTS: Variant[] = [
	nodeVariant(
		`node, password, default Parallel (${DEFAULT_PARALLEL_REQUESTS})`,
		'nodepwdflt',
		PASSWORD_CREDENTIAL,
	),
	nodeVariant(
		`node, access key, default Parallel (${DEFAULT_PARALLEL_REQUESTS})`,
		'nodekeydflt',
		ACCESS_KEY_CREDENTIAL,
	),
	...[1, 5, 20, 50, 100]
		.filter((parallel) => parallel !== DEFAULT_PARALLEL_REQUESTS)
		.map((parallel) =>
			nodeVariant(
				`node, password, Parallel ${parallel}`,
				`nodepwd${parallel}`,
				PASSWORD_CREDENTIAL,
				parallel,
			),
		),
	handVariant('hand-built, default (all items at once)', 'handdflt', 'default'),
	handVariant('hand-built, Batching (10 per batch, no interval)', 'handbatch', 'batching'),
	handVariant('hand-built, Loop Over Items (batch of 1)', 'handloop', 'loop'),
];
const RATE_NODE = nodeVariant('node, password, default Parallel', 'ratenode', PASSWORD_CREDENTIAL);
const RATE_HAND = handVariant(
	'hand-built, default, On Error: Continue',
	'ratehand',
	'default',
	true,
);

export function credentials(wire: Wire): CredentialJson[] {
	const account = accountOf(wire);
	return [
		passwordCredential(account, wire.apiUrl, PASSWORD_CREDENTIAL),
		demoCredential(account, wire.apiUrl, ACCESS_KEY_CREDENTIAL),
	];
}

export interface Measured {
	ms: number;
	counts: WireCounts;
	ok: number;
	lost: number;
	/** The items the workflow answered with. */
	output: Array<Record<string, unknown>>;
}

export async function runOnce(
	n8n: RunningN8n,
	wire: Wire,
	variant: Variant,
	items: Array<{ serviceId: string }>,
): Promise<Measured> {
	await takeWireCounts(wire);
	const { ms, status, output } = await n8n.post(variant.path, items);
	const counts = await takeWireCounts(wire);
	const ok =
		status === 200
			? output.filter(
					(item) =>
						typeof item.id === 'string' ||
						typeof item.connectionid === 'string' ||
						(typeof item.connection === 'object' && item.connection !== null) ||
						// A GraphQL answer: { data: { connect: { id, … } } }
						typeof (item.data as { connect?: { id?: unknown } } | undefined)?.connect?.id ===
							'string',
				).length
			: 0;
	if (ok < items.length) {
		// Say why, so a failed run can be told from a slow one (n8n answers with the error, or items carry it).
		const failure =
			output.find((item) => item.error !== undefined || item.message !== undefined) ?? output[0];
		process.stderr.write(
			`  ${variant.name}: ${ok} of ${items.length} connected (HTTP ${status}): ${JSON.stringify(failure).slice(0, 400)}\n`,
		);
		if (status !== 200)
			process.stderr.write(
				`  n8n's failed execution: ${n8n.lastFailure()}\n  n8n's last output:\n${n8n.server.output().slice(-2000)}\n`,
			);
	}
	return { ms, counts, ok, lost: items.length - ok, output };
}

const per100 = (value: number, items: number): number => (value * 100) / items;

function speedRow(variant: Variant, runs: Measured[]): BenchRow {
	const ms = median(runs.map((run) => run.ms));
	const last = runs[runs.length - 1];
	const figures: Figure[] = [
		{ label: 'wall (median)', value: ms, unit: 'ms' },
		{ label: 'per item / RTT', value: ms / ITEMS / RTT_MS, unit: '×', decimals: 2 },
		{ label: 'TCP conns /100', value: per100(last.counts.tcpConnections, ITEMS), unit: '' },
		{ label: 'TLS handshakes /100', value: per100(last.counts.tlsHandshakes, ITEMS), unit: '' },
		{ label: 'logins (warm run)', value: last.counts.logins, unit: '' },
		{ label: 'peak sockets open', value: last.counts.peakOpen, unit: '' },
	];
	const checks: Check[] = [
		{
			what: `${Math.min(...runs.map((run) => run.ok))} of ${ITEMS} connected in every run`,
			ok: runs.every((run) => run.ok === ITEMS),
		},
	];
	if (!variant.handBuilt && variant.path.includes('pwd'))
		checks.push({
			what: 'warm execution: 0 logins',
			ok: runs.every((run) => run.counts.logins === 0),
		});
	return {
		benchmark: `Real n8n, ${ITEMS} connects, ${overTheWire()}`,
		case: variant.name,
		figures,
		checks,
	};
}

async function rateRows(n8n: RunningN8n, wire: Wire): Promise<BenchRow[]> {
	const items = wideServiceIds(RATE_ITEMS).map((serviceId) => ({ serviceId }));
	const rows: BenchRow[] = [];
	for (const variant of [RATE_NODE, RATE_HAND]) {
		await setRateLimit(wire.controlUrl, 0);
		await n8n.post(variant.path, items.slice(0, 5)); // warm, unlimited
		await setRateLimit(wire.controlUrl, RATE_LIMIT);
		await new Promise((resolve) => setTimeout(resolve, 1100)); // a full bucket
		const run = await runOnce(n8n, wire, variant, items);
		const throughput = (run.ok * 1000) / run.ms;
		rows.push({
			benchmark: `Real n8n under a rate limit of ${RATE_LIMIT} requests/s per account, ${RATE_ITEMS} connects`,
			case: variant.name,
			figures: [
				{ label: 'wall', value: run.ms, unit: 'ms' },
				{ label: 'connected', value: run.ok, unit: '' },
				{ label: 'lost', value: run.lost, unit: '' },
				{ label: 'connects/s', value: throughput, unit: '', decimals: 1 },
				{ label: 'of limit', value: (100 * throughput) / RATE_LIMIT, unit: '%' },
				{ label: '429s', value: run.counts.throttled, unit: '' },
			],
			checks:
				variant === RATE_NODE
					? [
							{ what: 'all connected', ok: run.lost === 0 },
							{ what: '≥ 90% of the limit', ok: throughput >= 0.9 * RATE_LIMIT },
						]
					: [],
		});
	}
	await setRateLimit(wire.controlUrl, 0);
	return rows;
}

function ratioRows(rows: BenchRow[]): BenchRow[] {
	const wall = (name: string) =>
		rows.find((row) => row.case === name)?.figures[0].value ?? Number.NaN;
	const handDefault = wall(SPEED_VARIANTS.find((variant) => variant.path === 'handdflt')!.name);
	return SPEED_VARIANTS.filter((variant) => !variant.handBuilt).map((variant) => ({
		benchmark:
			'Real n8n: hand-built default (all at once) wall ÷ node wall (above 1 = the node is faster)',
		case: variant.name,
		figures: [{ label: 'ratio', value: handDefault / wall(variant.name), unit: '×', decimals: 2 }],
		checks: variant.path.endsWith('dflt')
			? [{ what: 'node at defaults at least as fast', ok: handDefault / wall(variant.name) >= 1 }]
			: [],
	}));
}

async function run(): Promise<BenchRow[]> {
	const wire = await startWire({ services: RATE_ITEMS });
	let n8n: RunningN8n | undefined;
	try {
		const workflows = [...SPEED_VARIANTS, RATE_NODE, RATE_HAND].map((variant) =>
			variant.workflow(wire),
		);
		n8n = await startBenchN8n(credentials(wire), workflows);
		const items = wideServiceIds(ITEMS).map((serviceId) => ({ serviceId }));
		// Warm: n8n loads the nodes; the node's password token is cached from here.
		for (const variant of SPEED_VARIANTS) await n8n.post(variant.path, items);
		// Round robin, one run of each variant per round: on a shared machine the load moves between runs, and
		// every variant (and so every ratio) sees the same stretch of it.
		const runs = new Map<Variant, Measured[]>(SPEED_VARIANTS.map((variant) => [variant, []]));
		for (let round = 0; round < RUNS; round++) {
			for (const variant of SPEED_VARIANTS) {
				if (round >= (SLOW.has(variant.path) ? SLOW_RUNS : RUNS)) continue;
				runs.get(variant)!.push(await runOnce(n8n, wire, variant, items));
			}
		}
		const rows = SPEED_VARIANTS.map((variant) => {
			const measured = runs.get(variant)!;
			process.stderr.write(
				`  ${variant.name}: ${measured.map((r) => Math.round(r.ms)).join(' / ')} ms\n`,
			);
			return speedRow(variant, measured);
		});
		return [...rows, ...ratioRows(rows), ...(await rateRows(n8n, wire))];
	} finally {
		await n8n?.close();
		await wire.close();
	}
}

export const wireN8nBenchmark: Benchmark = { name: 'wire n8n', run };
