/** remoteit-disconnect in the real Node-RED runtime against the emulator. */
import { listEmulatorConnections } from '../support/emulator-control';
import {
	accessKeyCredentials,
	eventually,
	flowAround,
	loadFlow,
	nextMessage,
	nodeById,
	recordStatuses,
	type FlowNode,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import { createAccountClient } from '../../nodes/node-red/lib/account-client';
import type { Connection } from '../../client';
import { SSH } from '../support/demo';

const { emulator, account } = useDemoWithNodeRed();

function disconnectNode(overrides: Partial<FlowNode> = {}): FlowNode {
	return {
		id: 'disconnect',
		type: 'remoteit-disconnect',
		connection: 'payload',
		connectionType: 'msg',
		serviceId: '',
		...overrides,
	};
}

async function load(node: FlowNode = disconnectNode()): Promise<void> {
	await loadFlow(flowAround(node, emulator.url), accessKeyCredentials(account));
}

/** A live connection to disconnect, opened the way remoteit-connect opens one. */
function openConnection(): Promise<Connection> {
	const client = createAccountClient({
		apiUrl: emulator.url,
		authMethod: 'accessKey',
		credentials: accessKeyCredentials(account),
	});
	return client.connect(SSH);
}

describe('remoteit-disconnect', () => {
	it('closes the connection object from msg.payload, keeps the message, and shows blue then green', async () => {
		const connection = await openConnection();
		await load();
		const statuses = recordStatuses('disconnect');
		const output = nextMessage('out');
		nodeById('disconnect').receive({ payload: connection, topic: 'done with it' });

		const msg = await output;
		expect(msg.payload).toEqual({ id: connection.id, serviceId: SSH, disconnected: true });
		expect(msg.topic).toBe('done with it');
		expect(await listEmulatorConnections(emulator.url)).toHaveLength(0);
		await eventually(() => statuses.length >= 2, 'the success status');
		expect(statuses.slice(0, 2)).toEqual([
			{ fill: 'blue', shape: 'dot', text: 'disconnecting…' },
			{ fill: 'green', shape: 'dot', text: 'disconnected' },
		]);
	});

	it('takes a bare connection id with msg.serviceId', async () => {
		const connection = await openConnection();
		await load();
		const output = nextMessage('out');
		nodeById('disconnect').receive({ payload: connection.id, serviceId: SSH });
		expect((await output).payload).toMatchObject({ id: connection.id, disconnected: true });
		expect(await listEmulatorConnections(emulator.url)).toHaveLength(0);
	});

	it('takes a bare connection id from flow context with the configured Service ID', async () => {
		const connection = await openConnection();
		await load(disconnectNode({ connection: 'proxy', connectionType: 'flow', serviceId: SSH }));
		const contextNode = nodeById('disconnect') as unknown as {
			context(): { flow: { set(key: string, value: unknown): void } };
		};
		contextNode.context().flow.set('proxy', connection.id);
		const output = nextMessage('out');
		nodeById('disconnect').receive({ payload: 'unused' });
		expect((await output).payload).toMatchObject({
			id: connection.id,
			serviceId: SSH,
			disconnected: true,
		});
	});

	it('sends a bare id without any service id to the Catch node, without calling remote.it', async () => {
		const connection = await openConnection();
		await load();
		const statuses = recordStatuses('disconnect');
		const caught = nextMessage('caught');
		nodeById('disconnect').receive({ payload: connection.id });
		expect(((await caught).error as { message: string }).message).toMatch(
			/needs the service id of the connection/,
		);
		expect(await listEmulatorConnections(emulator.url)).toHaveLength(1);
		await eventually(() => statuses.length >= 2, 'the failure status');
		expect(statuses[1]).toEqual({ fill: 'red', shape: 'ring', text: 'invalid input' });
	});

	it.each([
		[
			'no connection at all',
			undefined,
			/msg\.payload: remote\.it disconnect needs a connection here/,
		],
		['a number', 42, /msg\.payload: remote\.it disconnect needs a connection here/],
	])('sends %s to the Catch node', async (_label, payload, message) => {
		await load();
		const caught = nextMessage('caught');
		nodeById('disconnect').receive({ payload });
		expect(((await caught).error as { message: string }).message).toMatch(message);
	});

	it("reports remote.it's refusal for a connection that is already closed", async () => {
		const connection = await openConnection();
		await load();
		const first = nextMessage('out');
		nodeById('disconnect').receive({ payload: connection });
		await first;
		const statuses = recordStatuses('disconnect');
		const caught = nextMessage('caught');
		nodeById('disconnect').receive({ payload: connection });
		expect(((await caught).error as { message: string }).message).toMatch(
			/^(?!\w*Error: ).*connection/i,
		);
		await eventually(() => statuses.length >= 2, 'the failure status');
		expect(statuses[1]).toEqual({ fill: 'red', shape: 'ring', text: 'not found' });
	});
});
