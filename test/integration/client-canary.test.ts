/**
 * Canary secrets: every failure path runs with recognisable credentials, and none of them may appear in a thrown
 * error (message, stack, fields, JSON form, cause chain), in anything logged, or in the emulator's request log.
 */
import { inspect } from 'node:util';
import {
	createRemoteItClient,
	type RemoteItAuth,
	type RemoteItClient,
	type RemoteItClientOptions,
} from '../../client/transport';
import { createAxiosTransport } from '../../client/transport/axios';
import { forgetSharedTokens } from '../../client/auth/session';
import { loadSeedFile, DEMO_SEED_PATH, type Seed } from '../../emulator';
import {
	expireTokens,
	injectFault,
	readRequestLog,
	resetEmulator,
	setClock,
} from '../support/emulator-control';
import {
	failureOf,
	GRAPHQL_PATH,
	obtainToken,
	SSH,
	startDemo,
	UNKNOWN_SERVICE,
	type ClientDemo,
} from './client-fixtures';

const CANARY = {
	password: 'CANARY-PASSWORD-7f3a9e',
	developerKey: 'CANARY-DEVKEY-91bd42',
	secretAccessKey: Buffer.from('CANARY-SECRET-ACCESS-KEY-30B!!').toString('base64'),
	wrongPassword: 'CANARY-WRONG-PASSWORD-55e1',
	wrongSecret: Buffer.from('CANARY-WRONG-SECRET-KEY-30B!!!').toString('base64'),
	wrongToken: 'CANARYTOKEN0000000000000000beef',
	wrongDeveloperKey: 'CANARY-WRONG-DEVKEY-0c7d',
};
const ACCESS_KEY_ID = 'CANARYKEY00000000001';

let demo: ClientDemo;
let issuedToken: string;
const secrets = (): string[] => [...Object.values(CANARY), issuedToken].filter(Boolean);

/** Every rendering of an error a workflow, a log or a JSON output could show. */
function renderings(error: unknown): string[] {
	const texts = [inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error)];
	for (
		let current: unknown = error, depth = 0;
		current instanceof Error && depth < 10;
		current = current.cause, depth++
	) {
		texts.push(
			current.message,
			String(current.stack),
			JSON.stringify(
				Object.getOwnPropertyNames(current).map((k) => Reflect.get(current as object, k)),
			),
		);
	}
	return texts;
}

function expectNoSecret(texts: string[]): void {
	const all = texts.join('\n');
	for (const secret of secrets()) expect(all).not.toContain(secret);
}

const logged: string[] = [];
beforeAll(async () => {
	const seed = loadSeedFile(DEMO_SEED_PATH) as Seed;
	const user = {
		...seed.users[0],
		email: 'canary@example.com',
		password: CANARY.password,
		developerKey: CANARY.developerKey,
		accessKeys: [{ id: ACCESS_KEY_ID, secret: CANARY.secretAccessKey, enabled: true }],
	};
	demo = await startDemo({ seed: { users: [user] } });
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			logged.push(args.map((a) => inspect(a, { depth: 20 })).join(' '));
		});
	}
});
afterAll(async () => {
	jest.restoreAllMocks();
	await demo.emulator.close();
});
beforeEach(async () => {
	await resetEmulator(demo.emulator.url);
	issuedToken = await obtainToken(demo.emulator.url, demo.account);
});

const auths = (): Record<string, RemoteItAuth> => ({
	accessKey: {
		type: 'accessKey',
		accessKeyId: ACCESS_KEY_ID,
		secretAccessKey: CANARY.secretAccessKey,
		developerKey: CANARY.developerKey,
	},
	password: {
		type: 'password',
		developerKey: CANARY.developerKey,
		username: 'canary@example.com',
		password: CANARY.password,
	},
	token: { type: 'token', developerKey: CANARY.developerKey, token: issuedToken },
});
const client = (auth: RemoteItAuth, extra: Partial<RemoteItClientOptions> = {}): RemoteItClient =>
	demo.clientWith(auth, extra);

