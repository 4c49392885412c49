/** (1) HTTP-signature throughput: what every access-key request pays before it leaves the machine. */
import { randomBytes } from 'node:crypto';

import { signRequest, type SignRequestInput } from '../client';
import { nowMs } from './measure';
import type { Benchmark, BenchRow } from './report';

const RUN_MS = 2000;
const BATCH = 1000;
const MAX_SIGNATURES = 2_000_000;

/** A throw-away key: the figure does not depend on which 30 bytes are signed with. */
const key = {
	accessKeyId: 'BENCHKEY000000000001',
	secretAccessKey: randomBytes(30).toString('base64'),
};

const CASES: Array<{
	name: string;
	input: Omit<SignRequestInput, 'accessKeyId' | 'secretAccessKey'>;
}> = [
	{
		name: 'GraphQL connect (POST, JSON body)',
		input: {
			method: 'POST',
			url: 'https://api.remote.it/graphql/v1',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				query:
					'mutation Connect($serviceId: String!, $hostIP: String!) { connect(serviceId: $serviceId, hostIP: $hostIP) { id } }',
				variables: { serviceId: '80:00:00:00:01:00:00:02', hostIP: '255.255.255.255' },
			}),
		},
	},
	{
		name: 'REST device list (GET, no body)',
		input: { method: 'GET', url: 'https://api.remote.it/apv/v27/device/list/all' },
	},
];

/** Signs in batches until RUN_MS has passed; a fixed `now` keeps Date formatting out of the loop's noise. */
function signaturesPerSecond(input: SignRequestInput): { perSecond: number; signatures: number } {
	let signatures = 0;
	let sink = 0;
	const start = nowMs();
	while (nowMs() - start < RUN_MS && signatures < MAX_SIGNATURES) {
		for (let i = 0; i < BATCH; i++) sink += signRequest(input).Authorization.length;
		signatures += BATCH;
	}
	const seconds = (nowMs() - start) / 1000;
	// Using every result keeps the optimiser from dropping the work being measured.
	if (sink === 0) throw new Error('signRequest returned empty Authorization headers');
	return { perSecond: signatures / seconds, signatures };
}

async function run(): Promise<BenchRow[]> {
	const now = new Date();
	// Warm the JIT (and the HMAC key import path) before timing.
	for (let i = 0; i < 5000; i++) signRequest({ ...CASES[0].input, ...key, now });
	return CASES.map(({ name, input }) => {
		const { perSecond, signatures } = signaturesPerSecond({ ...input, ...key, now });
		return {
			benchmark: 'signing',
			case: name,
			figures: [
				{ label: 'throughput', value: perSecond, unit: 'signatures/s' },
				{ label: 'per signature', value: 1e6 / perSecond, unit: 'µs', decimals: 1 },
				{ label: 'signed', value: signatures, unit: '' },
			],
		};
	});
}

export const signingBenchmark: Benchmark = { name: 'signing', run };
