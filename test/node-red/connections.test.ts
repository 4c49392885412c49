/** remoteit-connections in the real Node-RED runtime against the emulator. */
import { createRemoteItClient } from '../../client/transport';
import type { NodeMessage } from '../../nodes/node-red/lib/node-red-api';
import { DEMO_IDS, SSH, WEB_UI } from '../support/demo';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import {
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

const { emulator, account } = useDemoWithNodeRed();

const connectionsNode = (overrides: Partial<FlowNode> = {}): FlowNode => ({
	id: 'connections',
	type: 'remoteit-connections',
	output: 'array',
	...overrides,
});

/** Opens connections the way another flow or script of the account would. */
async function open(...serviceIds: string[]): Promise<string[]> {
	const client = createRemoteItClient({
		apiUrl: emulator.url,
		auth: {
			type: 'accessKey',
			accessKeyId: account.accessKeyId,
			secretAccessKey: account.secretAccessKey,
		},
	});
	const ids: string[] = [];
	for (const serviceId of serviceIds) ids.push((await client.connect(serviceId)).id);
	return ids;
}

describe('remoteit-connections', () => {
	it('lists the live connections as an array, keeps the message, and shows the count', async () => {
		const [ssh, web] = await open(SSH, WEB_UI);
		await loadFlow(flowAround(connectionsNode(), emulator.url), accessKeyCredentials(account));
		const statuses = recordStatuses('connections');
		const output = nextMessage('out');
		nodeById('connections').receive({ payload: 'go', topic: 'audit' });
		const msg = await output;
		expect(msg.topic).toBe('audit');
		expect(
			(
				msg.payload as Array<{
					id: string;
					serviceId: string;
					serviceName: string;
					deviceName: string;
				}>
			)
				.map(({ id, serviceId, serviceName, deviceName }) => ({
					id,
					serviceId,
					serviceName,
					deviceName,
				}))
				.sort((a, b) => a.serviceId.localeCompare(b.serviceId)),
		).toEqual([
			{ id: ssh, serviceId: SSH, serviceName: 'SSH', deviceName: 'factory-gateway' },
			{ id: web, serviceId: WEB_UI, serviceName: 'Web UI', deviceName: 'factory-gateway' },
		]);
		await eventually(() => statuses.length >= 2, 'the success status');
		expect(statuses.slice(0, 2)).toEqual([
			{ fill: 'blue', shape: 'dot', text: 'listing connections…' },
			{ fill: 'green', shape: 'dot', text: '2 live' },
		]);
	});

	it('sends one message per connection with msg.parts', async () => {
		await open(SSH, DEMO_IDS.piSsh);
		await loadFlow(
			flowAround(connectionsNode({ output: 'split' }), emulator.url),
			accessKeyCredentials(account),
		);
		const received = collect('out');
		nodeById('connections').receive({ payload: 'go', _msgid: 'm1' } as NodeMessage);
		await eventually(() => received.length === 2, 'two messages');
		expect(received.map((msg) => msg.parts)).toEqual([
			{ id: 'm1', type: 'array', index: 0, count: 2, len: 1 },
			{ id: 'm1', type: 'array', index: 1, count: 2, len: 1 },
		]);
	});

	it('outputs an empty array when nothing is open', async () => {
		await loadFlow(flowAround(connectionsNode(), emulator.url), accessKeyCredentials(account));
		const output = nextMessage('out');
		nodeById('connections').receive({ payload: 'go' });
		expect((await output).payload).toEqual([]);
	});
});
