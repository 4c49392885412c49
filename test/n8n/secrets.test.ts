import { inspect } from 'node:util';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DEMO_SEED_PATH, loadSeedFile, type Seed } from '../../emulator';
import { RemoteIt } from '../../nodes/RemoteIt/RemoteIt.node';
import { expireTokens, injectFault } from '../support/emulator-control';
import { credentialTestContext, loadOptionsContext } from './support/contexts';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, byName, connectParameters, fromList } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

/** Recognisable secrets: valid for the canary account, so failures happen after real authentication too. */
const CANARY = {
	accessKeyId: 'CANARYKEY00000000001',
	secretAccessKey: Buffer.from('CANARY-secret-never-leak-00001').toString('base64'),
	developerKey: 'CANARY-developer-key-never-leak',
	password: 'CANARY-password-never-leak',
	wrongSecret: Buffer.from('CANARY-wrong-secret-never-leak').toString('base64'),
	wrongPassword: 'CANARY-wrong-password-never-leak',
	wrongToken: 'CANARYwrongtokenneverleak0000001',
};

let sessionToken: string;

function canarySeed(demo: Seed): Seed {
	const [user, ...others] = demo.users;
	return {
		users: [
			{
				...user,
				password: CANARY.password,
				developerKey: CANARY.developerKey,
				accessKeys: [{ id: CANARY.accessKeyId, secret: CANARY.secretAccessKey, enabled: true }],
			},
			...others,
		],
	};
}

const emulator = useEmulatorWithN8n({ seed: canarySeed(loadSeedFile(DEMO_SEED_PATH)) });
beforeEach(async () => {
	const login = await fetch(`${emulator.url}/apv/v27/user/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', developerkey: CANARY.developerKey },
		body: JSON.stringify({ username: 'demo@example.com', password: CANARY.password }),
	});
	sessionToken = ((await login.json()) as { token: string }).token;
});

const accessKey = (secretAccessKey = CANARY.secretAccessKey): ICredentialDataDecryptedObject => ({
	authentication: 'accessKey',
	accessKeyId: CANARY.accessKeyId,
	secretAccessKey,
	developerKey: CANARY.developerKey,
	apiUrl: emulator.url,
});
const password = (value = CANARY.password): ICredentialDataDecryptedObject => ({
	authentication: 'password',
	developerKey: CANARY.developerKey,
	username: 'demo@example.com',
	password: value,
	apiUrl: emulator.url,
});
const token = (value: string): ICredentialDataDecryptedObject => ({
	authentication: 'token',
	developerKey: CANARY.developerKey,
	token: value,
	apiUrl: emulator.url,
});

/** Everything n8n would store or show: the whole run, errors with their non-enumerable parts, stacks, causes. */
function expectNoSecret(...values: unknown[]): void {
	const text = values
		.map((value) => `${JSON.stringify(value)}\n${inspect(value, { depth: 12, showHidden: true })}`)
		.join('\n');
	for (const secret of [...Object.values(CANARY), sessionToken]) expect(text).not.toContain(secret);
	expect(text).not.toMatch(/signature="[A-Za-z0-9+/=]{20,}"/);
}

const failures: Array<[string, () => ICredentialDataDecryptedObject, (() => Promise<void>)?]> = [
	['a wrong secret access key', () => accessKey(CANARY.wrongSecret)],
	['a wrong password', () => password(CANARY.wrongPassword)],
	['a refused session token', () => token(CANARY.wrongToken)],
	[
		'an expired session token',
		() => token(sessionToken),
		async () => void (await expireTokens(emulator.url)),
	],
	[
		'a dropped connection',
		() => accessKey(),
		() => injectFault(emulator.url, { path: '/graphql/v1', kind: 'drop', times: 5 }),
	],
	[
		'a malformed answer',
		() => password(),
		() => injectFault(emulator.url, { path: '/apv/v27/*', kind: 'malformed', times: 5 }),
	],
	[
		'remote.it unavailable',
		() => accessKey(),
		() => injectFault(emulator.url, { path: '/graphql/v1', kind: 'status', status: 503, times: 5 }),
	],
];

describe.each(failures)('no secret leaks after %s', (_name, credentials, arrange) => {
	it.each([false, true])('in the execution data (Continue On Fail: %s)', async (continueOnFail) => {
		await arrange?.();
		const result = await runWorkflow({
			credentials: credentials(),
			items: [{ serviceId: SEED.gatewaySsh }, { serviceId: SEED.offlineSensorSsh }],
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId('={{ $json.serviceId }}')),
					continueOnFail,
				},
			],
		});
		if (continueOnFail) expect(result.output('Connect').some((item) => item.json.error)).toBe(true);
		else expect(result.error()).toBeDefined();
		expectNoSecret(result.run, result.error());
	});

	it('from Get Many by tag, Add Tags and Remove Tags', async () => {
		await arrange?.();
		const result = await runWorkflow({
			credentials: credentials(),
			nodes: [
				{
					name: 'Fleet',
					parameters: { resource: 'device', operation: 'getAll', filters: { tags: ['line-3'] } },
					continueOnFail: true,
				},
				...(['addTags', 'removeTags'] as const).map((operation) => ({
					name: operation,
					parameters: {
						resource: 'device',
						operation,
						device: byId(SEED.gatewayDevice),
						tags: ['audit'],
					},
					continueOnFail: true,
				})),
			],
		});
		expect(result.output('Fleet').length).toBeGreaterThan(0);
		expectNoSecret(result.run, result.error());
	});

	it('in the credential test and the pickers', async () => {
		await arrange?.();
		const node = new RemoteIt();
		const test = await node.methods.credentialTest.remoteItApiTest.call(credentialTestContext(), {
			id: 'c',
			name: 'c',
			type: 'remoteItApi',
			data: credentials(),
		});
		expect(test.status).toBe('Error');
		// The credential test used up part of the fault's budget: the picker meets a fault of its own.
		await arrange?.();
		const { context } = loadOptionsContext(credentials(), connectParameters(fromList('')));
		const picker = await node.methods.listSearch.searchServices
			.call(context)
			.catch((error: unknown) => error);
		expect(picker).toBeInstanceOf(Error);
		expectNoSecret(test, picker);
	});
});

it('no secret leaks from a By Name lookup that finds nothing, with good credentials', async () => {
	const result = await runWorkflow({
		credentials: password(),
		nodes: [{ name: 'Connect', parameters: connectParameters(byName('factory-gateway/Nothing')) }],
	});
	expect(result.error()?.message).toMatch(/factory-gateway\/Nothing/);
	expectNoSecret(result.run, result.error());
});
