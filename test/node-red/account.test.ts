/** The account node (remoteit-config): one client per account, its lifetime, and how its settings reach the client. */
import { readRequestLog, setLatency } from '../support/emulator-control';
import {
	connectNode,
	ACCOUNT_ID,
	TAB_ID,
	accessKeyCredentials,
	collect,
	eventually,
	flowAround,
	helper,
	loadFlow,
	nextMessage,
	nodeById,
	recordStatuses,
	statusHistory,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import { SSH } from '../support/demo';

const { emulator, account } = useDemoWithNodeRed();

describe('remoteit-config', () => {
	it('aborts a request in flight when the flow stops, and clears the status instead of turning red', async () => {
		await setLatency(emulator.url, 4000);
		await loadFlow(flowAround(connectNode(), emulator.url), accessKeyCredentials(account));
		const statuses = recordStatuses('connect');
		const errors: unknown[] = [];
		nodeById('connect').on('call:error', (call) => errors.push(call.args[0]));
		const outputs = collect('out');
		nodeById('connect').receive({ payload: SSH });
		// Let the request reach the emulator, which holds it for the latency.
		await new Promise((resolve) => setTimeout(resolve, 300));

		await helper.clearFlows();
		await eventually(() => errors.length === 1, 'the aborted request to fail');
		expect(String(errors[0])).toMatch(/was cancelled/);
		expect(outputs).toHaveLength(0);
		expect(statuses).toEqual([{ fill: 'blue', shape: 'dot', text: 'connecting…' }, {}]);
	}, 15000);

	it('applies its timeout to every request, reporting it to the Catch node', async () => {
		await setLatency(emulator.url, 3000);
		await loadFlow(
			flowAround(connectNode(), emulator.url, { timeout: 0.5 }),
			accessKeyCredentials(account),
		);
		const statuses = recordStatuses('connect');
		const caught = nextMessage('caught');
		nodeById('connect').receive({ payload: SSH });
		expect(((await caught).error as { message: string }).message).toMatch(
			/did not answer POST \/graphql\/v1 within 500 ms\. Try again, or raise the Timeout of the remote\.it account\./,
		);
		await eventually(() => statuses.length >= 2, 'the failure status');
		expect(statuses[1]).toEqual({ fill: 'red', shape: 'ring', text: 'timed out' });
	}, 15000);

	it('starts without a credential, and says which one is missing on the first message', async () => {
		await loadFlow(flowAround(connectNode(), emulator.url), { accessKeyId: account.accessKeyId });
		expect(statusHistory('connect')).toEqual([
			{ fill: 'red', shape: 'ring', text: 'remote.it account incomplete' },
		]);
		const caught = nextMessage('caught');
		nodeById('connect').receive({ payload: SSH });
		expect(((await caught).error as { message: string }).message).toMatch(
			/missing its Secret access key/,
		);
		expect(await readRequestLog(emulator.url)).toEqual([]);
	});

	it('refuses a plain http API URL that is not loopback', async () => {
		await loadFlow(
			flowAround(connectNode(), 'http://api.remote.it'),
			accessKeyCredentials(account),
		);
		const caught = nextMessage('caught');
		nodeById('connect').receive({ payload: SSH });
		expect(((await caught).error as { message: string }).message).toMatch(/https|loopback/i);
	});

	it('signs in once for all the nodes sharing the account (one client, one token cache)', async () => {
		const credentials = {
			developerKey: account.developerKey,
			username: account.email,
			password: account.password,
		};
		const flow = flowAround(connectNode(), emulator.url, { authMethod: 'password' });
		flow.push({
			id: 'devices',
			z: TAB_ID,
			type: 'remoteit-devices',
			account: ACCOUNT_ID,
			state: 'all',
			limit: 10,
			output: 'array',
			wires: [['out']],
		});
		await loadFlow(flow, credentials);
		const outputs = collect('out');
		nodeById('connect').receive({ payload: SSH });
		nodeById('devices').receive({ payload: 'go' });
		nodeById('connect').receive({ payload: SSH });
		await eventually(() => outputs.length === 3, 'three answers');

		const logins = (await readRequestLog(emulator.url)).filter((entry) =>
			entry.path.endsWith('/user/login'),
		);
		expect(logins).toHaveLength(1);
	});

	it('works with a developer key and a session token obtained elsewhere', async () => {
		const login = await fetch(`${emulator.url}/apv/v27/user/login`, {
			method: 'POST',
			headers: { developerkey: account.developerKey, 'content-type': 'application/json' },
			body: JSON.stringify({ username: account.email, password: account.password }),
		});
		const { token } = (await login.json()) as { token: string };
		await loadFlow(flowAround(connectNode(), emulator.url, { authMethod: 'token' }), {
			developerKey: account.developerKey,
			token,
		});
		const output = nextMessage('out');
		nodeById('connect').receive({ payload: SSH });
		expect((await output).payload).toMatchObject({ serviceId: SSH });
	});
});
