/** The emulator's own limits (emulator-defined, emulator/README.md): GraphQL cost, control-API ranges, body read timeout. */
import { connect } from 'node:net';

import {
	buildClientSchema,
	getIntrospectionQuery,
	printSchema,
	type IntrospectionQuery,
} from 'graphql';

import { startEmulator, type RunningEmulator } from '../../emulator';
import { schema } from '../../emulator/graphql/schema';
import { seedAccount } from '../support/emulator-control';
import { obtainToken } from './client-fixtures';

let emulator: RunningEmulator;
let headers: Record<string, string>;
beforeAll(async () => {
	emulator = await startEmulator({ bodyTimeoutMs: 300 });
	const account = seedAccount(emulator.seed);
	headers = {
		'content-type': 'application/json',
		developerkey: account.developerKey,
		token: await obtainToken(emulator.url, account),
	};
});
afterAll(() => emulator.close());

async function graphql(
	query: string,
): Promise<{ status: number; body: { data?: unknown; errors?: Array<{ message: string }> } }> {
	const response = await fetch(`${emulator.url}/graphql/v1`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ query }),
	});
	return {
		status: response.status,
		body: (await response.json()) as { errors?: Array<{ message: string }> },
	};
}

describe('GraphQL cost limit', () => {
	function deepQuery(depth: number): string {
		let selection = 'id';
		for (let i = 0; i < depth; i += 1) selection = `login { ${selection} }`;
		return `{ ${selection} }`;
	}

	it.each([
		[
			'2000 aliased fields',
			`{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: login { id }`).join(' ')} }`,
			/Query is too large: more than 5000 tokens/,
		],
		[
			'400 aliased fields',
			`{ ${Array.from({ length: 400 }, (_, i) => `a${i}: login { email }`).join(' ')} }`,
			/more than 300 fields \(aliases count\)/,
		],
		['nesting 15 levels deep', deepQuery(15), /too deep: more than 10 levels/],
		[
			'a fragment that doubles at every level',
			`query { login { ...F0 } } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on User { id ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F30 on User { id }`,
			/more than 300 fields/,
		],
	])('refuses %s quickly, before running it', async (_what, query, message) => {
		const started = Date.now();
		const { status, body } = await graphql(query);
		expect({ status, message: body.errors?.[0]?.message }).toEqual({
			status: 400,
			message: expect.stringMatching(message),
		});
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('refuses a costly query text every time, not only before the document cache has seen it', async () => {
		const query = deepQuery(12);
		const answers = [await graphql(query), await graphql(query), await graphql(query)];
		expect(answers.map(({ status, body }) => [status, body.errors?.[0]?.message])).toEqual(
			Array.from({ length: 3 }, () => [400, 'Query is too deep: more than 10 levels.']),
		);
	});

	it("answers graphql's standard introspection query, as remote.it did for its published schema", async () => {
		for (const query of [
			getIntrospectionQuery(),
			getIntrospectionQuery({
				descriptions: true,
				specifiedByUrl: true,
				directiveIsRepeatable: true,
				schemaDescription: true,
				inputValueDeprecation: true,
				oneOf: true,
			}),
		]) {
			const { status, body } = await graphql(query);
			expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
			const answered = buildClientSchema(body.data as IntrospectionQuery);
			expect(printSchema(answered)).toBe(printSchema(schema));
		}
	});

	it.each([
		[
			'deeper than the standard introspection query',
			`{ __type(name: "User") { ${'ofType { '.repeat(30)}name${' }'.repeat(30)} } }`,
		],
		[
			'introspection beside a field of the schema',
			`{ __typename ${'login { '.repeat(11)}id${' }'.repeat(11)} }`,
		],
	])('keeps the limits for introspection %s', async (_what, query) => {
		const { status, body } = await graphql(query);
		expect({ status, message: body.errors?.[0]?.message }).toEqual({
			status: 400,
			message: expect.stringMatching(/too deep/),
		});
	});

	it('still runs the queries the client sends', async () => {
		const { status, body } = await graphql(
			'query Sessions { login { sessions { id timestamp target { id name } endpoint { proxy } } } }',
		);
		expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
	});
});

describe('control API ranges', () => {
	async function control(
		method: string,
		path: string,
		body: unknown,
	): Promise<{ status: number; error?: string }> {
		const response = await fetch(`${emulator.url}/_emulator/${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return {
			status: response.status,
			error: ((await response.json()) as { error?: string }).error,
		};
	}

	it.each([
		['latency of 1e12 ms', 'latency', { ms: 1e12 }, /integer from 0 to 60000/],
		['a negative latency', 'latency', { ms: -1 }, /integer from 0 to 60000/],
		[
			'a delay fault of a day',
			'faults',
			{ path: '/graphql/v1', kind: 'delay', delayMs: 86_400_000 },
			/delayMs must be an integer from 1 to 120000/,
		],
		[
			'a fault repeated 1e9 times',
			'faults',
			{ path: '/graphql/v1', kind: 'drop', times: 1e9 },
			/times must be an integer from 1 to 100000/,
		],
		[
			'a Retry-After of a year',
			'faults',
			{ path: '/graphql/v1', kind: 'status', status: 429, retryAfter: 31_536_000 },
			/retryAfter must be seconds/,
		],
		[
			'a fault body of 100 000 characters',
			'faults',
			{ path: '/x', kind: 'status', status: 500, body: 'x'.repeat(100_000) },
			/at most 65536 characters/,
		],
		['a clock moved 1e12 seconds', 'clock', { advanceSeconds: 1e12 }, /within 315360000 seconds/],
		[
			'a clock offset of 1e12 seconds',
			'clock',
			{ offsetSeconds: -1e12 },
			/within 315360000 seconds/,
		],
		[
			'a clock set to the year 9999',
			'clock',
			{ now: '9999-01-01T00:00:00Z' },
			/within 315360000 seconds/,
		],
		[
			'an id of 10 000 characters',
			'online',
			{ id: 'x'.repeat(10_000), online: false },
			/body must be/,
		],
	])('refuses %s', async (_what, path, body, message) => {
		const answer = await control('POST', path, body);
		expect(answer).toEqual({ status: 400, error: expect.stringMatching(message) });
	});

	it('accepts values inside the ranges', async () => {
		expect((await control('POST', 'latency', { ms: 0 })).status).toBe(200);
		expect((await control('POST', 'clock', { advanceSeconds: 3600 })).status).toBe(200);
		expect((await control('POST', 'reset', {})).status).toBe(200);
	});
});

describe('request body read timeout', () => {
	it('answers 408 and closes the connection when the body is shorter than its Content-Length', async () => {
		const { port } = new URL(emulator.url);
		const socket = connect(Number(port), '127.0.0.1');
		let received = '';
		socket.on('data', (chunk) => {
			received += chunk.toString('utf8');
		});
		const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
		socket.write(
			'POST /graphql/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
		);
		const started = Date.now();
		await closed;
		expect(received).toMatch(/^HTTP\/1\.1 408 /);
		expect(Date.now() - started).toBeLessThan(3000);
	});
});
