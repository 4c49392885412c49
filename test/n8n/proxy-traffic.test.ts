/**
 * Bytes through an emulator proxy in n8n's real engine: Connect → a GET of `{{ $json.url }}` with n8n's request
 * helper (the one its HTTP Request node uses) → Disconnect with the connection from Connect's output.
 */
import { DEVICE_PAGE_HEADING } from '../support/demo';
import { listEmulatorConnections } from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { FETCH_URL_NODE_TYPE } from './support/fetch-url-node';
import { SEED, byId, connectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();
const WEB_UI = SEED.gatewayWebUi;

describe('traffic through a remote.it proxy in n8n', () => {
	it('fetches the device page through connection.url, then disconnects and the proxy stops answering', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [
				{ name: 'Connect', parameters: connectParameters(byId(WEB_UI), {}) },
				{
					name: 'Fetch the device page',
					type: FETCH_URL_NODE_TYPE,
					parameters: { url: '={{ $json.url }}' },
				},
				{
					name: 'Disconnect',
					parameters: {
						resource: 'connection',
						operation: 'disconnect',
						connectionId: "={{ $('Connect').item.json.id }}",
						serviceId: "={{ $('Connect').item.json.serviceId }}",
					},
				},
			],
		});
		expect(result.error()).toBeUndefined();
		const [connection] = result.output('Connect');
		expect(connection.json).toMatchObject({ serviceId: WEB_UI, reverseProxy: true });
		const [page] = result.output('Fetch the device page');
		expect(page.json.statusCode).toBe(200);
		expect(String(page.json.data)).toContain(DEVICE_PAGE_HEADING);
		expect(result.output('Disconnect').map((item) => item.json)).toEqual([
			{ id: connection.json.id, serviceId: WEB_UI, disconnected: true },
		]);
		expect(await listEmulatorConnections(emulator.url)).toEqual([]);
		await expect(fetch(String(connection.json.url))).rejects.toThrow();
	});
});