describe('no secret leaks from failures', () => {
	it.each([
		[
			'wrong secret access key',
			() =>
				client({
					...auths().accessKey,
					secretAccessKey: CANARY.wrongSecret,
				} as RemoteItAuth).connect(SSH),
		],
		[
			'wrong password',
			() =>
				client({ ...auths().password, password: CANARY.wrongPassword } as RemoteItAuth).connect(
					SSH,
				),
		],
		[
			'wrong developer key',
			() =>
				client({
					...auths().password,
					developerKey: CANARY.wrongDeveloperKey,
				} as RemoteItAuth).listDevices(),
		],
		[
			'wrong token over REST',
			() => client({ ...auths().token, token: CANARY.wrongToken } as RemoteItAuth).connect(SSH),
		],
		[
			'wrong token over GraphQL',
			() =>
				client({
					...auths().token,
					token: CANARY.wrongToken,
				} as RemoteItAuth).listActiveConnections(),
		],
		['unknown service', () => client(auths().password).connect(UNKNOWN_SERVICE)],
		['invalid input', () => client(auths().password).connect('80:00')],
	])('%s', async (_name, run) => {
		expectNoSecret(renderings(await failureOf(run())));
	});

	it.each(['accessKey', 'password', 'token'])('server faults with %s auth', async (kind) => {
		const auth = auths()[kind];
		const path = kind === 'accessKey' ? GRAPHQL_PATH : '/apv/v27/*';
		const faults = [
			{ kind: 'status' as const, status: 503, times: 3 },
			{ kind: 'status' as const, status: 429, times: 3 },
			{ kind: 'malformed' as const },
			{ kind: 'drop' as const, times: 3 },
			{ kind: 'status' as const, status: 403 },
		];
		for (const fault of faults) {
			// Each client logs in afresh, so with a password the fault meets the login, not a renewal after a cached token.
			forgetSharedTokens();
			await injectFault(demo.emulator.url, { path, ...fault });
			expectNoSecret(renderings(await failureOf(client(auth).connect(SSH))));
		}
		forgetSharedTokens();
		await injectFault(demo.emulator.url, { path, kind: 'delay', delayMs: 1000 });
		expectNoSecret(renderings(await failureOf(client(auth, { timeoutMs: 50 }).connect(SSH))));
		// The delayed connect still lands (and opens a connection) after the client gave up: let it, before the next test.
		while (!(await readRequestLog(demo.emulator.url)).some((entry) => entry.fault === 'delay')) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	});

	it('a skewed clock and an expired token', async () => {
		await setClock(demo.emulator.url, new Date('2020-01-01T00:00:00Z'));
		expectNoSecret(renderings(await failureOf(client(auths().accessKey).listDevices())));
		await resetEmulator(demo.emulator.url);
		const tokenClient = client({ ...auths().token });
		await expireTokens(demo.emulator.url);
		expectNoSecret(renderings(await failureOf(tokenClient.connect(SSH))));
	});

	it('a transport error that carries the request headers is reduced to a scrubbed summary', async () => {
		const axiosSend = createAxiosTransport({ timeoutMs: 2000 });
		const leakySend: RemoteItClientOptions['send'] = async (request) => {
			if (request.url.endsWith('/device/connect')) {
				throw Object.assign(
					new Error(
						`socket hang up while sending ${JSON.stringify(request.headers)} ${request.body ?? ''}`,
					),
					{ code: 'ECONNRESET', config: { headers: request.headers, data: request.body } },
				);
			}
			return axiosSend(request);
		};
		for (const auth of Object.values(auths())) {
			const error = await failureOf(
				client(auth, { send: leakySend }).connect(SSH, { api: 'rest' }),
			);
			expect(error.code).toBe('UNAVAILABLE');
			expectNoSecret(renderings(error));
		}
	});

	it('invalid credentials are refused without repeating them', () => {
		const attempt = () =>
			createRemoteItClient({
				apiUrl: demo.emulator.url,
				auth: {
					type: 'accessKey',
					accessKeyId: ACCESS_KEY_ID,
					secretAccessKey: `${CANARY.wrongPassword}!!`,
				},
			});
		let thrown: unknown;
		try {
			attempt();
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toMatchObject({ code: 'VALIDATION', field: 'secretAccessKey' });
		expectNoSecret(renderings(thrown));
	});
});

describe('no secret in any log', () => {
	it('nothing the client or emulator logged holds a secret', async () => {
		await failureOf(
			client({ ...auths().password, password: CANARY.wrongPassword } as RemoteItAuth).connect(SSH),
		);
		await client(auths().password).connect(SSH);
		await client(auths().accessKey).listDevices();
		const requestLog = JSON.stringify(await readRequestLog(demo.emulator.url));
		expect(requestLog).toContain('/apv/v27/user/login');
		expectNoSecret([requestLog, ...logged]);
	});
});
