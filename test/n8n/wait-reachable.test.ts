/**
 * Connect's "Wait Until Reachable" in n8n's real engine, probing through n8n's request helper against the
 * emulator's real loopback proxies.
 */
import { listEmulatorConnections } from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, connectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

describe('Connect › Wait Until Reachable', () => {
	it('returns once the proxy accepts a connection', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId(SEED.gatewayWebUi), {
						options: { waitUntilReachable: true, reachableTimeout: 5 },
					}),
				},
			],
		});
		expect(result.error()).toBeUndefined();
		const [item] = result.output('Connect');
		expect((await fetch(String(item.json.url))).status).toBe(200);
	});

	it('gives up after the timeout, closes the proxy and says so, when the proxy refuses this address', async () => {
		// Restricted to another address: the emulator's listener drops every connection from 127.0.0.1.
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId(SEED.gatewaySsh), {
						accessMode: 'restricted',
						hostIp: '198.51.100.7',
						options: { waitUntilReachable: true, reachableTimeout: 1 },
					}),
				},
			],
		});
		expect(result.error()?.message).toMatch(
			/did not accept a connection within 1 s, so it was closed/,
		);
		expect(await listEmulatorConnections(emulator.url)).toEqual([]);
	});
});
