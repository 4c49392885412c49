import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { expireTokens, readRequestLog } from '../support/emulator-control';
import { accessKeyCredentials, passwordCredentials, tokenCredentials } from './support/credentials';
import { loadOptionsContext } from './support/contexts';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, byName, connectParameters, disconnectParameters } from './support/parameters';
import { runWorkflow } from './support/run-workflow';

const emulator = useEmulatorWithN8n();

const methods: Array<[string, () => Promise<ICredentialDataDecryptedObject>, string]> = [
	['Access Key', async () => accessKeyCredentials(emulator), 'signature'],
	['Developer Key + Username/Password', async () => passwordCredentials(emulator), 'token'],
	['Developer Key + Session Token', async () => tokenCredentials(emulator), 'token'],
];

const LOGIN_QUERY = { query: 'query { login { email } }' };

describe.each(methods)('authentication: %s', (_name, credentials, scheme) => {
	it('connects and disconnects, every request authenticated by the credential', async () => {
		const creds = await credentials();
		await readRequestLog(emulator.url, { clear: true });
		const result = await runWorkflow({
			credentials: creds,
			nodes: [
				{ name: 'Connect', parameters: connectParameters(byId(SEED.gatewaySsh)) },
				{ name: 'Disconnect', parameters: disconnectParameters },
			],
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Connect')[0].json.serviceId).toBe(SEED.gatewaySsh);
		expect(result.output('Disconnect')[0].json.disconnected).toBe(true);

		const log = await readRequestLog(emulator.url);
		const apiCalls = log.filter((entry) => entry.auth !== 'password-login');
		expect(apiCalls.length).toBeGreaterThanOrEqual(2);
		expect(apiCalls.every((entry) => entry.auth === scheme && entry.status === 200)).toBe(true);
		expect(result.credentialsHelper.authenticated.length).toBe(log.length);
	});
});

describe.each(methods.filter(([name]) => !name.includes('Password')))(
	'custom requests: %s',
	(_name, credentials) => {
		it('authenticates a GraphQL request with a JSON object body, as the HTTP Request node sends one', async () => {
			const { context } = loadOptionsContext(
				await credentials(),
				connectParameters(byId(SEED.gatewaySsh)),
			);
			// The HTTP Request node (v3+) goes through the request-style helper...
			const viaRequest = await context.helpers.requestWithAuthentication.call(
				context,
				'remoteItApi',
				{
					method: 'POST',
					uri: `${emulator.url}/graphql/v1`,
					qs: { source: 'n8n test' },
					body: LOGIN_QUERY,
					json: true,
				},
			);
			// ...and node code through httpRequestWithAuthentication.
			const options: IHttpRequestOptions = {
				method: 'POST',
				url: `${emulator.url}/graphql/v1`,
				body: LOGIN_QUERY,
				json: true,
			};
			const viaHttpRequest = await context.helpers.httpRequestWithAuthentication.call(
				context,
				'remoteItApi',
				options,
			);
			for (const answer of [viaRequest, viaHttpRequest]) {
				expect(answer).toEqual({ data: { login: { email: 'demo@example.com' } } });
			}
		});
	},
);

describe('access key signatures', () => {
	it('cover the bytes of non-ASCII bodies, not their characters', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			nodes: [{ name: 'Connect', parameters: connectParameters(byName('Größe-Gerät/SSH')) }],
		});
		// Signed correctly, the lookup reaches remote.it and finds no such device (a signature error would be a 401/403);
		// a second signed request reads every device name, to name the closest ones in the error.
		expect(result.error()?.message).toMatch(/No service "Größe-Gerät\/SSH"/);
		const log = await readRequestLog(emulator.url);
		expect(log.map((entry) => [entry.auth, entry.status])).toEqual([
			['signature', 200],
			['signature', 200],
		]);
	});
});

describe('custom requests: Developer Key + Username/Password', () => {
	it('are refused with a message pointing to access keys or session tokens', async () => {
		const { context } = loadOptionsContext(
			passwordCredentials(emulator),
			connectParameters(byId(SEED.gatewaySsh)),
		);
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: `${emulator.url}/graphql/v1`,
			body: LOGIN_QUERY,
			json: true,
		};
		await expect(
			context.helpers.httpRequestWithAuthentication.call(context, 'remoteItApi', options),
		).rejects.toThrow(/Access Key or a Session Token/);
		expect(await readRequestLog(emulator.url)).toEqual([]);
	});
});

describe('password sessions', () => {
	it('log in once for 20 items and share the token', async () => {
		await readRequestLog(emulator.url, { clear: true });
		const result = await runWorkflow({
			credentials: passwordCredentials(emulator),
			items: Array.from({ length: 20 }, () => ({ serviceId: SEED.gatewaySsh })),
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId('={{ $json.serviceId }}'), {
						options: { parallelRequests: 5 },
					}),
				},
			],
		});
		expect(result.output('Connect')).toHaveLength(20);
		const logins = (await readRequestLog(emulator.url)).filter((entry) =>
			entry.path.endsWith('/user/login'),
		);
		expect(logins).toHaveLength(1);
	});

	it('renew an expired token exactly once, mid-execution, and every item still connects', async () => {
		await readRequestLog(emulator.url, { clear: true });
		let connects = 0;
		const result = await runWorkflow({
			credentials: passwordCredentials(emulator),
			items: Array.from({ length: 6 }, () => ({ serviceId: SEED.gatewaySsh })),
			nodes: [
				{
					name: 'Connect',
					parameters: connectParameters(byId('={{ $json.serviceId }}'), {
						options: { parallelRequests: 3 },
					}),
				},
			],
			// The token expires at remote.it between the second and the third connect request.
			prepare: (helper) => {
				helper.beforeAuthenticate = async ({ url }) => {
					if (url.endsWith('/device/connect') && ++connects === 3) await expireTokens(emulator.url);
				};
			},
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Connect').map((item) => item.json.serviceId)).toEqual(
			Array(6).fill(SEED.gatewaySsh),
		);

		const log = await readRequestLog(emulator.url);
		expect(log.filter((entry) => entry.path.endsWith('/user/login'))).toHaveLength(2);
		const refused = log.filter(
			(entry) => entry.path.endsWith('/device/connect') && entry.authFailure !== undefined,
		);
		expect(refused.length).toBeGreaterThanOrEqual(1);
	});
});

describe('session token credentials', () => {
	it('fail with a message saying the token may have expired', async () => {
		const credentials = await tokenCredentials(emulator);
		await expireTokens(emulator.url);
		const result = await runWorkflow({
			credentials,
			nodes: [{ name: 'Connect', parameters: connectParameters(byId(SEED.gatewaySsh)) }],
		});
		expect(result.error()?.message).toMatch(/token/i);
		expect(result.error()?.message).toMatch(/expire/i);
	});
});
