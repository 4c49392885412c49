/**
 * (5) listDevices({ returnAll }) on a 2000-device account: GraphQL pages of at most 1000 (docs/remoteit-api.md §3),
 * against REST v27's single flat list for comparison.
 */
import { DEMO_SEED_PATH, loadSeedFile, type Seed, type SeedDevice } from '../emulator';
import { resetEmulator } from '../test/support/emulator-control';
import { benchClient, takeRequestCounts, withEmulator, type BenchAuth } from './fixtures';
import { median, timed } from './measure';
import type { Benchmark, BenchRow } from './report';

const DEVICES = 2000;
const RUNS = 3;

const hexOctets = (n: number) =>
	[n >> 8, n & 0xff].map((octet) => octet.toString(16).toUpperCase().padStart(2, '0')).join(':');

/** A fleet device with its Bulk Service, SSH and a web UI; every tenth one is offline. */
function fleetDevice(index: number): SeedDevice {
	const id = `80:00:00:00:04:00:${hexOctets(index)}`;
	const serviceId = (last: number) =>
		`80:00:00:00:05:${hexOctets(index)}:${last.toString(16).toUpperCase().padStart(2, '0')}`;
	return {
		id,
		name: `fleet-${String(index).padStart(4, '0')}`,
		state: index % 10 === 9 ? 'inactive' : 'active',
		services: [
			{ id, name: 'Bulk Service', application: 35, port: 65535 },
			{ id: serviceId(1), name: 'SSH', application: 28, port: 22 },
			{ id: serviceId(2), name: 'Web UI', application: 7, port: 80 },
		],
	};
}

/** The demo seed's users and keys, with the first user's devices replaced by a 2000-device fleet. */
function fleetSeed(): Seed {
	const [first, ...others] = loadSeedFile(DEMO_SEED_PATH).users;
	return {
		users: [
			{ ...first, devices: Array.from({ length: DEVICES }, (_, i) => fleetDevice(i)) },
			...others,
		],
	};
}

const CASES: Array<{
	name: string;
	auth: BenchAuth;
	api: 'graphql' | 'rest';
	requestsPerListing: number;
}> = [
	{
		name: 'access key / GraphQL, pages of 1000',
		auth: 'accessKey',
		api: 'graphql',
		requestsPerListing: Math.ceil(DEVICES / 1000),
	},
	{
		name: 'password / REST, list/all + metadata',
		auth: 'password',
		api: 'rest',
		requestsPerListing: 2,
	},
];

async function run(): Promise<BenchRow[]> {
	return withEmulator(async (emulator) => {
		const rows: BenchRow[] = [];
		for (const spec of CASES) {
			await resetEmulator(emulator.url);
			const client = benchClient(emulator, spec.auth);
			// The first listing includes the password login; only the later, steady-state ones are timed.
			await client.listDevices({ returnAll: true, api: spec.api });
			await takeRequestCounts(emulator.url);
			const durations: number[] = [];
			const sizes: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				const { result, ms } = await timed(() =>
					client.listDevices({ returnAll: true, api: spec.api }),
				);
				durations.push(ms);
				sizes.push(result.length);
			}
			const requests = (await takeRequestCounts(emulator.url)).total / RUNS;
			rows.push({
				benchmark: `listDevices, ${DEVICES} devices`,
				case: spec.name,
				figures: [
					{ label: 'median', value: median(durations), unit: 'ms' },
					{ label: 'max', value: Math.max(...durations), unit: 'ms' },
					{
						label: 'requests (pages)',
						value: requests,
						unit: '',
						decimals: requests % 1 === 0 ? 0 : 1,
					},
					{ label: 'devices', value: sizes[0], unit: '' },
					{ label: 'runs', value: RUNS, unit: '' },
				],
				checks: [
					{
						what: `every listing returned ${DEVICES} devices`,
						ok: sizes.every((size) => size === DEVICES),
					},
					{
						what: `${spec.requestsPerListing} requests a listing`,
						ok: requests === spec.requestsPerListing,
					},
				],
			});
		}
		return rows;
	}, fleetSeed());
}

export const listDevicesBenchmark: Benchmark = { name: 'listDevices', run };
