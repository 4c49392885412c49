/** Failures remote.it can produce, played by the emulator: unknown/offline, throttling, outages, resets, timeouts, bad JSON. */
import {
	createRemoteItClient,
	RemoteItDeviceOfflineError,
	RemoteItError,
	RemoteItNotFoundError,
	RemoteItRateLimitError,
	RemoteItTimeoutError,
	RemoteItUnavailableError,
	RemoteItValidationError,
	type RemoteItClient,
} from '../../client/transport';
import { createAxiosTransport } from '../../client/transport/axios';
import { clearRequestLog, injectFault } from '../support/emulator-control';
import {
	AUTH_KINDS,
	countPath,
	failureOf,
	GRAPHQL_PATH,
	OFFLINE_SSH,
	SSH,
	UNKNOWN_SERVICE,
	type AuthKind,
	useClientDemo,
} from './client-fixtures';

const demo = useClientDemo();

const CONNECT_PATH: Record<AuthKind, string> = {
	accessKey: GRAPHQL_PATH,
	password: '/apv/v27/device/connect',
	token: '/apv/v27/device/connect',
};

/** A client whose sleeps are recorded (and skipped), so the suite can check the waits it asked for. */
async function recordingClient(
	kind: AuthKind,
): Promise<{ client: RemoteItClient; waits: number[] }> {
	const waits: number[] = [];
	const client = await demo.client(kind, {
		sleep: async (ms) => {
			waits.push(ms);
		},
	});
	return { client, waits };
}

describe.each(AUTH_KINDS)('with %s auth', (kind) => {
	const path = CONNECT_PATH[kind];

	it("an unknown service is a not-found error with remote.it's reason", async () => {
		const error = await failureOf((await demo.client(kind)).connect(UNKNOWN_SERVICE));
		expect(error).toBeInstanceOf(RemoteItNotFoundError);
		expect(String(error.reason)).toMatch(/not found|\[0861\]/i);
	});

	it("an offline device is a device-offline error naming the device and service once, with remote.it's reason kept", async () => {
		const error = await failureOf((await demo.client(kind)).connect(OFFLINE_SSH));
		expect(error).toBeInstanceOf(RemoteItDeviceOfflineError);
		expect(error.message).toBe(
			'The device "warehouse-sensor" is offline, so remote.it cannot connect to its service "SSH". Try again once it is online.',
		);
		expect(String(error.reason)).toMatch(/offline/);
	});

	it('429 then success: waits as Retry-After asks, then succeeds', async () => {
		const { client, waits } = await recordingClient(kind);
		await client.testCredentials();
		await injectFault(demo.emulator.url, { path, kind: 'status', status: 429, retryAfter: 2 });
		await expect(client.connect(SSH)).resolves.toMatchObject({ serviceId: SSH });
		expect(waits).toEqual([5]);
		const statuses = (await demo.log()).filter((e) => e.path === path).map((e) => e.status);
		expect(statuses.slice(-2)).toEqual([429, 200]);
	});

	it('503 twice then success', async () => {
		const client = await demo.client(kind);
		await injectFault(demo.emulator.url, { path, kind: 'status', status: 503, times: 2 });
		await expect(client.connect(SSH)).resolves.toMatchObject({ serviceId: SSH });
		// A 503 may come after remote.it acted, so a success on a retry is followed by one look at the sessions.
		const log = (await demo.log()).filter((e) => e.path === path || e.operation === 'query login');
		expect(log.map((e) => e.status).slice(-4)).toEqual([503, 503, 200, 200]);
		expect(log.at(-1)?.operation).toBe('query login');
	});

	it('malformed JSON is an unavailable error that describes the body without quoting it', async () => {
		const client = await demo.client(kind);
		await client.testCredentials();
		await clearRequestLog(demo.emulator.url);
		await injectFault(demo.emulator.url, { path, kind: 'malformed' });
		const error = await failureOf(client.connect(SSH));
		expect(error).toBeInstanceOf(RemoteItUnavailableError);
		expect(error.message).toMatch(/not valid JSON \(\d+ bytes, application\/json\)/);
		expect((await demo.log()).map((e) => e.fault)).toEqual(['malformed']);
	});
});

