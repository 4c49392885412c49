/**
 * The control API (/_emulator/) and the helpers every suite uses: faults, latency, clock, online state,
 * the request log (which never holds a secret), reset, and seed validation.
 */
import type { RunningEmulator, Seed } from '../../emulator';
import {
	DEMO_SEED_PATH,
	SeedError,
	loadSeedFile,
	startEmulator,
	validateSeed,
} from '../../emulator';
import { isLoopback } from '../../emulator/server';
import {
	clearFaults,
	clearRequestLog,
	expireTokens,
	injectFault,
	listEmulatorConnections,
	readRequestLog,
	resetEmulator,
	seedAccount,
	setLatency,
	setOnline,
	shiftClock,
} from '../support/emulator-control';
import { signedRequest } from '../support/emulator-http';
import { SSH } from '../support/demo';

describe('emulator control API', () => {
	let emulator: RunningEmulator;
	let account: ReturnType<typeof seedAccount>;

	beforeAll(async () => {
		emulator = await startEmulator();
		account = seedAccount(emulator.seed);
	});
	afterAll(() => emulator.close());
	beforeEach(() => resetEmulator(emulator.url));

	const login = () =>
		fetch(`${emulator.url}/apv/v27/user/login`, {
			method: 'POST',
			headers: { developerkey: account.developerKey, 'content-type': 'application/json' },
			body: JSON.stringify({ username: account.email, password: account.password }),
		});
	const tokenHeaders = async () => ({
		developerkey: account.developerKey,
		token: ((await (await login()).json()) as { token: string }).token,
	});
	const listAll = async (headers: Record<string, string>) =>
		(await fetch(`${emulator.url}/apv/v27/device/list/all`, { headers })).json() as Promise<
			Record<string, unknown>
		>;
	const graphql = (body: unknown) =>
		signedRequest(emulator.url, {
			method: 'POST',
			path: '/graphql/v1',
			body: JSON.stringify(body),
			keyId: account.accessKeyId,
			secret: account.secretAccessKey,
		});

	describe('faults', () => {
		it('answers the next N matching requests with a status and Retry-After, then serves normally', async () => {
			await injectFault(emulator.url, {
				path: '/apv/v27/user/login',
				kind: 'status',
				status: 429,
				retryAfter: 2,
				times: 2,
			});
			const answers = [await login(), await login(), await login()];
			expect(answers.map((r) => r.status)).toEqual([429, 429, 200]);
			expect(answers[0].headers.get('retry-after')).toBe('2');
			const log = await readRequestLog(emulator.url);
			expect(log.map((e) => [e.status, e.fault])).toEqual([
				[429, 'status'],
				[429, 'status'],
				[200, undefined],
			]);
		});

		it('matches a path prefix ending in * and only the given method', async () => {
			await injectFault(emulator.url, {
				path: '/apv/v27/device/*',
				method: 'POST',
				kind: 'status',
				status: 503,
			});
			const headers = await tokenHeaders();
			expect((await fetch(`${emulator.url}/apv/v27/device/list/all`, { headers })).status).toBe(
				200,
			);
			const connect = await fetch(`${emulator.url}/apv/v27/device/connect`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ deviceaddress: SSH }),
			});
			expect(connect.status).toBe(503);
		});

		it('drops the connection', async () => {
			await injectFault(emulator.url, { path: '/graphql/v1', kind: 'drop' });
			await expect(graphql({ query: '{ login { email } }' })).rejects.toThrow();
			expect((await graphql({ query: '{ login { email } }' })).status).toBe(200);
			expect((await readRequestLog(emulator.url))[0]).toMatchObject({
				status: 0,
				fault: 'drop',
				auth: 'signature',
			});
		});

		it('sends a malformed JSON body', async () => {
			await injectFault(emulator.url, { path: '/apv/v27/device/list/all', kind: 'malformed' });
			const response = await fetch(`${emulator.url}/apv/v27/device/list/all`, {
				headers: await tokenHeaders(),
			});
			expect(response.status).toBe(200);
			const text = await response.text();
			expect(() => JSON.parse(text)).toThrow(SyntaxError);
		});

		it('delays a request and then serves it', async () => {
			await injectFault(emulator.url, { path: '/apv/v27/user/login', kind: 'delay', delayMs: 50 });
			expect((await login()).status).toBe(200);
			expect((await readRequestLog(emulator.url))[0]).toMatchObject({
				status: 200,
				fault: 'delay',
			});
		});

		it('rejects an invalid fault and clears armed ones', async () => {
			const bad = await fetch(`${emulator.url}/_emulator/faults`, {
				method: 'POST',
				body: JSON.stringify({ path: '/graphql/v1', kind: 'explode' }),
			});
			expect(bad.status).toBe(400);
			await injectFault(emulator.url, { path: '/apv/v27/user/login', kind: 'status', status: 500 });
			await clearFaults(emulator.url);
			expect((await login()).status).toBe(200);
		});
	});

	it('applies a fixed latency and still answers', async () => {
		await setLatency(emulator.url, 20);
		expect((await login()).status).toBe(200);
		const faults = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
			latencyMs: number;
		};
		expect(faults.latencyMs).toBe(20);
	});

	it('sets a single service offline while its device stays online', async () => {
		await setOnline(emulator.url, SSH, false);
		const entries = (await listAll(await tokenHeaders())).devices as Array<Record<string, string>>;
		const state = (id: string) => entries.find((e) => e.deviceaddress === id)?.devicestate;
		expect([state(SSH), state('80:00:00:00:01:00:00:01')]).toEqual(['inactive', 'active']);
	});

	it('answers 404 for an unknown device or service id', async () => {
		const response = await fetch(`${emulator.url}/_emulator/online`, {
			method: 'POST',
			body: JSON.stringify({ id: '80:00:00:00:09:09:09:09', online: true }),
		});
		expect(response.status).toBe(404);
	});

	it('expires every issued token on request', async () => {
		const headers = await tokenHeaders();
		expect(await expireTokens(emulator.url)).toBe(1);
		expect(await listAll(headers)).toEqual({ status: 'false', reason: 'missing api token' });
	});

	it('shifts the clock and reports it', async () => {
		const before = Date.now();
		const now = await shiftClock(emulator.url, 3600);
		expect(Date.parse(now)).toBeGreaterThanOrEqual(before + 3_600_000);
	});

	describe('request log', () => {
		it('records method, path, auth scheme and status of every API request, and no control request', async () => {
			const headers = await tokenHeaders();
			await listAll(headers);
			await graphql({
				query: 'mutation($s: String!) { connect(serviceId: $s, hostIP: "0.0.0.0") { id } }',
				variables: { s: SSH },
			});
			await fetch(`${emulator.url}/graphql/v1`, { method: 'POST', body: '{}' });
			await listEmulatorConnections(emulator.url);
			expect(
				(await readRequestLog(emulator.url)).map(({ method, path, auth, status, operation }) => ({
					method,
					path,
					auth,
					status,
					operation,
				})),
			).toEqual([
				{
					method: 'POST',
					path: '/apv/v27/user/login',
					auth: 'password-login',
					status: 200,
					operation: undefined,
				},
				{
					method: 'GET',
					path: '/apv/v27/device/list/all',
					auth: 'token',
					status: 200,
					operation: undefined,
				},
				{
					method: 'POST',
					path: '/graphql/v1',
					auth: 'signature',
					status: 200,
					operation: 'mutation connect',
				},
				{ method: 'POST', path: '/graphql/v1', auth: 'none', status: 401, operation: undefined },
			]);
		});

		it('never holds a secret, token, password or signature', async () => {
			const headers = await tokenHeaders();
			await listAll(headers);
			await listAll({ ...headers, developerkey: 'WRONG-KEY' });
			await graphql({ query: '{ login { email } }' });
			await signedRequest(emulator.url, {
				method: 'POST',
				path: '/graphql/v1',
				body: '{}',
				keyId: account.accessKeyId,
				secret: Buffer.alloc(30).toString('base64'),
			});
			const text = JSON.stringify(await readRequestLog(emulator.url));
			for (const secret of [
				account.password,
				account.developerKey,
				account.secretAccessKey,
				headers.token,
				'WRONG-KEY',
				'Signature',
			]) {
				expect(text).not.toContain(secret);
			}
		});

		it('is cleared on request, or after reading with clear', async () => {
			await login();
			expect(await readRequestLog(emulator.url, { clear: true })).toHaveLength(1);
			expect(await readRequestLog(emulator.url)).toHaveLength(0);
			await login();
			await clearRequestLog(emulator.url);
			expect(await readRequestLog(emulator.url)).toHaveLength(0);
		});
	});

	it('resets connections, online state, clock and faults to the seed', async () => {
		await graphql({
			query: 'mutation($s: String!) { connect(serviceId: $s, hostIP: "0.0.0.0") { id } }',
			variables: { s: SSH },
		});
		await setOnline(emulator.url, '80:00:00:00:01:00:00:30', true);
		await shiftClock(emulator.url, 10_000);
		await injectFault(emulator.url, { path: '/apv/v27/user/login', kind: 'status', status: 500 });
		await resetEmulator(emulator.url);
		expect(await listEmulatorConnections(emulator.url)).toEqual([]);
		expect((await login()).status).toBe(200);
		const entries = (await listAll(await tokenHeaders())).devices as Array<Record<string, string>>;
		expect(entries.find((e) => e.deviceaddress === '80:00:00:00:01:00:00:30')?.devicestate).toBe(
			'inactive',
		);
		const clock = (await (await fetch(`${emulator.url}/_emulator/clock`)).json()) as {
			offsetSeconds: number;
		};
		expect(clock.offsetSeconds).toBe(0);
	});

	it('serves the control API to loopback addresses only', () => {
		expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true]);
		expect(['10.0.0.5', '::ffff:192.168.1.2', '', undefined].map(isLoopback)).toEqual([
			false,
			false,
			false,
			false,
		]);
	});
});

