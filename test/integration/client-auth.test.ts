/** Authentication against the emulator: signatures, clock skew, keys, passwords, 2FA and the session token cache. */
import { createRemoteItClient, RemoteItAuthError, RemoteItMfaError } from '../../client/transport';
import { expireTokens, seedAccount, shiftClock } from '../support/emulator-control';
import {
	countPath,
	failureOf,
	GRAPHQL_PATH,
	LOGIN_PATH,
	noWait,
	SSH,
	useClientDemo,
	accessKeyAuth,
	passwordAuth,
} from './client-fixtures';

const demo = useClientDemo();

const clientWith = demo.clientWith;
const accessKey = (overrides: Record<string, string> = {}) =>
	accessKeyAuth(demo.account, overrides);
const password = (overrides: Record<string, string> = {}) => passwordAuth(demo.account, overrides);

describe('access keys (HTTP signatures)', () => {
	it.each([
		['an unknown access key id', { accessKeyId: 'NOSUCHKEY00000000000' }],
		[
			'a disabled access key',
			{
				accessKeyId: 'DEMOKEY0000000000002',
				secretAccessKey: 'XmrcXQmEJusasynwdXxjA0eXG4CuVFouvJidTJjL',
			},
		],
		[
			'a wrong secret (bad signature)',
			{ secretAccessKey: Buffer.from('another thirty byte secret key!').toString('base64') },
		],
	])(
		'%s is an auth error that also names a skewed clock as a possible cause',
		async (_name, overrides) => {
			const error = await failureOf(clientWith(accessKey(overrides)).testCredentials());
			expect(error).toBeInstanceOf(RemoteItAuthError);
			expect(error.status).toBe(403);
			expect(error.message).toMatch(/clock/);
			expect(countPath(await demo.log(), GRAPHQL_PATH)).toBe(1);
		},
	);

	it('a clock more than 5 minutes off is refused, and a correct clock works again', async () => {
		await shiftClock(demo.emulator.url, 600);
		const client = clientWith(accessKey());
		expect(await failureOf(client.connect(SSH))).toBeInstanceOf(RemoteItAuthError);
		const log = await demo.log();
		expect(log.at(-1)?.authFailure).toMatch(/clock|date|skew/i);
		const offset = 600 * 1000;
		const skewedToMatch = clientWith(accessKey(), { now: () => new Date(Date.now() + offset) });
		await expect(skewedToMatch.testCredentials()).resolves.toEqual({ email: demo.account.email });
	});

	it('signs REST requests and adds the developer key', async () => {
		const devices = await clientWith(accessKey()).listDevices({ api: 'rest' });
		expect(devices).toHaveLength(5);
		expect((await demo.log()).map((e) => e.auth)).toEqual(['signature', 'signature']);
	});

	it('REST without a developer key is refused before any request', async () => {
		const { developerKey: _unused, ...withoutDeveloperKey } = accessKey();
		await expect(
			clientWith(withoutDeveloperKey).listDevices({ api: 'rest' }),
		).rejects.toMatchObject({ code: 'VALIDATION', field: 'api' });
		expect(await demo.log()).toEqual([]);
	});
});

describe('password login and the token cache', () => {
	it('logs in once for 50 connects of one client', async () => {
		const client = clientWith(password());
		const connections = await Promise.all(Array.from({ length: 50 }, () => client.connect(SSH)));
		expect(new Set(connections.map((c) => c.id)).size).toBe(50);
		const log = await demo.log();
		expect(countPath(log, LOGIN_PATH)).toBe(1);
		expect(countPath(log, '/apv/v27/device/connect')).toBe(50);
	});

	it('renews an expired token exactly once and retries the call once', async () => {
		const client = clientWith(password());
		await client.connect(SSH);
		expect(await expireTokens(demo.emulator.url)).toBeGreaterThan(0);
		await expect(
			Promise.all(Array.from({ length: 10 }, () => client.connect(SSH))),
		).resolves.toHaveLength(10);
		const log = await demo.log();
		expect(countPath(log, LOGIN_PATH)).toBe(2);
		expect(log.filter((e) => e.authFailure).length).toBeLessThanOrEqual(10);
		await client.listDevices();
		expect(countPath(await demo.log(), LOGIN_PATH)).toBe(2);
	});

	it('logs in again once the token passes auth_expiration, without a refused request', async () => {
		let offsetMs = 0;
		const client = clientWith(password(), { now: () => new Date(Date.now() + offsetMs) });
		await client.listActiveConnections();
		offsetMs = 2 * 60 * 60 * 1000;
		await client.listActiveConnections();
		const log = await demo.log();
		expect(countPath(log, LOGIN_PATH)).toBe(2);
		expect(log.every((e) => e.status === 200 && !e.authFailure)).toBe(true);
	});

	it('a wrong password is an auth error after one login attempt', async () => {
		const error = await failureOf(
			clientWith(password({ password: 'not-the-password' })).connect(SSH),
		);
		expect(error).toBeInstanceOf(RemoteItAuthError);
		expect(error.reason).toMatch(/\[0102\]/);
		expect(error.message).toMatch(/username .*password/);
		expect(countPath(await demo.log(), LOGIN_PATH)).toBe(1);
	});

	it('a wrong developer key is an auth error that says which key', async () => {
		const error = await failureOf(
			clientWith(password({ developerKey: 'NOT-A-DEVELOPER-KEY' })).testCredentials(),
		);
		expect(error).toBeInstanceOf(RemoteItAuthError);
		expect(error.message).toMatch(/developer key/);
	});

	it('a two-factor account is told to use access keys', async () => {
		const mfa = seedAccount(demo.emulator.seed, 'mfa@example.com');
		const error = await failureOf(
			clientWith(
				password({ username: mfa.email, password: mfa.password, developerKey: mfa.developerKey }),
			).listDevices(),
		);
		expect(error).toBeInstanceOf(RemoteItMfaError);
		expect(error.code).toBe('MFA');
		expect(error.message).toMatch(/two-factor/);
		expect(error.message).toMatch(/access key/i);
		expect(countPath(await demo.log(), LOGIN_PATH)).toBe(1);
	});
});

describe('a fixed session token', () => {
	it('is refused once it expires, without any login attempt', async () => {
		const client = await demo.client('token');
		await client.connect(SSH);
		await expireTokens(demo.emulator.url);
		const rest = await failureOf(client.connect(SSH));
		expect(rest).toBeInstanceOf(RemoteItAuthError);
		expect(rest.message).toMatch(/token/);
		const graphql = await failureOf(client.listActiveConnections());
		expect(graphql).toBeInstanceOf(RemoteItAuthError);
		expect(graphql.status).toBe(401);
		expect(countPath(await demo.log(), LOGIN_PATH)).toBe(1);
	});

	it('with a wrong developer key is refused by both APIs', async () => {
		const client = createRemoteItClient({
			apiUrl: demo.emulator.url,
			sleep: noWait,
			auth: {
				type: 'token',
				developerKey: 'WRONG-DEVELOPER-KEY',
				token: '0123456789abcdef0123456789abcdef',
			},
		});
		expect(await failureOf(client.listDevices())).toBeInstanceOf(RemoteItAuthError);
		expect(await failureOf(client.listActiveConnections())).toBeInstanceOf(RemoteItAuthError);
	});
});
