/** Options › Timeout reaches the client and n8n's request helper, and the timeout error names that option. */
import { injectFault, readRequestLog } from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

it('gives up after the Timeout option and says to raise it there', async () => {
	await injectFault(emulator.url, { path: '/graphql/v1', kind: 'delay', delayMs: 1500 });
	const result = await runWorkflow({
		credentials: accessKeyCredentials(emulator),
		nodes: [
			{
				name: 'Devices',
				parameters: { resource: 'device', operation: 'getAll', options: { timeout: 200 } },
			},
		],
	});
	expect(result.error()?.message).toBe(
		'remote.it did not answer POST /graphql/v1 within 200 ms. Try again, or raise "Timeout" under the node\'s Options.',
	);
});

it('takes a slow answer that arrives within the Timeout option', async () => {
	await injectFault(emulator.url, { path: '/graphql/v1', kind: 'delay', delayMs: 300 });
	const result = await runWorkflow({
		credentials: accessKeyCredentials(emulator),
		nodes: [
			{
				name: 'Devices',
				parameters: {
					resource: 'device',
					operation: 'getAll',
					returnAll: true,
					options: { timeout: 5000 },
				},
			},
		],
	});
	expect(result.error()).toBeUndefined();
	expect(result.output('Devices').length).toBeGreaterThan(0);
	expect((await readRequestLog(emulator.url)).map((e) => e.fault ?? 'none')).toEqual(['delay']);
});
