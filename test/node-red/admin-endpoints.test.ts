/**
 * The admin endpoints behind the edit dialogs, behind Node-RED's real admin authentication (editor-api's
 * needsPermission with bearer tokens) instead of the test helper's allow-all stub.
 */
import {
	ACCOUNT_ID,
	accessKeyCredentials,
	accountNode,
	helper,
	loadFlow,
	modulesWithAdminAuth,
	type AdminCall,
} from './support/flow-harness';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import type { NodeRedRuntime } from '../../nodes/node-red/lib/node-red-api';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const adminAuth = require('@node-red/editor-api/lib/auth') as NodeRedRuntime['auth'] & {
	init(settings: unknown, storage: unknown): void;
};

const EDITOR = 'editor-token';
const VIEWER = 'viewer-token';
const PLACEHOLDER = '__PWRD__';

const { emulator, account } = useDemoWithNodeRed();

beforeAll(() => {
	adminAuth.init(
		{
			adminAuth: {
				type: 'credentials',
				users: [
					{ username: 'editor', password: 'unused', permissions: '*' },
					{ username: 'viewer', password: 'unused', permissions: 'read' },
				],
				tokens: [
					{ token: EDITOR, user: 'editor', scope: ['*'] },
					{ token: VIEWER, user: 'viewer', scope: ['read'] },
				],
			},
		},
		{ getSessions: async () => ({}), saveSessions: async () => undefined },
	);
});
beforeEach(() =>
	loadFlow(
		[accountNode(emulator.url)],
		accessKeyCredentials(account),
		modulesWithAdminAuth(adminAuth),
	),
);

/** `null` sends no Authorization header: an anonymous request. */
function asUser(call: AdminCall, token: string | null): AdminCall {
	return token ? call.set('Authorization', `Bearer ${token}`) : call;
}

function testCredentials(body: Record<string, unknown>, token: string | null = EDITOR): AdminCall {
	return asUser(helper.request().post('/remoteit-config/test'), token).send(body);
}

function listServices(
	accountId: string,
	token: string | null = VIEWER,
	filter?: string,
): AdminCall {
	const call = asUser(helper.request().get(`/remoteit-config/${accountId}/services`), token);
	return filter ? call.query({ filter }) : call;
}

describe('POST /remoteit-config/test (remoteit-config.write)', () => {
	it('tests typed credentials before the account is deployed', async () => {
		const answer = await testCredentials({
			id: 'not-deployed-yet',
			authMethod: 'accessKey',
			apiUrl: emulator.url,
			credentials: accessKeyCredentials(account),
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			ok: true,
			email: account.email,
			message: `Authenticated as ${account.email}`,
		});
	});

	it('tests password sign-in with the e-mail as typed', async () => {
		const credentials = {
			developerKey: account.developerKey,
			username: account.email,
			password: account.password,
		};
		const answer = await testCredentials({
			authMethod: 'password',
			apiUrl: emulator.url,
			credentials,
		});
		expect(answer.body).toMatchObject({ ok: true, email: account.email });
	});

	it("reports refused credentials with the client's message and without the secret", async () => {
		const wrongSecret = Buffer.alloc(30, 9).toString('base64');
		const answer = await testCredentials({
			authMethod: 'accessKey',
			apiUrl: emulator.url,
			credentials: { accessKeyId: account.accessKeyId, secretAccessKey: wrongSecret },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.ok).toBe(false);
		expect(String(answer.body.message)).toMatch(/refused the credentials/);
		expect(JSON.stringify(answer.body)).not.toContain(wrongSecret);
	});

	it('falls back to the stored credentials for fields that show the password placeholder', async () => {
		const answer = await testCredentials({
			id: ACCOUNT_ID,
			authMethod: 'accessKey',
			apiUrl: emulator.url,
			credentials: { accessKeyId: PLACEHOLDER, secretAccessKey: PLACEHOLDER },
		});
		expect(answer.body).toMatchObject({ ok: true, email: account.email });
	});

	it('never sends stored credentials to an API URL the account was not deployed with', async () => {
		const answer = await testCredentials({
			id: ACCOUNT_ID,
			authMethod: 'accessKey',
			apiUrl: 'http://127.0.0.1:9/',
			credentials: { accessKeyId: PLACEHOLDER, secretAccessKey: PLACEHOLDER },
		});
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({
			ok: false,
			message: expect.stringMatching(/re-enter them/),
		});
	});

	it('names the missing field when a placeholder has nothing stored behind it', async () => {
		const answer = await testCredentials({
			id: 'not-deployed-yet',
			authMethod: 'accessKey',
			apiUrl: emulator.url,
			credentials: { accessKeyId: account.accessKeyId, secretAccessKey: '' },
		});
		expect(answer.body).toEqual({
			ok: false,
			message: 'The remote.it account is missing its Secret access key',
		});
	});

	it.each([
		['a user with read permission only', VIEWER],
		['an anonymous request', null],
	])('refuses %s with 401', async (_label, token) => {
		const answer = await testCredentials(
			{ authMethod: 'accessKey', apiUrl: emulator.url, credentials: accessKeyCredentials(account) },
			token,
		);
		expect(answer.status).toBe(401);
		expect(answer.body.ok).toBeUndefined();
	});
});

describe('GET /remoteit-config/:id/services (remoteit-config.read)', () => {
	it('lists "device / service" choices for a reader', async () => {
		const answer = await listServices(ACCOUNT_ID);
		expect(answer.status).toBe(200);
		const items = answer.body.items as Array<{ id: string; name: string; online: boolean }>;
		expect(items).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					id: '80:00:00:00:01:00:00:02',
					name: 'factory-gateway / SSH',
					online: true,
				}),
			]),
		);
	});

	it('filters by device name', async () => {
		const answer = await listServices(ACCOUNT_ID, EDITOR, 'CAMERA');
		const items = answer.body.items as Array<{ deviceName: string }>;
		expect(items.length).toBeGreaterThan(0);
		expect(new Set(items.map((i) => i.deviceName))).toEqual(new Set(['camera-nvr']));
	});

	it('answers 404 with a hint for an account that is not deployed', async () => {
		const answer = await listServices('not-deployed-yet');
		expect(answer.status).toBe(404);
		expect(answer.body.message).toMatch(/Deploy the remote\.it account first/);
	});

	it('refuses an anonymous request with 401', async () => {
		expect((await listServices(ACCOUNT_ID, null)).status).toBe(401);
	});
});
