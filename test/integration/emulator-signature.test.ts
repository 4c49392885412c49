/**
 * The emulator verifies draft-cavage HTTP signatures as remote.it does (docs/remoteit-api.md §4): requests
 * signed by Joyent's reference `http-signature` package and the worked vectors of docs/remoteit-api.md §4 are accepted;
 * every signing mistake users make is refused with a bare 403.
 */
import type { RunningEmulator, Seed } from '../../emulator';
import { DEMO_SEED_PATH, loadSeedFile, startEmulator } from '../../emulator';
import { readRequestLog, resetEmulator, setClock, shiftClock } from '../support/emulator-control';
import { jsonOf, rawRequest, signedRequest } from '../support/emulator-http';

const VECTOR = {
	keyId: 'AKEXAMPLE00000000000',
	secret: 'PVw+mkBvI5PnNOu1MIGqg1BNtLWw9CyQcrVdJfLP',
	date: 'Tue, 07 Jun 2022 20:51:35 GMT',
	body: '{"query":"{ login { email } }"}',
};

function seedWithVectorKey(): Seed {
	const seed = loadSeedFile(DEMO_SEED_PATH);
	seed.users[0].accessKeys.push({ id: VECTOR.keyId, secret: VECTOR.secret, enabled: true });
	return seed;
}

const LOGIN_QUERY = JSON.stringify({ query: '{ login { email } }' });

