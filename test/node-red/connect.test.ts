/** remoteit-connect in the real Node-RED runtime against the emulator. */
import { listEmulatorConnections, setOnline } from '../support/emulator-control';
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
	type FlowNode,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import { SSH, WEB_UI } from '../support/demo';

const { emulator, account } = useDemoWithNodeRed();

async function load(node: FlowNode = connectNode()): Promise<void> {
	await loadFlow(flowAround(node, emulator.url), accessKeyCredentials(account));
}

describe('remoteit-connect', () => {
	it('puts the connection in msg.payload, keeps the other properties, and shows blue then green', async () => {
		await load();
		const statuses = recordStatuses('connect');
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: SSH, topic: 'ssh', correlation: { ticket: 7 } });
		const msg = await output;

		expect(msg.topic).toBe('ssh');
		expect(msg.correlation).toEqual({ ticket: 7 });
		const connection = msg.payload as Record<string, unknown>;
		expect(connection).toMatchObject({
			serviceId: SSH,
			reverseProxy: false,
			accessMode: 'latching',
			timeoutSeconds: 28800,
		});
		expect(connection.url).toBe(`tcp://${String(connection.host)}:${String(connection.port)}`);
		const live = await listEmulatorConnections(emulator.url);
		expect(live.map((c) => c.id.toLowerCase())).toContain(String(connection.id).toLowerCase());

		await eventually(() => statuses.length >= 2, 'the success status');
		expect(statuses[0]).toMatchObject({ fill: 'blue', text: 'connecting…' });
		expect(statuses[1]).toEqual({
			fill: 'green',
			shape: 'dot',
			text: `${String(connection.host)}:${String(connection.port)}`,
		});
	});

	it('connects to the configured str service and to a "device name/service name" pair', async () => {
		await load(
			connectNode({ service: 'factory-gateway/Web UI', serviceType: 'str', proxyType: 'reverse' }),
		);
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: 'ignored' });
		const connection = (await output).payload as Record<string, unknown>;
		expect(connection).toMatchObject({ serviceId: WEB_UI, reverseProxy: true, port: null });
		expect(String(connection.url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/); // the emulator's reverse proxy
	});

	it('reads the service from flow context and from an environment variable', async () => {
		const flow = flowAround(connectNode({ service: 'target', serviceType: 'flow' }), emulator.url);
		flow[0].env = [{ name: 'REMOTEIT_SERVICE', value: SSH, type: 'str' }];
		const envNode = {
			...connectNode({ id: 'connect-env', service: 'REMOTEIT_SERVICE', serviceType: 'env' }),
			account: ACCOUNT_ID,
			z: TAB_ID,
			wires: [['out']],
		};
		await loadFlow([...flow, envNode], accessKeyCredentials(account));
		const received = collect('out');

		const contextNode = nodeById('connect') as unknown as {
			context(): { flow: { set(key: string, value: unknown): void } };
		};
		contextNode.context().flow.set('target', { id: SSH, name: 'SSH' });
		nodeById('connect').receive({ payload: 'ignored', via: 'flow' });
		nodeById('connect-env').receive({ payload: 'ignored', via: 'env' });
		await eventually(() => received.length === 2, 'two connections');

		for (const via of ['flow', 'env']) {
			expect(received.find((m) => m.via === via)?.payload).toMatchObject({ serviceId: SSH });
		}
	});

	it('returns the live connection with reuse instead of opening another', async () => {
		await load(connectNode({ reuse: true }));
		const received = collect('out');
		nodeById('connect').receive({ payload: SSH });
		await eventually(() => received.length === 1, 'the first connection');
		nodeById('connect').receive({ payload: SSH });
		await eventually(() => received.length === 2, 'the reused connection');

		const [first, second] = received.map((m) => m.payload as Record<string, unknown>);
		expect(second.id).toBe(first.id);
		expect(await listEmulatorConnections(emulator.url)).toHaveLength(1);
	});

	it('sends an offline device to the Catch node with the client message and a red status', async () => {
		await setOnline(emulator.url, '80:00:00:00:01:00:00:01', false);
		await load();
		const statuses = recordStatuses('connect');
		const caught = nextMessage('caught');
		const output = collect('out');
		nodeById('connect').receive({ payload: SSH, topic: 'kept' });

		const msg = await caught;
		const error = msg.error as { message: string; source: { id: string } };
		expect(error.source.id).toBe('connect');
		expect(error.message).toMatch(/offline/i);
		expect(msg.topic).toBe('kept');
		expect(output).toHaveLength(0);
		await eventually(() => statuses.length >= 2, 'the failure status');
		expect(statuses[1]).toEqual({ fill: 'red', shape: 'ring', text: 'device offline' });
	});

	it.each([
		[
			'an object without a service',
			{ hello: 'world' },
			/^msg\.payload: remote\.it connect needs a service here/,
		],
		['a malformed service id', 'not-a-service', /^msg\.payload: .*not a remote\.it id/],
		[
			'an unknown service',
			'80:00:00:00:0F:FF:FF:FF',
			/^This remote\.it account has no service 80:00:00:00:0F:FF:FF:FF/,
		],
		[
			'a service the device lacks',
			'factory-gateway/Telnet',
			/^No service "factory-gateway\/Telnet" .*Device "factory-gateway" exists, but has no service "Telnet"; its services: "Postgres", "SSH", "Web UI"\.$/,
		],
		[
			'a misspelt device',
			'factory-gatway/SSH',
			/^No service .* No device is named "factory-gatway"\. Closest device names: "factory-gateway"\.$/,
		],
	])(
		'sends %s to the Catch node, as text like core nodes report theirs',
		async (_label, payload, message) => {
			await load();
			const caught = nextMessage('caught');
			nodeById('connect').receive({ payload });
			expect(((await caught).error as { message: string }).message).toMatch(message);
		},
	);

	it('refuses a restricted connection without a public IP before calling remote.it', async () => {
		await load(connectNode({ accessMode: 'restricted', hostIp: '' }));
		const caught = nextMessage('caught');
		nodeById('connect').receive({ payload: SSH });
		expect(((await caught).error as { message: string }).message).toMatch(/IP/);
		expect(await listEmulatorConnections(emulator.url)).toHaveLength(0);
	});
});
