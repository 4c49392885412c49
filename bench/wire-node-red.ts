/**
 * (wire 3) Node-RED over HTTPS behind the latency proxy, 100 connects: remoteit-connect against the core
 * `http request` node calling REST v27 with a token from one login (as users do without this package), both with
 * all messages at once and one at a time.
 */
import type { NodeMessage } from '../nodes/node-red/lib/node-red-api';
import { seedAccount } from '../test/support/emulator-control';
import { timed } from './measure';
import {
	loadHttpRequestFlow,
	loadRemoteItFlow,
	sendAll,
	sendInTurn,
	unloadFlow,
} from './node-red-flows';
import type { Benchmark, BenchRow } from './report';
import { RTT_MS, startWire, takeWireCounts, wideServiceIds, type Wire } from './wire';

const ITEMS = 100;

type Sender = (inputId: string, messages: NodeMessage[]) => Promise<NodeMessage[]>;

function row(
	variant: string,
	ms: number,
	counts: Awaited<ReturnType<typeof takeWireCounts>>,
	ok: number,
): BenchRow {
	return {
		benchmark: `Node-RED 4, ${ITEMS} connects, HTTPS, ${RTT_MS} ms RTT (latency proxy)`,
		case: variant,
		figures: [
			{ label: 'wall', value: ms, unit: 'ms' },
			{ label: 'per item / RTT', value: ms / ITEMS / RTT_MS, unit: '×', decimals: 2 },
			{ label: 'TCP conns /100', value: (counts.tcpConnections * 100) / ITEMS, unit: '' },
			{ label: 'TLS handshakes /100', value: (counts.tlsHandshakes * 100) / ITEMS, unit: '' },
			{ label: 'logins', value: counts.logins, unit: '' },
			{ label: 'peak sockets open', value: counts.peakOpen, unit: '' },
		],
		checks: [{ what: `${ok} of ${ITEMS} connected`, ok: ok === ITEMS }],
	};
}

async function remoteItRows(wire: Wire, services: string[]): Promise<BenchRow[]> {
	const account = seedAccount(wire.seed);
	const rows: BenchRow[] = [];
	await loadRemoteItFlow(wire.apiUrl, account, false);
	try {
		await sendAll('connect', [{ payload: services[0] }]); // warm: login, socket
		for (const [name, send] of [
			['all at once', sendAll],
			['one at a time', sendInTurn],
		] as Array<[string, Sender]>) {
			await takeWireCounts(wire);
			const { result, ms } = await timed(() =>
				send(
					'connect',
					services.map((payload) => ({ payload })),
				),
			);
			const ok = result.filter(
				(msg) => typeof (msg.payload as { id?: unknown })?.id === 'string',
			).length;
			rows.push(row(`remoteit-connect, ${name}`, ms, await takeWireCounts(wire), ok));
		}
	} finally {
		await unloadFlow();
	}
	return rows;
}

async function httpRequestRows(
	wire: Wire,
	services: string[],
	persist: boolean,
): Promise<BenchRow[]> {
	const account = seedAccount(wire.seed);
	const rows: BenchRow[] = [];
	await loadHttpRequestFlow(persist);
	try {
		const connectMessages = (token: string): NodeMessage[] =>
			services.map((serviceId) => ({
				url: `${wire.apiUrl}/apv/v27/device/connect`,
				method: 'POST',
				headers: { 'content-type': 'application/json', developerkey: account.developerKey, token },
				payload: { deviceaddress: serviceId, wait: 'true' },
			}));
		const login = async (): Promise<string> => {
			const [answer] = await sendAll('http', [
				{
					url: `${wire.apiUrl}/apv/v27/user/login`,
					method: 'POST',
					headers: { 'content-type': 'application/json', developerkey: account.developerKey },
					payload: { username: account.email, password: account.password },
				},
			]);
			return String((answer.payload as { token?: unknown }).token);
		};
		await sendAll('http', connectMessages(await login()).slice(0, 1)); // warm
		for (const [name, send] of [
			['all at once', sendAll],
			['one at a time', sendInTurn],
		] as Array<[string, Sender]>) {
			await takeWireCounts(wire);
			const { result, ms } = await timed(async () => send('http', connectMessages(await login())));
			const ok = result.filter(
				(msg) => typeof (msg.payload as { connectionid?: unknown })?.connectionid === 'string',
			).length;
			rows.push(
				row(
					`core http request${persist ? ' (keep-alive on)' : ''}, login + ${name}`,
					ms,
					await takeWireCounts(wire),
					ok,
				),
			);
		}
	} finally {
		await unloadFlow();
	}
	return rows;
}

async function run(): Promise<BenchRow[]> {
	const wire = await startWire({ services: ITEMS });
	const services = wideServiceIds(ITEMS);
	try {
		const rows = [
			...(await remoteItRows(wire, services)),
			...(await httpRequestRows(wire, services, false)),
			...(await httpRequestRows(wire, services, true)),
		];
		const wall = (name: string) =>
			rows.find((r) => r.case === name)?.figures[0].value ?? Number.NaN;
		rows.push(
			{
				benchmark:
					'Node-RED: core http request wall ÷ remoteit-connect wall (above 1 = remoteit-connect is faster)',
				case: 'all at once',
				figures: [
					{
						label: 'ratio',
						value:
							wall('core http request, login + all at once') /
							wall('remoteit-connect, all at once'),
						unit: '×',
						decimals: 2,
					},
				],
			},
			{
				benchmark:
					'Node-RED: core http request wall ÷ remoteit-connect wall (above 1 = remoteit-connect is faster)',
				case: 'one at a time',
				figures: [
					{
						label: 'ratio',
						value:
							wall('core http request, login + one at a time') /
							wall('remoteit-connect, one at a time'),
						unit: '×',
						decimals: 2,
					},
				],
			},
		);
		return rows;
	} finally {
		await wire.close();
	}
}

export const wireNodeRedBenchmark: Benchmark = { name: 'wire node-red', run };
