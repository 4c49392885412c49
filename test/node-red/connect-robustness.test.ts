/** remoteit-connect under load and abuse: 100 messages in flight, throwing inputs, failing remote.it. */
import { injectFault, resetEmulator, setLatency } from '../support/emulator-control';
import {
	connectNode,
	ACCOUNT_ID,
	TAB_ID,
	accessKeyCredentials,
	collect,
	eventually,
	flowAround,
	loadFlow,
	nextMessage,
	nodeById,
	recordStatuses,
	statusHistory,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';

const SERVICES = [
	'80:00:00:00:01:00:00:02',
	'80:00:00:00:01:00:00:03',
	'80:00:00:00:01:00:00:04',
	'80:00:00:00:01:00:00:11',
];

const { emulator, account } = useDemoWithNodeRed();
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown): void => {
	unhandled.push(reason);
};

beforeAll(() => {
	process.on('unhandledRejection', recordUnhandled);
});
afterAll(() => {
	process.off('unhandledRejection', recordUnhandled);
});
// After the fixture's unload (hooks run in the order they are declared), so rejections while closing count too.
afterEach(() => {
	expect(unhandled).toEqual([]);
});

/** The connect flow plus a Complete node, so every done() call is counted. */
async function loadWithComplete(): Promise<void> {
	const flow = flowAround(connectNode(), emulator.url);
	flow.push({
		id: 'complete-watch',
		z: TAB_ID,
		type: 'complete',
		scope: ['connect'],
		uncaught: false,
		wires: [['completed']],
	});
	flow.push({ id: 'completed', z: TAB_ID, type: 'helper' });
	await loadFlow(flow, accessKeyCredentials(account));
}

describe('remoteit-connect robustness', () => {
	it('answers 100 messages in flight, none lost, each paired with its own input', async () => {
		await setLatency(emulator.url, 20);
		await loadWithComplete();
		const outputs = collect('out');
		const completions = collect('completed');
		const errors = collect('caught');

		for (let seq = 0; seq < 100; seq += 1) {
			const service = SERVICES[seq % SERVICES.length];
			nodeById('connect').receive({
				payload: service,
				seq,
				expectedService: service,
				topic: `request-${seq}`,
			});
		}
		await eventually(
			() => outputs.length + errors.length >= 100 && completions.length >= 100,
			'100 answers',
			20000,
		);

		expect(errors.map((m) => (m.error as { message: string }).message)).toEqual([]);
		expect(outputs.map((m) => m.seq).sort((a, b) => Number(a) - Number(b))).toEqual([
			...Array(100).keys(),
		]);
		for (const msg of outputs) {
			expect(msg.topic).toBe(`request-${String(msg.seq)}`);
			expect((msg.payload as { serviceId: string }).serviceId).toBe(msg.expectedService);
		}
		expect(new Set(outputs.map((m) => (m.payload as { id: string }).id)).size).toBe(100);
		expect(new Set(completions.map((m) => m.seq)).size).toBe(100);
	}, 30000);

	it.each([
		['msg', 'payload[[', /invalid|expression|property/i],
		['jsonata', '$error("expression failed")', /expression failed/],
	])(
		'turns a %s expression that throws into a Catch message, and keeps working',
		async (type, expression, message) => {
			// The editor refuses both, but an imported flow can carry them: one throws at once, the other asynchronously.
			const flow = flowAround(
				{ ...connectNode(), service: expression, serviceType: type },
				emulator.url,
			);
			flow.push({
				...connectNode(),
				id: 'healthy',
				z: TAB_ID,
				account: ACCOUNT_ID,
				wires: [['out']],
			});
			await loadFlow(flow, accessKeyCredentials(account));
			const caught = nextMessage('caught');
			nodeById('connect').receive({ payload: SERVICES[0], topic: 'broken' });
			const msg = await caught;
			expect(msg.topic).toBe('broken');
			expect((msg.error as { message: string }).message).toMatch(message);

			const output = nextMessage('out');
			nodeById('healthy').receive({ payload: SERVICES[0] });
			expect(((await output).payload as { serviceId: string }).serviceId).toBe(SERVICES[0]);
		},
	);

	it('reports an unreadable remote.it answer to the Catch node, shows red, and recovers', async () => {
		await loadWithComplete();
		const statuses = recordStatuses('connect');
		await injectFault(emulator.url, { path: '/graphql/v1', kind: 'malformed', times: 10 });
		const caught = nextMessage('caught');
		nodeById('connect').receive({ payload: SERVICES[0] });
		const error = (await caught).error as { message: string };
		expect(error.message.length).toBeGreaterThan(0);
		await eventually(() => statuses.some((s) => s.fill === 'red'), 'a red status');
		expect(statuses.find((s) => s.fill === 'red')).toEqual({
			fill: 'red',
			shape: 'ring',
			text: 'remote.it unavailable',
		});

		await resetEmulator(emulator.url);
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: SERVICES[1] });
		expect(((await output).payload as { serviceId: string }).serviceId).toBe(SERVICES[1]);
	});

	it('fails every message of a node without an account through the Catch node', async () => {
		const flow = flowAround(connectNode(), emulator.url).filter((n) => n.id !== ACCOUNT_ID);
		await loadFlow(flow, {});
		expect(statusHistory('connect')).toEqual([
			{ fill: 'red', shape: 'ring', text: 'no remote.it account' },
		]);
		const caught = nextMessage('caught');
		nodeById('connect').receive({ payload: SERVICES[0] });
		expect(((await caught).error as { message: string }).message).toMatch(
			/No remote\.it account is configured/,
		);
		expect(flow.find((n) => n.id === 'connect')?.z).toBe(TAB_ID);
	});
});
