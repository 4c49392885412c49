/** The emulator over HTTPS, its traffic counters and its per-account rate limit. */
import { rmSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { createTestCertificates, type TestCertificates } from '../../emulator/tls-certificates';
import {
	clearTraffic,
	readTraffic,
	resetEmulator,
	seedAccount,
	setRateLimit,
} from '../support/emulator-control';
import { obtainToken } from './client-fixtures';

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

function send(
	url: string,
	options: {
		agent: Agent;
		ca: string;
		method?: string;
		headers?: Record<string, string>;
		body?: string;
	},
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = httpsRequest(
			url,
			{
				method: options.method ?? 'GET',
				agent: options.agent,
				ca: options.ca,
				headers: options.headers,
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
			},
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

describe('HTTPS and traffic counters', () => {
	let certificates: TestCertificates;
	let emulator: RunningEmulator;
	const control = (path: string, method = 'GET', body?: unknown): Promise<Answer> =>
		send(`${emulator.url}/_emulator/${path}`, {
			agent: new Agent({ keepAlive: false }),
			ca: certificates.ca,
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const traffic = async () =>
		(JSON.parse((await control('traffic')).body) as { traffic: Record<string, number> }).traffic;

	beforeAll(async () => {
		certificates = createTestCertificates();
		emulator = await startEmulator({ tls: { key: certificates.key, cert: certificates.cert } });
	});
	afterAll(async () => {
		await emulator.close();
		rmSync(certificates.dir, { recursive: true, force: true });
	});
	beforeEach(() => control('reset', 'POST'));

	const devices = (agent: Agent, token: string, developerKey: string) =>
		send(`${emulator.url}/apv/v27/device/list/all`, {
			agent,
			ca: certificates.ca,
			headers: { token, developerkey: developerKey },
		});

	it('serves HTTPS with a certificate its CA vouches for, and refuses clients that do not trust it', async () => {
		expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		expect((await control('health')).status).toBe(200);
		await expect(
			send(`${emulator.url}/_emulator/health`, { agent: new Agent(), ca: '' as unknown as string }),
		).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
	});

	it('counts one connection and one handshake for a kept-alive socket, one each for fresh sockets', async () => {
		const account = seedAccount(emulator.seed);
		const login = await send(`${emulator.url}/apv/v27/user/login`, {
			agent: new Agent({ keepAlive: false }),
			ca: certificates.ca,
			method: 'POST',
			headers: { 'content-type': 'application/json', developerkey: account.developerKey },
			body: JSON.stringify({ username: account.email, password: account.password }),
		});
		const token = (JSON.parse(login.body) as { token: string }).token;
		await control('traffic', 'DELETE');

		const kept = new Agent({ keepAlive: true, maxSockets: 1 });
		for (let i = 0; i < 5; i++)
			expect((await devices(kept, token, account.developerKey)).status).toBe(200);
		kept.destroy();
		expect(await traffic()).toMatchObject({ tcpConnections: 1, tlsHandshakes: 1, requests: 5 });

		await control('traffic', 'DELETE');
		for (let i = 0; i < 4; i++)
			expect(
				(await devices(new Agent({ keepAlive: false }), token, account.developerKey)).status,
			).toBe(200);
		expect(await traffic()).toMatchObject({ tcpConnections: 4, tlsHandshakes: 4, requests: 4 });
	});
});

describe('the per-account rate limit', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(() => emulator.close());
	beforeEach(() => resetEmulator(emulator.url));

	const listDevices = (token: string, developerKey: string) =>
		fetch(`${emulator.url}/apv/v27/device/list/all`, {
			headers: { token, developerkey: developerKey },
		});

	it('answers 429 with Retry-After beyond N requests a second, per account, and counts them', async () => {
		const demo = seedAccount(emulator.seed);
		const mfa = seedAccount(emulator.seed, 'mfa@example.com');
		const token = await obtainToken(emulator.url, demo);
		await setRateLimit(emulator.url, 5);
		await clearTraffic(emulator.url);
		const answers = await Promise.all(
			Array.from({ length: 12 }, () => listDevices(token, demo.developerKey)),
		);
		const statuses = answers.map((answer) => answer.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(5);
		expect(statuses.filter((status) => status === 429)).toHaveLength(7);
		const refused = answers.find((answer) => answer.status === 429)!;
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		// Another account has its own allowance: its login passes.
		const other = await fetch(`${emulator.url}/apv/v27/user/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', developerkey: mfa.developerKey },
			body: JSON.stringify({ username: mfa.email, password: mfa.password }),
		});
		expect(other.status).not.toBe(429);
		expect(await readTraffic(emulator.url)).toMatchObject({ requests: 13, throttled: 7 });
	});

	it('is off when set to 0, and refuses a malformed setting', async () => {
		const demo = seedAccount(emulator.seed);
		const token = await obtainToken(emulator.url, demo);
		await setRateLimit(emulator.url, 1);
		await setRateLimit(emulator.url, 0);
		const statuses = (
			await Promise.all(Array.from({ length: 10 }, () => listDevices(token, demo.developerKey)))
		).map((a) => a.status);
		expect(statuses.every((status) => status === 200)).toBe(true);
		await expect(setRateLimit(emulator.url, -1)).rejects.toThrow(/400/);
		await expect(setRateLimit(emulator.url, 2.5)).rejects.toThrow(/perSecond/);
	});
});
