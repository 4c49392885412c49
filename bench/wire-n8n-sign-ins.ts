/**
 * (wire 3) In real n8n, over HTTPS behind the latency proxy: each sign-in, node at its defaults against what a user of
 * that sign-in would build by hand, for 100 connects to one service and 100 connects to 100 services. Requests per
 * connect come from the emulator's traffic counters; over GraphQL a repeated connect shares one session list
 * (docs/remoteit-api.md §7), so one service must cost about what 100 services cost.
 */
import { listEmulatorConnections } from '../test/support/emulator-control';
import { signedHandBuiltWorkflow } from './handbuilt-workflows';
import { median } from './measure';
import { startBenchN8n } from './n8n-engine';
import type { Benchmark, BenchRow, Check } from './report';
import { overTheWire, RTT_MS, startWire, wideServiceIds, type Wire } from './wire';
import {
	ACCESS_KEY_CREDENTIAL,
	accountOf,
	credentials,
	handVariant,
	ITEMS,
	nodeVariant,
	PASSWORD_CREDENTIAL,
	runOnce,
	RUNS,
	workflowId,
	type Measured,
	type Variant,
} from './wire-n8n';

const NODE_PASSWORD = nodeVariant('node, password, defaults', 'signpwd', PASSWORD_CREDENTIAL);
const NODE_ACCESS_KEY = nodeVariant('node, access key, defaults', 'signkey', ACCESS_KEY_CREDENTIAL);
const HAND_PASSWORD = handVariant(
	'hand-built, password (login + REST connect)',
	'signhandpwd',
	'default',
);
const HAND_ACCESS_KEY: Variant = {
	name: 'hand-built, access key (Code node signs, GraphQL connect)',
	path: 'signhandkey',
	handBuilt: true,
	workflow: (wire) =>
		signedHandBuiltWorkflow(workflowId('signhandkey'), 'signhandkey', wire.apiUrl, accountOf(wire)),
};
const VARIANTS = [NODE_PASSWORD, NODE_ACCESS_KEY, HAND_PASSWORD, HAND_ACCESS_KEY];
/** At most this many requests per connect for the node: 100 connects and a few shared session lists. */
const MAX_REQUESTS_PER_CONNECT = 1.05;

interface Target {
	name: string;
	serviceIds: string[];
}

const TARGETS: Target[] = [
	{ name: 'one service', serviceIds: Array.from({ length: ITEMS }, () => wideServiceIds(1)[0]) },
	{ name: `${ITEMS} services`, serviceIds: wideServiceIds(ITEMS) },
];

/** The node's outputs that name a connection remote.it closed, and how many of its connections are closed. */
async function replacements(
	wire: Wire,
	run: RunOutput,
): Promise<{ named: number; closed: number }> {
	const live = new Set((await listEmulatorConnections(wire.controlUrl)).map((c) => c.id));
	const ids = run.output
		.map((item) => item.id)
		.filter((id): id is string => typeof id === 'string');
	return {
		named: run.output.filter((item) => typeof item.replacedConnectionId === 'string').length,
		closed: ids.filter((id) => !live.has(id)).length,
	};
}

interface RunOutput extends Measured {
	replaced?: { named: number; closed: number };
}

function row(target: Target, variant: Variant, runs: RunOutput[]): BenchRow {
	const ms = median(runs.map((run) => run.ms));
	const perConnect = Math.max(...runs.map((run) => run.counts.requests / ITEMS));
	const checks: Check[] = [
		{
			what: `${Math.min(...runs.map((run) => run.ok))} of ${ITEMS} connected in every run`,
			ok: runs.every((run) => run.ok === ITEMS),
		},
	];
	if (!variant.handBuilt) {
		checks.push({
			what: `≤ ${MAX_REQUESTS_PER_CONNECT} requests per connect`,
			ok: perConnect <= MAX_REQUESTS_PER_CONNECT,
		});
		if (target.name === 'one service')
			checks.push({
				what: 'every connection remote.it closed is named by replacedConnectionId',
				ok: runs.every((run) => run.replaced && run.replaced.named === run.replaced.closed),
			});
	}
	const replaced = runs.at(-1)?.replaced;
	return {
		benchmark: `Real n8n, ${ITEMS} connects to ${target.name}, each sign-in, ${overTheWire()}`,
		case: variant.name,
		figures: [
			{ label: 'wall (median)', value: ms, unit: 'ms' },
			{ label: 'per item / RTT', value: ms / ITEMS / RTT_MS, unit: '×', decimals: 2 },
			{ label: 'requests / connect (most)', value: perConnect, unit: '', decimals: 2 },
			...(replaced
				? [
						{ label: 'closed by remote.it', value: replaced.closed, unit: '' },
						{ label: 'named as replaced', value: replaced.named, unit: '' },
					]
				: []),
		],
		checks,
	};
}

