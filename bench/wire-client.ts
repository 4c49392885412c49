/**
 * (wire 1) The shared client as Node-RED runs it (axios, Node's keep-alive agent) over HTTPS behind the latency
 * proxy: 100 connects one after another (Parallel 1). Per-item cost over one RTT, and new TCP connections and TLS
 * handshakes per 100 connects: a reused socket pays the handshakes once.
 */
import { createRemoteItClient } from '../client/transport';
import { createAxiosTransport } from '../client/transport/axios';
import { seedAccount } from '../test/support/emulator-control';
import { timed } from './measure';
import type { Benchmark, BenchRow } from './report';
import { overTheWire, RTT_MS, startWire, takeWireCounts, wideServiceIds } from './wire';

const ITEMS = 100;

async function run(): Promise<BenchRow[]> {
	const wire = await startWire({ services: ITEMS });
	const services = wideServiceIds(ITEMS);
	const account = seedAccount(wire.seed);
	const rows: BenchRow[] = [];
	try {
		for (const kind of ['password', 'accessKey'] as const) {
			const client = createRemoteItClient({
				apiUrl: wire.apiUrl,
				auth:
					kind === 'password'
						? {
								type: 'password',
								developerKey: account.developerKey,
								username: account.email,
								password: account.password,
							}
						: {
								type: 'accessKey',
								accessKeyId: account.accessKeyId,
								secretAccessKey: account.secretAccessKey,
							},
				send: createAxiosTransport({ timeoutMs: 30_000 }),
			});
			await client.listActiveConnections(); // warm: the login (password) and the socket
			await takeWireCounts(wire);
			const { ms } = await timed(async () => {
				for (const serviceId of services) await client.connect(serviceId);
			});
			const counts = await takeWireCounts(wire);
			const perItemRtt = ms / ITEMS / RTT_MS;
			rows.push({
				benchmark: `Shared client (Node-RED transport), ${ITEMS} connects one at a time, ${overTheWire()}`,
				case: kind === 'password' ? 'password / REST' : 'access key / GraphQL',
				figures: [
					{ label: 'wall', value: ms, unit: 'ms' },
					{ label: 'per item / RTT', value: perItemRtt, unit: '×', decimals: 2 },
					{ label: 'TCP conns /100', value: (counts.tcpConnections * 100) / ITEMS, unit: '' },
					{ label: 'TLS handshakes /100', value: (counts.tlsHandshakes * 100) / ITEMS, unit: '' },
					{ label: 'logins', value: counts.logins, unit: '' },
				],
				checks: [
					{ what: `${counts.connects} of ${ITEMS} connected`, ok: counts.connects === ITEMS },
					{ what: 'per item ≤ 1.10 RTT', ok: perItemRtt <= 1.1 },
					{ what: 'warm: 0 logins', ok: counts.logins === 0 },
				],
			});
		}
	} finally {
		await wire.close();
	}
	return rows;
}

export const wireClientBenchmark: Benchmark = { name: 'wire client', run };