describe('emulator seed validation', () => {
	const demo = (): Seed => loadSeedFile(DEMO_SEED_PATH);

	it('loads the demo seed: several service types, one offline device, one 2FA user', () => {
		const seed = demo();
		const applications = new Set(
			seed.users[0].devices.flatMap((d) => d.services.map((s) => s.application)),
		);
		expect([...applications].sort((a, b) => a - b)).toEqual([1, 4, 5, 7, 8, 28, 35]);
		expect(seed.users[0].devices.filter((d) => d.state === 'inactive')).toHaveLength(1);
		expect(seed.users.some((u) => u.mfa)).toBe(true);
		expect(Buffer.from(seed.users[0].accessKeys[0].secret, 'base64')).toHaveLength(30);
	});

	it.each([
		['a missing users list', () => ({}), /users must be an array/],
		[
			'a bad service id',
			(s: Seed) => void (s.users[0].devices[0].services[1].id = '80:00'),
			/users\[0\]\.devices\[0\]\.services\[1\]\.id/,
		],
		[
			'a non-base64 secret',
			(s: Seed) => void (s.users[0].accessKeys[0].secret = 'not base64!'),
			/accessKeys\[0\]\.secret/,
		],
		[
			'a bad state',
			(s: Seed) => void ((s.users[0].devices[0] as { state: string }).state = 'up'),
			/state must be/,
		],
		[
			'a duplicate service id',
			(s: Seed) =>
				void (s.users[0].devices[1].services[1].id = s.users[0].devices[0].services[1].id),
			/duplicate service id/,
		],
		[
			'a port out of range',
			(s: Seed) => void (s.users[0].devices[0].services[1].port = 70000),
			/port must be an integer/,
		],
	])('rejects %s with a message naming the field', (_what, change, message) => {
		const seed = demo();
		const changed = change(seed) ?? seed;
		expect(() => validateSeed(changed)).toThrow(SeedError);
		expect(() => validateSeed(changed)).toThrow(message);
	});

	it('starts from a seed object and synthesises the Bulk Service of a device that does not list it', async () => {
		const emulator = await startEmulator({
			seed: {
				users: [
					{
						email: 'one@example.com',
						password: 'pw',
						developerKey: 'DK',
						accessKeys: [],
						devices: [
							{
								id: '80:00:00:00:0A:00:00:01',
								name: 'solo',
								state: 'active',
								services: [
									{ id: '80:00:00:00:0A:00:00:02', name: 'SSH', application: 28, port: 22 },
								],
							},
						],
					},
				],
			},
		});
		try {
			const login = await fetch(`${emulator.url}/apv/v27/user/login`, {
				method: 'POST',
				headers: { developerkey: 'DK' },
				body: JSON.stringify({ username: 'one@example.com', password: 'pw' }),
			});
			const { token } = (await login.json()) as { token: string };
			const list = (await (
				await fetch(`${emulator.url}/apv/v27/device/list/all`, {
					headers: { developerkey: 'DK', token },
				})
			).json()) as { devices: Array<Record<string, string>> };
			expect(list.devices.map((e) => [e.deviceaddress, e.servicetitle])).toEqual([
				['80:00:00:00:0A:00:00:01', 'Bulk Service'],
				['80:00:00:00:0A:00:00:02', 'SSH'],
			]);
		} finally {
			await emulator.close();
		}
	});
});