describe('retry limits', () => {
	it('honours a Retry-After given as an HTTP date, capped at maxDelayMs', async () => {
		const { client, waits } = await recordingClient('accessKey');
		const later = new Date(Date.now() + 60_000).toUTCString();
		await injectFault(demo.emulator.url, {
			path: GRAPHQL_PATH,
			kind: 'status',
			status: 429,
			retryAfter: later,
		});
		await client.listDevices();
		expect(waits).toEqual([5]);
	});

	it('uses exponential backoff, bounded by maxDelayMs, when there is no Retry-After', async () => {
		const waits: number[] = [];
		const client = await demo.client('accessKey', {
			retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 300 },
			sleep: async (ms) => {
				waits.push(ms);
			},
		});
		await injectFault(demo.emulator.url, {
			path: GRAPHQL_PATH,
			kind: 'status',
			status: 502,
			times: 3,
		});
		await client.listDevices();
		expect(waits).toHaveLength(3);
		expect(waits[0]).toBeGreaterThanOrEqual(50);
		expect(waits[0]).toBeLessThanOrEqual(100);
		expect(waits[1]).toBeGreaterThanOrEqual(100);
		expect(waits[1]).toBeLessThanOrEqual(200);
		expect(waits[2]).toBeGreaterThanOrEqual(150);
		expect(waits[2]).toBeLessThanOrEqual(300);
	});

	it('waits with real timers when no sleep is injected', async () => {
		const client = createRemoteItClient({
			apiUrl: demo.emulator.url,
			retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
			auth: {
				type: 'accessKey',
				accessKeyId: demo.account.accessKeyId,
				secretAccessKey: demo.account.secretAccessKey,
			},
		});
		await injectFault(demo.emulator.url, { path: GRAPHQL_PATH, kind: 'status', status: 504 });
		await expect(client.listActiveConnections()).resolves.toEqual([]);
		expect((await demo.log()).map((e) => e.status)).toEqual([504, 200]);
	});

	it('gives up after retry.attempts tries of 429 with a rate-limit error', async () => {
		const client = await demo.client('accessKey');
		await injectFault(demo.emulator.url, {
			path: GRAPHQL_PATH,
			kind: 'status',
			status: 429,
			retryAfter: 30,
			times: 5,
		});
		const error = await failureOf(client.listDevices());
		expect(error).toBeInstanceOf(RemoteItRateLimitError);
		expect(error.retryAfterSeconds).toBe(30);
		expect(countPath(await demo.log(), GRAPHQL_PATH)).toBe(3);
	});

	it('gives up after retry.attempts tries of 503 with an unavailable error', async () => {
		const client = await demo.client('password');
		await injectFault(demo.emulator.url, {
			path: '/apv/v27/*',
			kind: 'status',
			status: 503,
			times: 5,
		});
		const error = await failureOf(client.listDevices());
		expect(error).toBeInstanceOf(RemoteItUnavailableError);
		expect(error.status).toBe(503);
		expect(countPath(await demo.log(), '/apv/v27/user/login')).toBe(3);
	});

	it.each([400, 404, 409, 500])('never retries HTTP %i', async (status) => {
		const client = await demo.client('accessKey');
		await injectFault(demo.emulator.url, { path: GRAPHQL_PATH, kind: 'status', status, times: 3 });
		const error = await failureOf(client.listActiveConnections());
		expect(error).toBeInstanceOf(RemoteItError);
		expect(error.status).toBe(status);
		expect(countPath(await demo.log(), GRAPHQL_PATH)).toBe(1);
	});

	it('retries a dropped connection (network reset) and succeeds', async () => {
		const client = await demo.client('accessKey');
		await injectFault(demo.emulator.url, { path: GRAPHQL_PATH, kind: 'drop' });
		await expect(client.connect(SSH)).resolves.toMatchObject({ serviceId: SSH });
		// The reset may have come after remote.it acted: the success is followed by one look at the sessions.
		expect((await demo.log()).map((e) => [e.status, e.operation])).toEqual([
			[0, undefined],
			[200, 'mutation connect'],
			[200, 'query login'],
		]);
	});

	it('reports repeated resets as unavailable, naming the network code', async () => {
		const client = await demo.client('token');
		await injectFault(demo.emulator.url, { path: '/apv/v27/*', kind: 'drop', times: 3 });
		const error = await failureOf(client.connect(SSH));
		expect(error).toBeInstanceOf(RemoteItUnavailableError);
		expect(error.message).toMatch(/ECONNRESET/);
		expect(countPath(await demo.log(), '/apv/v27/device/connect')).toBe(3);
	});
});

