import { buildSigningString, formatHttpDate, signRequest } from '../../client/auth/signing';

/** The worked vector of docs/remoteit-api.md §4 (a made-up key). */
const vector = {
	accessKeyId: 'AKEXAMPLE00000000000',
	secretAccessKey: 'PVw+mkBvI5PnNOu1MIGqg1BNtLWw9CyQcrVdJfLP',
	now: new Date('Tue, 07 Jun 2022 20:51:35 GMT'),
};
const graphqlBody = '{"query":"{ login { email } }"}';

const signatureOf = (authorization: string): string =>
	/signature="([^"]+)"/.exec(authorization)?.[1] ?? '';

describe('signRequest (draft-cavage HMAC-SHA256, docs/remoteit-api.md §4)', () => {
	it('reproduces the worked vector for a GraphQL POST with all five headers', () => {
		const headers = signRequest({
			...vector,
			method: 'POST',
			url: 'https://api.remote.it/graphql/v1',
			body: graphqlBody,
		});
		expect(signatureOf(headers.Authorization)).toBe('xzhdDpi3q1dKkbCH6teNq8TLOqCL3mbTuY4MiBLBaL0=');
		expect(headers.Authorization).toBe(
			'Signature keyId="AKEXAMPLE00000000000",algorithm="hmac-sha256",' +
				'headers="(request-target) host date content-type content-length",signature="xzhdDpi3q1dKkbCH6teNq8TLOqCL3mbTuY4MiBLBaL0="',
		);
		expect(headers['Content-Length']).toBe('31');
		expect(headers['Content-Type']).toBe('application/json');
		expect(headers.Date).toBe('Tue, 07 Jun 2022 20:51:35 GMT');
	});

	it('reproduces the worked vector when only four headers are signed', () => {
		const headers = signRequest({
			...vector,
			method: 'POST',
			url: 'https://api.remote.it/graphql/v1',
			body: graphqlBody,
			signedHeaders: ['(request-target)', 'host', 'date', 'content-type'],
		});
		expect(signatureOf(headers.Authorization)).toBe('9vgH2lP6G7/hQVEk5kgQZZqAKTiInM1jVNlkiRiU6rE=');
		expect(headers.Authorization).toContain('headers="(request-target) host date content-type"');
	});

	it('reproduces the worked vector for a bodiless REST GET (content-length 0)', () => {
		const headers = signRequest({
			...vector,
			method: 'GET',
			url: 'https://api.remote.it/apv/v27/device/list/all',
		});
		expect(headers['Content-Length']).toBe('0');
		expect(signatureOf(headers.Authorization)).toBe('q+85ylSXsiDp7y5BUMfJ6LaJCP8qnVVKCdOEa7qKBYY=');
	});

	it('counts content-length in bytes, not characters', () => {
		const body = '{"name":"Küche ☕"}';
		const headers = signRequest({
			...vector,
			method: 'POST',
			url: 'https://api.remote.it/graphql/v1',
			body,
		});
		expect(body.length).toBe(18);
		expect(headers['Content-Length']).toBe('21'); // ü is 2 bytes, ☕ is 3
	});

	it('writes the date as an IMF-fixdate in GMT whatever the local zone', () => {
		const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
		expect(formatHttpDate(date)).toBe('Fri, 02 Jan 2026 03:04:05 GMT');
		expect(
			signRequest({ ...vector, now: date, method: 'GET', url: 'https://api.remote.it/x' }).Date,
		).toMatch(/ GMT$/);
	});

	it('signs the path with its query string and the host with a non-default port', () => {
		const text = buildSigningString('GET', 'http://127.0.0.1:8787/apv/v27/device/list/all?x=1', {
			date: 'D',
			'content-type': 'application/json',
			'content-length': '0',
		});
		expect(text).toBe(
			'(request-target): get /apv/v27/device/list/all?x=1\nhost: 127.0.0.1:8787\ndate: D\ncontent-type: application/json\ncontent-length: 0',
		);
		expect(text.endsWith('\n')).toBe(false);
	});

	it('keeps a content-type the caller set', () => {
		const headers = signRequest({
			...vector,
			method: 'POST',
			url: 'https://api.remote.it/x',
			body: 'a',
			headers: { 'content-type': 'text/plain' },
		});
		expect(headers['Content-Type']).toBe('text/plain');
	});

	it('changes the signature when any signed part changes', () => {
		const base = {
			...vector,
			method: 'POST',
			url: 'https://api.remote.it/graphql/v1',
			body: graphqlBody,
		};
		const reference = signRequest(base).Authorization;
		expect(signRequest({ ...base, body: `${graphqlBody} ` }).Authorization).not.toBe(reference);
		expect(
			signRequest({ ...base, url: 'https://api.remote.it/graphql/v2' }).Authorization,
		).not.toBe(reference);
		expect(
			signRequest({ ...base, now: new Date(vector.now.getTime() + 1000) }).Authorization,
		).not.toBe(reference);
	});
});
