/**
 * Chaos through the n8n node in n8n's real engine: 200 items, Connect (Continue On Fail, Parallel Requests 5) then
 * Disconnect (Continue On Fail), with the credential's API URL pointing at the seeded fault proxy in front of the
 * emulator. Nothing is lost, order is kept, each failed item carries a clear error, nothing stays open.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { DEMO_SEED_PATH, loadSeedFile } from '../../emulator';
import {
	CHAOS_HOLD_MS, CHAOS_MIX, CHAOS_TIMEOUT_MS, chaosSeed, describeFigures, judge, type ItemOutcome,
} from '../support/chaos';
import { startFaultProxy } from '../support/fault-proxy';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { byId, connectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const ITEMS = 200;
const { seed, services } = chaosSeed(loadSeedFile(DEMO_SEED_PATH), ITEMS);
const emulator = useEmulatorWithN8n({ seed });
const unhandled: unknown[] = [];
const record = (reason: unknown): void => {
	unhandled.push(reason);
};
beforeAll(() => process.on('unhandledRejection', record));
afterAll(() => process.off('unhandledRejection', record));

const pairedIndex = (item: INodeExecutionData): number =>
	Array.isArray(item.pairedItem) ? Number.NaN : typeof item.pairedItem === 'object' ? item.pairedItem.item : Number.NaN;

it(`${ITEMS} items through Connect and Disconnect with Continue On Fail at Parallel 5: 0 lost, order kept, 0 orphaned`, async () => {
	const proxy = await startFaultProxy({ target: emulator.url, seed: 8, mix: CHAOS_MIX, holdMs: CHAOS_HOLD_MS, retryAfterSeconds: 1 });
	try {
		const options = { timeout: CHAOS_TIMEOUT_MS };
		const result = await runWorkflow({
			credentials: { ...accessKeyCredentials(emulator), apiUrl: proxy.url },
			items: services.map((serviceId) => ({ serviceId })),
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId('={{ $json.serviceId }}'), { options: { ...options, parallelRequests: 5 } }),
					continueOnFail: true,
				},
				{ name: 'Disconnect', parameters: { resource: 'connection', operation: 'disconnect', options }, continueOnFail: true },
			],
		});
		expect(result.error()).toBeUndefined();
		const connected = result.output('Connect');
		const outcomes: ItemOutcome[] = result.output('Disconnect').map((item, position) => {
			const connect = connected[position]?.json ?? {};
			const error = (connect.error ?? item.json.error) as string | undefined;
			return {
				// Disconnect's item n pairs with Connect's item n, which pairs with input item n.
				index: pairedIndex(item) === position && pairedIndex(connected[position]) === position ? position : -1,
				connected: connect.id !== undefined,
				disconnected: item.json.disconnected === true,
				...(error !== undefined ? { error } : {}),
			};
		});
		const figures = await judge(outcomes, ITEMS, proxy, emulator.url);
		console.log(describeFigures('n8n chaos', figures));
		expect(figures).toMatchObject({ out: ITEMS, lost: 0, inOrder: true, orphaned: 0, unclear: [] });
		expect(figures.connectedAndClosed + figures.failed).toBe(ITEMS);
		for (const kind of ['503', '503-after', '429', 'hold', 'drop'] as const) expect(figures.faults[kind]).toBeGreaterThan(0);
		expect(connected.map((item) => item.json.serviceId ?? item.json.error)).toHaveLength(ITEMS);
		expect(unhandled).toEqual([]);
	} finally {
		await proxy.close();
	}
}, 90_000);
