import type { NodeApiError } from 'n8n-workflow';

import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { byName, connectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

/** What n8n's error panel shows for a remote.it failure: message, description and "Error code". */
describe('remote.it failure in the error panel', () => {
	async function connectToOfflineDevice(): Promise<NodeApiError> {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [
				{ name: 'Connect', parameters: connectParameters(byName('warehouse-sensor/SSH'), {}) },
			],
		});
		const error = result.error() as NodeApiError | undefined;
		expect(error?.name).toBe('NodeApiError');
		return error as NodeApiError;
	}

	it("names the device and service in the message, and gives remote.it's own words once, as the description", async () => {
		const error = await connectToOfflineDevice();
		expect(error.message).toBe(
			'The device "warehouse-sensor" is offline, so remote.it cannot connect to its service "SSH". Try again once it is online.',
		);
		expect(error.description).toBe(
			'remote.it said: Cannot connect: the device is inactive (offline)',
		);
	});

	it('shows the client error code, not "200", for a failure remote.it answered with HTTP 200', async () => {
		const error = await connectToOfflineDevice();
		expect(error.httpCode).toBe('DEVICE_OFFLINE');
	});
});