describe('emulator HTTP signature verification', () => {
	let emulator: RunningEmulator;
	let demo: { keyId: string; secret: string; developerKey: string };

	beforeAll(async () => {
		emulator = await startEmulator({ seed: seedWithVectorKey() });
		const user = emulator.seed.users[0];
		demo = {
			keyId: user.accessKeys[0].id,
			secret: user.accessKeys[0].secret,
			developerKey: user.developerKey,
		};
	});
	afterAll(() => emulator.close());
	beforeEach(() => resetEmulator(emulator.url));

	const graphqlAs = (overrides: Partial<Parameters<typeof signedRequest>[1]> = {}) =>
		signedRequest(emulator.url, {
			method: 'POST',
			path: '/graphql/v1',
			body: LOGIN_QUERY,
			...demo,
			...overrides,
		});

	it('accepts a GraphQL request signed by the reference http-signature package', async () => {
		const response = await graphqlAs();
		expect(response.status).toBe(200);
		expect(jsonOf(response)).toEqual({ data: { login: { email: 'demo@example.com' } } });
	});

	it('accepts a signed REST request that also carries the developer key', async () => {
		const response = await signedRequest(emulator.url, {
			method: 'GET',
			path: '/apv/v27/device/list/all',
			...demo,
		});
		expect(jsonOf(response)).toMatchObject({ status: 'true' });
	});

	it('refuses a signed REST request without the developer key as remote.it does', async () => {
		const response = await signedRequest(emulator.url, {
			method: 'GET',
			path: '/apv/v27/device/list/all',
			...demo,
			developerKey: undefined,
		});
		expect(jsonOf(response)).toEqual({ status: 'false', reason: 'api key failed validation' });
	});

	it('accepts a subset of headers when the Date header is among them', async () => {
		const response = await graphqlAs({
			signedHeaders: ['(request-target)', 'host', 'date', 'content-type'],
		});
		expect(response.status).toBe(200);
	});

	describe('the worked vectors of docs/remoteit-api.md §4, with the emulator clock at their date', () => {
		const send = (
			method: string,
			path: string,
			signedHeaders: string,
			signature: string,
			body = '',
		) =>
			rawRequest(`${emulator.url}${path}`, {
				method,
				body,
				headers: {
					host: 'api.remote.it',
					date: VECTOR.date,
					'content-type': 'application/json',
					'content-length': String(Buffer.byteLength(body)),
					developerkey: demo.developerKey,
					authorization: `Signature keyId="${VECTOR.keyId}",algorithm="hmac-sha256",headers="${signedHeaders}",signature="${signature}"`,
				},
			});
		const ALL = '(request-target) host date content-type content-length';

		beforeEach(() => setClock(emulator.url, new Date(VECTOR.date)));

		it('accepts the GraphQL POST signed over five headers', async () => {
			const response = await send(
				'POST',
				'/graphql/v1',
				ALL,
				'xzhdDpi3q1dKkbCH6teNq8TLOqCL3mbTuY4MiBLBaL0=',
				VECTOR.body,
			);
			expect(response.status).toBe(200);
			expect(jsonOf(response)).toEqual({ data: { login: { email: 'demo@example.com' } } });
		});

		it('accepts the GraphQL POST signed over four headers', async () => {
			const response = await send(
				'POST',
				'/graphql/v1',
				'(request-target) host date content-type',
				'9vgH2lP6G7/hQVEk5kgQZZqAKTiInM1jVNlkiRiU6rE=',
				VECTOR.body,
			);
			expect(response.status).toBe(200);
		});

		it('accepts the REST GET with content-length 0', async () => {
			const response = await send(
				'GET',
				'/apv/v27/device/list/all',
				ALL,
				'q+85ylSXsiDp7y5BUMfJ6LaJCP8qnVVKCdOEa7qKBYY=',
			);
			expect(jsonOf(response)).toMatchObject({ status: 'true' });
		});

		it('refuses the same vector once the emulator clock is back at the present', async () => {
			await resetEmulator(emulator.url);
			const response = await send(
				'POST',
				'/graphql/v1',
				ALL,
				'xzhdDpi3q1dKkbCH6teNq8TLOqCL3mbTuY4MiBLBaL0=',
				VECTOR.body,
			);
			expect(response.status).toBe(403);
			expect(response.body).toBe('Forbidden');
		});
	});

	describe('signing mistakes get a bare 403', () => {
		it('refuses a wrong secret', async () => {
			const response = await graphqlAs({ secret: Buffer.alloc(30, 7).toString('base64') });
			expect([response.status, response.body]).toEqual([403, 'Forbidden']);
		});

		it('refuses the secret used as text instead of its decoded bytes', async () => {
			const response = await graphqlAs({
				secret: Buffer.from(demo.secret, 'utf8').toString('base64'),
			});
			expect(response.status).toBe(403);
		});

		it('refuses an unknown access key id', async () => {
			const response = await graphqlAs({ keyId: 'NOSUCHKEY00000000000' });
			expect(response.status).toBe(403);
		});

		it('refuses a disabled access key', async () => {
			const disabled = emulator.seed.users[0].accessKeys.find((k) => !k.enabled);
			const response = await graphqlAs({ keyId: disabled!.id, secret: disabled!.secret });
			expect(response.status).toBe(403);
		});

		it('refuses a body whose length differs from the signed content-length', async () => {
			const response = await graphqlAs({
				body: JSON.stringify({ query: '{ login { id email } }' }),
				signedContentLength: String(Buffer.byteLength(LOGIN_QUERY)),
			});
			expect(response.status).toBe(403);
		});

		it('refuses a content-length signed as a character count', async () => {
			const body = JSON.stringify({ query: '{ login { email } }', variables: { note: 'café ü' } });
			expect(body.length).not.toBe(Buffer.byteLength(body));
			const accepted = await graphqlAs({ body });
			const refused = await graphqlAs({ body, signedContentLength: String(body.length) });
			expect([accepted.status, refused.status]).toEqual([200, 403]);
		});

		it('refuses a signature that does not cover the Date header', async () => {
			const response = await graphqlAs({
				signedHeaders: ['(request-target)', 'host', 'content-type'],
			});
			expect(response.status).toBe(403);
		});

		it('refuses a Host header other than the one signed', async () => {
			const response = await graphqlAs({
				host: 'api.remote.it',
				afterSigning: { host: new URL(emulator.url).host },
			});
			expect(response.status).toBe(403);
		});

		it('names the reason in the request log without the signature or the key', async () => {
			await graphqlAs({ secret: Buffer.alloc(30, 7).toString('base64') });
			const [entry] = await readRequestLog(emulator.url);
			expect(entry).toMatchObject({
				path: '/graphql/v1',
				auth: 'signature',
				status: 403,
				authFailure: 'signature mismatch',
			});
			expect(JSON.stringify(entry)).not.toContain(demo.keyId);
		});
	});

	describe('clock window (±300 s by default)', () => {
		it('accepts a Date 290 s behind the emulator clock and refuses one 310 s behind', async () => {
			await shiftClock(emulator.url, 290);
			expect((await graphqlAs()).status).toBe(200);
			await shiftClock(emulator.url, 20);
			const refused = await graphqlAs();
			expect(refused.status).toBe(403);
			const log = await readRequestLog(emulator.url);
			expect(log[log.length - 1].authFailure).toMatch(/clock skew/);
		});

		it('refuses a Date from the future beyond the window', async () => {
			const response = await graphqlAs({ date: new Date(Date.now() + 400_000) });
			expect(response.status).toBe(403);
		});

		it('uses a configured window', async () => {
			const strict = await startEmulator({ clockSkewSeconds: 30 });
			try {
				const user = strict.seed.users[0];
				const send = (date: Date) =>
					signedRequest(strict.url, {
						method: 'POST',
						path: '/graphql/v1',
						body: LOGIN_QUERY,
						keyId: user.accessKeys[0].id,
						secret: user.accessKeys[0].secret,
						date,
					});
				expect((await send(new Date(Date.now() - 20_000))).status).toBe(200);
				expect((await send(new Date(Date.now() - 60_000))).status).toBe(403);
			} finally {
				await strict.close();
			}
		});
	});
});
