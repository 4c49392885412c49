import type { Seed, SeedDevice } from '../../emulator';
import { RemoteIt } from '../../nodes/RemoteIt/RemoteIt.node';
import { useDemo } from '../support/demo';
import { accessKeyCredentials, passwordCredentials } from './support/credentials';
import { loadOptionsContext } from './support/contexts';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, connectParameters, fromList } from './support/parameters';

const emulator = useEmulatorWithN8n();
const largeAccount = useDemo({ seed: withExtraDevices(emulator.seed, 120) }).emulator;

/** The demo seed plus `count` devices, so the picker needs several pages. */
function withExtraDevices(seed: Seed, count: number): Seed {
	const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
	const extra: SeedDevice[] = Array.from({ length: count }, (_, i) => {
		const id = `80:00:00:00:03:00:${hex(i)}:00`;
		return {
			id,
			name: `fleet-${String(i).padStart(3, '0')}`,
			state: 'active',
			services: [
				{ id, name: 'Bulk Service', application: 35, port: 65535 },
				{ id: `80:00:00:00:03:00:${hex(i)}:01`, name: 'SSH', application: 28, port: 22 },
			],
		};
	});
	const [first, ...others] = seed.users;
	return { users: [{ ...first, devices: [...first.devices, ...extra] }, ...others] };
}

const { listSearch } = new RemoteIt().methods;

describe('Service picker (From List)', () => {
	it('shows "device name / service name" for every service, following pages to the end', async () => {
		const { context } = loadOptionsContext(
			accessKeyCredentials(largeAccount),
			connectParameters(fromList('')),
		);
		const names: string[] = [];
		const values: unknown[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await listSearch.searchServices.call(context, undefined, token);
			names.push(...page.results.map((r) => r.name));
			values.push(...page.results.map((r) => r.value));
			token = page.paginationToken as string | undefined;
			pages++;
		} while (token && pages < 50);
		expect(token).toBeUndefined();
		expect(pages).toBeGreaterThan(1);
		expect(names).toContain('fleet-000 / SSH');
		expect(names).toContain('fleet-119 / SSH');
		expect(names).toContain('factory-gateway / SSH');
		expect(names).toContain('warehouse-sensor / SSH (offline)');
		expect(values).toContain(SEED.gatewaySsh);
		expect(new Set(values).size).toBe(values.length);
	});

	it('narrows by the typed device name', async () => {
		const { context } = loadOptionsContext(
			passwordCredentials(emulator),
			connectParameters(fromList('')),
		);
		const page = await listSearch.searchServices.call(context, 'camera');
		expect(page.results.length).toBeGreaterThan(0);
		expect(page.results.every((r) => r.name.startsWith('camera-nvr / '))).toBe(true);
	});
});

describe('Device picker (From List)', () => {
	it('lists devices, narrowed by the typed name, marking offline ones', async () => {
		const parameters = { resource: 'device', operation: 'get', device: fromList('') };
		const { context } = loadOptionsContext(
			accessKeyCredentials(emulator),
			parameters,
			'parameters.device',
		);
		const all = await listSearch.searchDevices.call(context);
		expect(all.results.map((r) => r.name)).toEqual(
			expect.arrayContaining(['factory-gateway', 'warehouse-sensor (offline)']),
		);
		const narrowed = await listSearch.searchDevices.call(context, 'office');
		expect(narrowed.results).toEqual([
			{ name: 'office-desktop', value: '80:00:00:00:01:00:00:10' },
		]);
	});
});
