/**
 * The emulator accepts RFC 9421 signatures made exactly as remote.it's own tools make them (docs/remoteit-api.md
 * §1, §4): `http-message-signatures`' signMessage with label `remoteit`, components `@method @authority
 * @target-uri date` and an hmac-sha256 signer over the decoded secret (remoteit/insomnia-plugin-remoteit:plugin.js,
 * remoteit/socket-link.js:src/utils.ts). Wrong keys, tampered requests and stale dates get 403.
 */
import { createSigner, httpbis } from 'http-message-signatures';
import type { RunningEmulator } from '../../emulator';
import { startEmulator } from '../../emulator';
import { seedAccount, shiftClock } from '../support/emulator-control';

const SIGNED_HEADERS = ['@method', '@authority', '@target-uri', 'date'];

describe('RFC 9421 signatures as remote.it tools make them', () => {
	let emulator: RunningEmulator;
	let keyId: string;
	let secret: string;

	beforeAll(async () => {
		emulator = await startEmulator();
		({ accessKeyId: keyId, secretAccessKey: secret } = seedAccount(emulator.seed));
	});
	afterAll(() => emulator.close());

	/** socket-link.js's signRequest: date, user-agent, content-type, then signMessage. */
	async function signed(
		body: string,
		options: { key?: string; secret?: string; date?: Date } = {},
	) {
		const url = `${emulator.url}/graphql/v1`;
		const headers: Record<string, string> = {
			date: (options.date ?? new Date()).toUTCString(),
			'user-agent': 'socket-link-test',
			'content-type': 'application/json',
			// The Insomnia plugin sets Host to the bare hostname; fetch sends host:port, which the emulator also accepts.
		};
		const key = createSigner(
			Buffer.from(options.secret ?? secret, 'base64'),
			'hmac-sha256',
			options.key ?? keyId,
		);
		const request = await httpbis.signMessage(
			{ key, name: 'remoteit', fields: SIGNED_HEADERS },
			{ method: 'POST', url, headers, body },
		);
		return {
			url,
			init: { method: 'POST', headers: request.headers as Record<string, string>, body },
		};
	}

	it('answers a signed GraphQL request', async () => {
		const { url, init } = await signed(JSON.stringify({ query: '{ login { email } }' }));
		expect(init.headers['Signature-Input'] ?? init.headers['signature-input']).toMatch(
			/^remoteit=\("@method" "@authority" "@target-uri" "date"\)/,
		);
		const response = await fetch(url, init);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ data: { login: { email: 'demo@example.com' } } });
	});

	it.each([
		['an unknown key id', { key: 'NOSUCHKEY00000000000' }],
		['a wrong secret', { secret: Buffer.alloc(30, 7).toString('base64') }],
		['a date outside the clock window', { date: new Date(Date.now() - 3_600_000) }],
	])('refuses %s with 403', async (_what, options) => {
		const { url, init } = await signed(JSON.stringify({ query: '{ login { email } }' }), options);
		expect((await fetch(url, init)).status).toBe(403);
	});

	it('refuses a request sent to another path than the one signed', async () => {
		const { init } = await signed(JSON.stringify({ query: '{ login { email } }' }));
		expect((await fetch(`${emulator.url}/graphql/v1?other`, init)).status).toBe(403);
	});

	it('honours the emulator clock', async () => {
		await shiftClock(emulator.url, 3600);
		const { url, init } = await signed(JSON.stringify({ query: '{ login { email } }' }));
		expect((await fetch(url, init)).status).toBe(403);
		await shiftClock(emulator.url, -3600);
	});
});
