/** Password logins in Node-RED: two flows, each with its own account node holding the same credentials, log in once. */
import { readRequestLog } from '../support/emulator-control';
import {
	connectNode,
	helper,
	NODE_MODULES,
	nextMessage,
	nodeById,
	type FlowNode,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import { SSH } from '../support/demo';

const { emulator, account } = useDemoWithNodeRed();

function tab(index: number): FlowNode[] {
	const tabId = `tab-${index}`;
	return [
		{ id: tabId, type: 'tab', label: `flow ${index}` },
		{
			id: `account-${index}`,
			type: 'remoteit-config',
			name: `account ${index}`,
			authMethod: 'password',
			apiUrl: emulator.url,
		},
		connectNode({
			id: `connect-${index}`,
			z: tabId,
			account: `account-${index}`,
			wires: [[`out-${index}`]],
		}),
		{ id: `out-${index}`, z: tabId, type: 'helper' },
	];
}

describe('password token cache in Node-RED', () => {
	it('two flows with the same credential make one login', async () => {
		const credentials = {
			developerKey: account.developerKey,
			username: account.email,
			password: account.password,
		};
		await helper.load(NODE_MODULES, [...tab(1), ...tab(2)], {
			'account-1': credentials,
			'account-2': credentials,
		});
		for (const index of [1, 2, 1, 2]) {
			const output = nextMessage(`out-${index}`);
			nodeById(`connect-${index}`).receive({ payload: SSH });
			expect((await output).payload).toMatchObject({ serviceId: SSH });
		}
		const log = await readRequestLog(emulator.url);
		expect(log.filter((entry) => entry.path === '/apv/v27/user/login')).toHaveLength(1);
		expect(log.filter((entry) => entry.path === '/apv/v27/device/connect')).toHaveLength(4);
	});
});