function ratioRows(target: Target, walls: Map<Variant, number>): BenchRow[] {
	const ratio = (a: Variant, b: Variant) => walls.get(a)! / walls.get(b)!;
	const benchmark = `Real n8n, ${ITEMS} connects to ${target.name}: wall ÷ wall (above 1 = the second is faster)`;
	return [
		{
			benchmark,
			case: 'hand-built password ÷ node access key',
			figures: [
				{ label: 'ratio', value: ratio(HAND_PASSWORD, NODE_ACCESS_KEY), unit: '×', decimals: 2 },
			],
			checks: [{ what: 'at least 1.0', ok: ratio(HAND_PASSWORD, NODE_ACCESS_KEY) >= 1 }],
		},
		{
			benchmark,
			case: 'node password ÷ node access key',
			figures: [
				{ label: 'ratio', value: ratio(NODE_PASSWORD, NODE_ACCESS_KEY), unit: '×', decimals: 2 },
			],
			// Access key within 10% of password: its wall at most 1.1 × the password's.
			checks: [
				{
					what: 'at least 0.91 (within 10%)',
					ok: ratio(NODE_PASSWORD, NODE_ACCESS_KEY) >= 1 / 1.1,
				},
			],
		},
		{
			benchmark,
			case: 'hand-built access key ÷ node access key',
			figures: [
				{ label: 'ratio', value: ratio(HAND_ACCESS_KEY, NODE_ACCESS_KEY), unit: '×', decimals: 2 },
			],
		},
		{
			benchmark,
			case: 'hand-built password ÷ node password',
			figures: [
				{ label: 'ratio', value: ratio(HAND_PASSWORD, NODE_PASSWORD), unit: '×', decimals: 2 },
			],
		},
	];
}

async function run(): Promise<BenchRow[]> {
	const wire = await startWire({ services: ITEMS });
	try {
		// The hand-built access-key workflow's Code node needs Node's crypto (see handbuilt-workflows.ts).
		const n8n = await startBenchN8n(
			credentials(wire),
			VARIANTS.map((variant) => variant.workflow(wire)),
			{ NODE_FUNCTION_ALLOW_BUILTIN: 'crypto' },
		);
		try {
			const rows: BenchRow[] = [];
			for (const target of TARGETS) {
				const items = target.serviceIds.map((serviceId) => ({ serviceId }));
				for (const variant of VARIANTS) await n8n.post(variant.path, items); // warm
				const runs = new Map<Variant, RunOutput[]>(VARIANTS.map((variant) => [variant, []]));
				// Round robin, as wire-n8n.ts does: every ratio compares runs that met the same load.
				for (let round = 0; round < RUNS; round++) {
					for (const variant of VARIANTS) {
						const measured: RunOutput = await runOnce(n8n, wire, variant, items);
						if (!variant.handBuilt && target.name === 'one service')
							measured.replaced = await replacements(wire, measured);
						runs.get(variant)!.push(measured);
					}
				}
				const walls = new Map<Variant, number>();
				for (const variant of VARIANTS) {
					const measured = runs.get(variant)!;
					process.stderr.write(
						`  ${target.name}, ${variant.name}: ${measured.map((r) => Math.round(r.ms)).join(' / ')} ms\n`,
					);
					walls.set(variant, median(measured.map((r) => r.ms)));
					rows.push(row(target, variant, measured));
				}
				rows.push(...ratioRows(target, walls));
			}
			return rows;
		} finally {
			await n8n.close();
		}
	} finally {
		await wire.close();
	}
}

export const wireN8nSignInsBenchmark: Benchmark = { name: 'wire n8n sign-ins', run };
