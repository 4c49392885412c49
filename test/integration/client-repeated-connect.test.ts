/**
 * Repeated connects to one service: remote.it closes the earlier connection (docs/remoteit-api.md §2, §7), and the
 * client names it in `replacedConnectionId`. REST says so in its answer; over GraphQL the connects that answer
 * together share one session list, so a burst costs about one request per connect.
 */
import type { Connection } from '../../client';
import { createAxiosTransport } from '../../client/transport/axios';
import { clearRequestLog, listEmulatorConnections } from '../support/emulator-control';
import { SSH, useClientDemo } from './client-fixtures';

const demo = useClientDemo();
const CONNECTS = 100;

async function closedByRemoteIt(connections: Connection[]): Promise<string[]> {
	const live = new Set((await listEmulatorConnections(demo.emulator.url)).map((c) => c.id));
	return connections.map((c) => c.id).filter((id) => !live.has(id));
}

const replacedIds = (connections: Connection[]): string[] =>
	connections.flatMap((c) => (c.replacedConnectionId ? [c.replacedConnectionId] : []));

describe.each([
	['accessKey', 'GraphQL'],
	['password', 'REST v27'],
] as const)('%s (%s)', (kind, _api) => {
	it(`${CONNECTS} connects at once to one service: at most 1.05 requests each, every closed one named once`, async () => {
		const client = await demo.client(kind);
		await client.testCredentials();
		await clearRequestLog(demo.emulator.url);
		const connections = await Promise.all(
			Array.from({ length: CONNECTS }, () => client.connect(SSH)),
		);
		const requests = (await demo.log()).length;
		expect(requests / CONNECTS).toBeLessThanOrEqual(1.05);
		const closed = await closedByRemoteIt(connections);
		expect(closed).toHaveLength(CONNECTS - 1);
		expect(replacedIds(connections).sort()).toEqual(closed.sort());
	}, 60_000);

	it('names the replaced connection when its answer comes after the answer of the connect that replaced it', async () => {
		const axiosSend = createAxiosTransport({ timeoutMs: 5000 });
		let connects = 0;
		const client = await demo.client(kind, {
			send: async (request) => {
				const isConnect = /device\/connect$|mutation Connect/.test(
					`${request.url} ${request.body}`,
				);
				const answer = await axiosSend(request);
				// remote.it handles the first connect first, but its answer arrives last.
				if (isConnect && ++connects === 1) await new Promise((resolve) => setTimeout(resolve, 300));
				return answer;
			},
		});
		const [first, second] = await Promise.all([client.connect(SSH), client.connect(SSH)]);
		expect(await closedByRemoteIt([first, second])).toEqual([first.id]);
		expect(replacedIds([first, second])).toEqual([first.id]);
	});

	it('connects one after another: each names the connection it replaced', async () => {
		const client = await demo.client(kind);
		const first = await client.connect(SSH);
		const second = await client.connect(SSH);
		const third = await client.connect(SSH);
		expect([first, second, third].map((c) => c.replacedConnectionId)).toEqual([
			undefined,
			first.id,
			second.id,
		]);
		expect(await closedByRemoteIt([first, second, third])).toEqual([first.id, second.id]);
	});
});

it('a connect to a service this client never connected to before lists no sessions', async () => {
	const client = await demo.client('accessKey');
	await client.testCredentials();
	await clearRequestLog(demo.emulator.url);
	const first = await client.connect(SSH);
	expect(first.replacedConnectionId).toBeUndefined();
	expect((await demo.log()).map((e) => e.operation)).toEqual(['mutation connect']);
});
