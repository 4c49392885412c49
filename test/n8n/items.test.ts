import { injectFault, listEmulatorConnections, readRequestLog } from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, byName, connectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

/** Connect whose Service comes from each item's `serviceId`, the usual way to fan out over many services. */
const connectEachItem = (extra = {}) => connectParameters(byId('={{ $json.serviceId }}'), extra);

describe('Continue On Fail', () => {
	const items = [
		{ serviceId: SEED.gatewaySsh },
		{ serviceId: SEED.offlineSensorSsh },
		{ serviceId: 'not-a-service-id' },
		{ serviceId: SEED.gatewayPostgres },
		{ serviceId: SEED.unknownService },
		{ serviceId: SEED.piSsh },
	];

	it('turns each failed item into { error } with its pairedItem, and the others go on', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items,
			nodes: [
				{
					name: 'Connect',
					parameters: connectEachItem({ options: { parallelRequests: 3 } }),
					continueOnFail: true,
				},
			],
		});
		expect(result.error()).toBeUndefined();
		const output = result.output('Connect');
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(output.map((item) => item.json.serviceId ?? null)).toEqual([
			SEED.gatewaySsh,
			null,
			null,
			SEED.gatewayPostgres,
			null,
			SEED.piSsh,
		]);
		const errors = output.map((item) => item.json.error);
		expect(errors[1]).toMatch(/offline/i);
		expect(errors[2]).toMatch(/^Service: /);
		expect(errors[4]).toMatch(/not found|unknown|no service/i);
		for (const failed of [1, 2, 4]) expect(Object.keys(output[failed].json)).toEqual(['error']);
	});

	it('is off by default: the first failure stops the node with an error naming the item', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [{ serviceId: SEED.gatewaySsh }, { serviceId: 'not-a-service-id' }],
			nodes: [{ name: 'Connect', parameters: connectEachItem() }],
		});
		const error = result.error();
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/^Service: /);
		expect(error?.description).toContain('item 1');
		expect((error as unknown as { context: { itemIndex?: number } }).context.itemIndex).toBe(1);
	});

	it('reports remote.it failures as NodeApiError with the client message', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [{ serviceId: SEED.offlineSensorSsh }],
			nodes: [{ name: 'Connect', parameters: connectEachItem() }],
		});
		expect(result.error()?.name).toBe('NodeApiError');
		expect(result.error()?.message).toMatch(/offline/i);
	});

	it('names the IP Address parameter when Restricted to IP gets no valid address', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId(SEED.gatewaySsh), {
						accessMode: 'restricted',
						hostIp: '300.1.2.3',
					}),
				},
			],
		});
		expect(result.error()?.name).toBe('NodeOperationError');
		expect(result.error()?.message).toMatch(/^IP Address: /);
	});
});

describe('Parallel Requests', () => {
	const services = [
		SEED.gatewaySsh,
		SEED.gatewayPostgres,
		SEED.piSsh,
		SEED.gatewayWebUi,
		SEED.nvrHttps,
	];

	it('connects 50 items five at a time, output in input order with pairedItem', async () => {
		const items = Array.from({ length: 50 }, (_, i) => ({
			serviceId: services[i % services.length],
			index: i,
		}));
		// The first request is held back, so later items finish first and order has to be restored.
		await injectFault(emulator.url, { path: '/graphql/v1', kind: 'delay', delayMs: 300, times: 1 });
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items,
			nodes: [
				{
					name: 'Connect',
					parameters: connectEachItem({ accessMode: 'public', options: { parallelRequests: 5 } }),
				},
			],
		});
		expect(result.error()).toBeUndefined();
		const output = result.output('Connect');
		expect(output).toHaveLength(50);
		expect(output.map((item) => item.json.serviceId)).toEqual(items.map((item) => item.serviceId));
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(
			output.every((item) => typeof item.json.id === 'string' && typeof item.json.url === 'string'),
		).toBe(true);
	});
});

describe('one execution, many items', () => {
	it('looks a service up by name once for all the items that name it', async () => {
		await readRequestLog(emulator.url, { clear: true });
		const names = ['factory-gateway/SSH', 'lab-raspberrypi/SSH'];
		const items = Array.from({ length: 10 }, (_, i) => ({ service: names[i % 2] }));
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items,
			nodes: [{ name: 'Connect', parameters: connectParameters(byName('={{ $json.service }}')) }],
		});
		expect(result.output('Connect').map((item) => item.json.serviceId)).toEqual(
			items.map((item) => (item.service === names[0] ? SEED.gatewaySsh : SEED.piSsh)),
		);
		const log = await readRequestLog(emulator.url);
		expect(log.filter((entry) => entry.operation === 'mutation connect')).toHaveLength(10);
		// Two name lookups; then the connects that answered together share one session list to see which earlier
		// connection remote.it closed, so each output can say which connection it replaced.
		expect(log.filter((entry) => entry.operation !== 'mutation connect')).toHaveLength(2 + 1);
		const output = result.output('Connect').map((item) => item.json);
		const live = new Set((await listEmulatorConnections(emulator.url)).map((c) => c.id));
		const closedByRemoteIt = output.map((c) => c.id).filter((id) => !live.has(String(id)));
		expect(closedByRemoteIt).toHaveLength(8);
		// Every connection remote.it closed is named once, by a later connect to the same service.
		const replaced = output.flatMap((c) =>
			c.replacedConnectionId ? [c.replacedConnectionId] : [],
		);
		expect([...replaced].sort()).toEqual([...closedByRemoteIt].sort());
	});

	it('reports a credential with a missing field as a credential problem, before any request', async () => {
		await readRequestLog(emulator.url, { clear: true });
		const result = await runWorkflow({
			credentials: { ...accessKeyCredentials(emulator), accessKeyId: '' },
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId(SEED.gatewaySsh)),
					continueOnFail: true,
				},
			],
		});
		expect(result.error()?.message).toMatch(/^remote\.it credential: .*access key id/i);
		expect(await readRequestLog(emulator.url)).toEqual([]);
	});
});