describe('timeouts', () => {
	it('a slow answer is a timeout error, not retried', async () => {
		const client = await demo.client('accessKey', { timeoutMs: 100 });
		await injectFault(demo.emulator.url, { path: GRAPHQL_PATH, kind: 'delay', delayMs: 1500 });
		const error = await failureOf(client.connect(SSH));
		expect(error).toBeInstanceOf(RemoteItTimeoutError);
		expect(error.timeoutMs).toBe(100);
		expect(error.message).toMatch(/within 100 ms/);
	});

	it('a transport that never answers still times out (the client enforces timeoutMs itself)', async () => {
		const client = createRemoteItClient({
			apiUrl: demo.emulator.url,
			timeoutMs: 50,
			send: () => new Promise(() => undefined),
			auth: { type: 'token', developerKey: demo.account.developerKey, token: 'a'.repeat(32) },
		});
		expect(await failureOf(client.listDevices())).toBeInstanceOf(RemoteItTimeoutError);
	});
});

describe('API URLs', () => {
	it('refuses plain http:// unless the host is loopback', () => {
		const auth = { type: 'token' as const, developerKey: 'd', token: 't' };
		expect(() => createRemoteItClient({ apiUrl: 'http://api.remote.it', auth })).toThrow(
			RemoteItValidationError,
		);
		expect(() =>
			createRemoteItClient({ apiUrl: demo.emulator.url.replace('127.0.0.1', 'localhost'), auth }),
		).not.toThrow();
	});

	it('an unreachable API is an unavailable error after the retries', async () => {
		const client = createRemoteItClient({
			apiUrl: 'http://127.0.0.1:1',
			sleep: async () => undefined,
			auth: { type: 'token', developerKey: 'd', token: 't' },
		});
		const error = await failureOf(client.listActiveConnections());
		expect(error).toBeInstanceOf(RemoteItUnavailableError);
		expect(error.message).toMatch(/ECONNREFUSED/);
	});
});

describe('the axios transport', () => {
	it('is aborted by its signal, which the client reports as a cancelled request', async () => {
		const controller = new AbortController();
		const send = createAxiosTransport({ timeoutMs: 5000, signal: controller.signal });
		const client = await demo.client('accessKey', { send });
		await injectFault(demo.emulator.url, { path: GRAPHQL_PATH, kind: 'delay', delayMs: 1000 });
		const pending = failureOf(client.listActiveConnections());
		setImmediate(() => controller.abort());
		const error = await pending;
		expect(error).toBeInstanceOf(RemoteItUnavailableError);
		expect(error.message).toMatch(/cancelled/);
		expect(countPath(await demo.log(), GRAPHQL_PATH)).toBeLessThanOrEqual(1);
	});

	it('returns every status and the raw body without parsing it', async () => {
		const send = createAxiosTransport({ timeoutMs: 5000 });
		const answer = await send({
			method: 'GET',
			url: `${demo.emulator.url}/apv/v27/no/such/endpoint`,
			headers: {},
		});
		expect(answer.status).toBe(404);
		expect(typeof answer.body).toBe('string');
		expect(answer.headers['content-type']).toMatch(/json/);
	});
});
