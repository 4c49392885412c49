/**
 * (memory) 10,000 connect → disconnect items against the HTTPS emulator (no added delay: memory, not time), in
 * Node-RED (remoteit-connect → remoteit-disconnect, 100 messages at a time) and in n8n's engine (n8n-core
 * WorkflowExecute over the node, 100 executions of 100 items). RSS and heap after a full GC, at the start (after a
 * warm-up), halfway and at the end: flat means no per-item or per-execution leak (token cache, windows, sockets).
 */
import { randomBytes } from 'node:crypto';
import { seedAccount } from '../test/support/emulator-control';
import { passwordCredentialData } from '../dev/n8n/demo/demo-data';
import { forgetSpyHistory, loadRemoteItFlow, sendAll, unloadFlow } from './node-red-flows';
import { createRemoteItClient } from '../client/transport';
import { createAxiosTransport } from '../client/transport/axios';
import type { Benchmark, BenchRow, Figure } from './report';
import { startWire, wideServiceIds, type Wire } from './wire';

const ITEMS = 10_000;
const WAVE = 100;

interface Sample {
	rssMb: number;
	heapMb: number;
}

function sample(): Sample {
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	gc?.();
	const usage = process.memoryUsage();
	return { rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20 };
}

async function measure(engine: string, runWave: () => Promise<number>): Promise<BenchRow> {
	await runWave(); // warm
	const samples: Sample[] = [sample()];
	let done = 0;
	let ok = 0;
	while (done < ITEMS) {
		ok += await runWave();
		done += WAVE;
		// Quarters, so RSS that levels off can be told from RSS that keeps growing.
		if (done % (ITEMS / 4) === 0) samples.push(sample());
	}
	const [start, quarter, half, threeQuarters, end] = samples;
	const figures: Figure[] = [
		{ label: 'RSS start', value: start.rssMb, unit: 'MB', decimals: 1 },
		{ label: 'RSS 2.5k', value: quarter.rssMb, unit: 'MB', decimals: 1 },
		{ label: 'RSS 5k', value: half.rssMb, unit: 'MB', decimals: 1 },
		{ label: 'RSS 7.5k', value: threeQuarters.rssMb, unit: 'MB', decimals: 1 },
		{ label: 'RSS 10k', value: end.rssMb, unit: 'MB', decimals: 1 },
		{ label: 'heap start', value: start.heapMb, unit: 'MB', decimals: 1 },
		{ label: 'heap 5k', value: half.heapMb, unit: 'MB', decimals: 1 },
		{ label: 'heap 10k', value: end.heapMb, unit: 'MB', decimals: 1 },
	];
	return {
		benchmark: `Memory over ${ITEMS.toLocaleString('en-US')} connect → disconnect items (after GC)`,
		case: engine,
		figures,
		checks: [
			{ what: `${ok} of ${ITEMS} disconnected`, ok: ok === ITEMS },
			// Flat: the second half adds no more than 5 MB of heap (the first may still fill caches and pools).
			{ what: 'heap flat over the second 5k', ok: end.heapMb - half.heapMb <= 5 },
			{
				what: 'gc exposed (run through npm run bench)',
				ok: typeof (globalThis as { gc?: unknown }).gc === 'function',
			},
		],
	};
}

async function nodeRed(wire: Wire, services: string[]): Promise<BenchRow> {
	await loadRemoteItFlow(wire.apiUrl, seedAccount(wire.seed), true);
	try {
		return await measure('Node-RED 4 (remoteit-connect → remoteit-disconnect)', async () => {
			const out = await sendAll(
				'connect',
				services.map((payload) => ({ payload })),
			);
			forgetSpyHistory();
			return out.filter((msg) => (msg.payload as { disconnected?: unknown })?.disconnected === true)
				.length;
		});
	} finally {
		await unloadFlow();
	}
}

async function n8n(wire: Wire, services: string[]): Promise<BenchRow> {
	await import('./prefer-ts-source');
	process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('hex');
	const [{ runWorkflow }, parameters, { shutDownN8nServices }] = await Promise.all([
		import('../test/n8n/support/run-workflow'),
		import('../test/n8n/support/parameters'),
		import('../test/n8n/support/n8n-shutdown'),
	]);
	const credentials = passwordCredentialData(seedAccount(wire.seed), wire.apiUrl);
	try {
		return await measure(
			'n8n engine (n8n-core WorkflowExecute: Connect → Disconnect)',
			async () => {
				const result = await runWorkflow({
					credentials,
					items: services.map((serviceId) => ({ serviceId })),
					nodes: [
						{
							name: 'Connect',
							parameters: parameters.connectParameters(parameters.byId('={{ $json.serviceId }}')),
						},
						{ name: 'Disconnect', parameters: parameters.disconnectParameters },
					],
				});
				return result.output('Disconnect').filter((item) => item.json.disconnected === true).length;
			},
		);
	} finally {
		shutDownN8nServices();
	}
}

/** The client alone, a new one per 100 items as n8n makes one per execution: what the package itself keeps. */
async function clientAlone(wire: Wire, services: string[]): Promise<BenchRow> {
	const account = seedAccount(wire.seed);
	const send = createAxiosTransport({ timeoutMs: 30_000 });
	return measure('shared client alone (a new client per 100 items, window 20)', async () => {
		const client = createRemoteItClient({
			apiUrl: wire.apiUrl,
			send,
			concurrency: 20,
			auth: {
				type: 'password',
				developerKey: account.developerKey,
				username: account.email,
				password: account.password,
			},
		});
		const closed = await Promise.all(
			services.map(async (serviceId) =>
				client.disconnect(
					await client
						.connect(serviceId)
						.then((connection) => ({ connectionId: connection.id, serviceId })),
				),
			),
		);
		return closed.filter((result) => result.disconnected).length;
	});
}

async function run(): Promise<BenchRow[]> {
	const wire = await startWire({ services: WAVE, rttMs: 0 });
	const services = wideServiceIds(WAVE);
	try {
		return [
			await clientAlone(wire, services),
			await nodeRed(wire, services),
			await n8n(wire, services),
		];
	} finally {
		await wire.close();
	}
}

export const memoryBenchmark: Benchmark = { name: 'memory', run };
