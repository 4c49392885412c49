/** Bytes through an emulator proxy opened by remoteit-connect in the real Node-RED runtime. */
import { connect as tcpConnect } from 'node:net';
import { listEmulatorConnections } from '../support/emulator-control';
import { DEVICE_PAGE_HEADING, SSH, WEB_UI } from '../support/demo';
import {
	ACCOUNT_ID,
	TAB_ID,
	accessKeyCredentials,
	connectNode,
	flowAround,
	loadFlow,
	nextMessage,
	nodeById,
	type FlowNode,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';

const { emulator, account } = useDemoWithNodeRed();

/** remoteit-connect with `settings` in a tab with its account, output helper and Catch node, plus `more` nodes. */
function loadConnectFlow(settings: Partial<FlowNode>, more: FlowNode[] = []): Promise<void> {
	return loadFlow(
		[...flowAround(connectNode({ serviceType: 'str', ...settings }), emulator.url), ...more],
		accessKeyCredentials(account),
	);
}

describe('traffic through a remote.it proxy in Node-RED', () => {
	it('hands on a connection.url that serves the device page, and the proxy closes on disconnect', async () => {
		// Node-RED's core `http request` node loads `got` with a dynamic import, which jest's VM cannot run; the
		// e2e suite fetches through it in real Node-RED 4 and 5 (test/e2e/node-red.test.ts, example 1).
		await loadConnectFlow({ service: WEB_UI }, [
			{
				id: 'disconnect',
				z: TAB_ID,
				type: 'remoteit-disconnect',
				account: ACCOUNT_ID,
				connection: 'payload',
				connectionType: 'msg',
				serviceId: '',
				wires: [['closed']],
			},
			{ id: 'closed', z: TAB_ID, type: 'helper' },
		]);
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: 'go' });
		const connection = (await output).payload as { url: string };
		const page = await fetch(connection.url);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(DEVICE_PAGE_HEADING);
		const closed = nextMessage('closed');
		nodeById('disconnect').receive({ payload: connection });
		expect((await closed).payload).toMatchObject({ serviceId: WEB_UI, disconnected: true });
		await expect(fetch(connection.url)).rejects.toThrow();
	});

	it('carries raw TCP bytes through a port proxy', async () => {
		await loadConnectFlow({ service: SSH, accessMode: 'public' });
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: 'go' });
		const { host, port } = (await output).payload as { host: string; port: number };
		// The seed gives SSH no target, so the emulator echoes: what goes in through the proxy comes back.
		const echoed = await new Promise<string>((resolve, reject) => {
			const socket = tcpConnect({ host, port }, () => socket.write('SSH-2.0-nodered\r\n'));
			socket.on('data', (data) => {
				resolve(data.toString());
				socket.end();
			});
			socket.on('error', reject);
		});
		expect(echoed).toBe('SSH-2.0-nodered\r\n');
	});
});

describe('remoteit-connect › Wait', () => {
	it('sends the message on once the proxy accepts a connection', async () => {
		await loadConnectFlow({ service: WEB_UI, waitReachable: true, reachableTimeout: 5 });
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: 'go' });
		expect((await fetch(((await output).payload as { url: string }).url)).status).toBe(200);
	});

	it('gives up after the timeout when the proxy refuses Node-RED, closes it and reports to Catch', async () => {
		await loadConnectFlow({
			service: SSH,
			accessMode: 'restricted',
			hostIp: '198.51.100.7',
			waitReachable: true,
			reachableTimeout: 1,
		});
		const caught = nextMessage('caught');
		nodeById('connect').receive({ payload: 'go' });
		expect(((await caught).error as { message: string }).message).toMatch(
			/did not accept a connection within 1 s, so it was closed/,
		);
		expect(await listEmulatorConnections(emulator.url)).toEqual([]);
	});
});
