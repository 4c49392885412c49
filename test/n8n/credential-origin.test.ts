/**
 * The credential sends remote.it secrets (signature, token, developer key) only to the origin of its API URL.
 * Checked through the credential's `authenticate` as n8n calls it, and through n8n's request helpers as the HTTP
 * Request node uses them, against a loopback "elsewhere" server that records whatever reaches it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { RemoteItApi } from '../../credentials/RemoteItApi.credentials';
import { readRequestLog } from '../support/emulator-control';
import { loadOptionsContext } from './support/contexts';
import { accessKeyCredentials, passwordCredentials, tokenCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, connectParameters } from './support/parameters';

const emulator = useEmulatorWithN8n();
const credential = new RemoteItApi();

let elsewhere: Server;
let elsewhereUrl = '';
const seenElsewhere: IncomingHttpHeaders[] = [];
beforeAll(async () => {
	elsewhere = createServer((req, res) => {
		seenElsewhere.push(req.headers);
		res.end('{}');
	});
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
	elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => elsewhere.close(resolve)));
beforeEach(() => {
	seenElsewhere.length = 0;
});

const methods: Array<[string, () => Promise<ICredentialDataDecryptedObject>]> = [
	[
		'Access Key',
		async () => ({ ...accessKeyCredentials(emulator), developerKey: seedDeveloperKey() }),
	],
	['Developer Key + Username/Password', async () => passwordCredentials(emulator)],
	['Developer Key + Session Token', async () => tokenCredentials(emulator)],
];

function seedDeveloperKey(): string {
	return emulator.seed.users[0].developerKey;
}

const REFUSAL =
	/only sends its secrets to its API URL \(http:\/\/127\.0\.0\.1:\d+\); this request goes to/;
const login = (url: string): IHttpRequestOptions => ({
	method: 'POST',
	url,
	body: { query: '{ login { email } }' },
	json: true,
});

describe.each(methods)('%s', (_name, credentials) => {
	it.each([
		['another host', 'https://evil.example/graphql/v1'],
		['the same host on another port', 'http://127.0.0.1:1/graphql/v1'],
		['another scheme', 'https://127.0.0.1/graphql/v1'],
		['a user-info look-alike', 'https://api.remote.it@evil.example/graphql/v1'],
	])('authenticate refuses %s, naming both origins', async (_what, url) => {
		await expect(credential.authenticate(await credentials(), login(url))).rejects.toThrow(REFUSAL);
	});

	it("refuses the HTTP Request node's request to another origin before anything is sent", async () => {
		const { context } = loadOptionsContext(
			await credentials(),
			connectParameters(byId(SEED.gatewaySsh)),
		);
		const url = `${elsewhereUrl}/graphql/v1`;
		await expect(
			context.helpers.requestWithAuthentication.call(context, 'remoteItApi', {
				method: 'POST',
				uri: url,
				body: {},
				json: true,
			}),
		).rejects.toThrow(REFUSAL);
		await expect(
			context.helpers.httpRequestWithAuthentication.call(context, 'remoteItApi', login(url)),
		).rejects.toThrow(REFUSAL);
		expect(seenElsewhere).toEqual([]);
	});
});

it('with the default API URL, secrets go to https://api.remote.it only', async () => {
	const credentials = {
		authentication: 'token',
		developerKey: 'DEVKEY-canary',
		token: 'TOKEN-canary',
		apiUrl: '',
	};
	const signed = await credential.authenticate(
		credentials,
		login('https://api.remote.it/graphql/v1'),
	);
	expect(signed.headers).toMatchObject({ token: 'TOKEN-canary', developerkey: 'DEVKEY-canary' });
	await expect(
		credential.authenticate(credentials, login('https://api.remote.it.evil.example/graphql/v1')),
	).rejects.toThrow(
		/only sends its secrets to its API URL \(https:\/\/api\.remote\.it\); this request goes to https:\/\/api\.remote\.it\.evil\.example/,
	);
});

it('still authenticates requests to its own origin', async () => {
	const { context } = loadOptionsContext(
		await tokenCredentials(emulator),
		connectParameters(byId(SEED.gatewaySsh)),
	);
	await expect(
		context.helpers.httpRequestWithAuthentication.call(
			context,
			'remoteItApi',
			login(`${emulator.url}/graphql/v1`),
		),
	).resolves.toEqual({ data: { login: { email: 'demo@example.com' } } });
	expect(
		(await readRequestLog(emulator.url))
			.filter((e) => e.path === '/graphql/v1')
			.map((e) => [e.auth, e.status]),
	).toEqual([['token', 200]]);
});
