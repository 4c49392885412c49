/**
 * Options › Timeout reaches the client and n8n's request helper, and the timeout error names that option: in
 * seconds, or in milliseconds for nodes of version 1 (workflows saved before the unit changed run as before).
 */
import { injectFault, readRequestLog } from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

const listDevices = (options: Record<string, number>, typeVersion?: number) =>
	runWorkflow({
		credentials: accessKeyCredentials(emulator),
		nodes: [
			{
				name: 'Devices',
				...(typeVersion !== undefined ? { typeVersion } : {}),
				parameters: { resource: 'device', operation: 'getAll', returnAll: true, options },
			},
		],
	});

it('gives up after Timeout (Seconds) and says to raise it there', async () => {
	await injectFault(emulator.url, { path: '/graphql/v1', kind: 'delay', delayMs: 2500 });
	const result = await listDevices({ requestTimeout: 1 });
	expect(result.error()?.message).toBe(
		'remote.it did not answer POST /graphql/v1 within 1 s. Try again, or raise "Timeout (Seconds)" under the node\'s Options.',
	);
	// Each try waits the full second, and a timed-out read is tried again: generous, for a loaded machine.
}, 30_000);

it('takes a slow answer that arrives within Timeout (Seconds)', async () => {
	await injectFault(emulator.url, { path: '/graphql/v1', kind: 'delay', delayMs: 300 });
	const result = await listDevices({ requestTimeout: 5 });
	expect(result.error()).toBeUndefined();
	expect(result.output('Devices').length).toBeGreaterThan(0);
	expect((await readRequestLog(emulator.url)).map((e) => e.fault ?? 'none')).toEqual(['delay']);
});

it('reads a version 1 node’s Timeout in milliseconds, as it was saved', async () => {
	await injectFault(emulator.url, { path: '/graphql/v1', kind: 'delay', delayMs: 1500 });
	const result = await listDevices({ timeout: 200 }, 1);
	expect(result.error()?.message).toBe(
		'remote.it did not answer POST /graphql/v1 within 200 ms. Try again, or raise "Timeout (Milliseconds)" under the node\'s Options.',
	);
});
