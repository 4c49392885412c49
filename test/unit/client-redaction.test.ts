import {
	RemoteItAuthError,
	RemoteItError,
	createSecretRegistry,
	REDACTED,
	redactError,
	redactSecrets,
} from '../../client/errors';

describe('redactSecrets: the one redaction function', () => {
	it('replaces every occurrence of a known secret', () => {
		expect(redactSecrets('pw=hunter22 and again hunter22', ['hunter22'])).toBe(
			`pw=${REDACTED} and again ${REDACTED}`,
		);
	});

	it('replaces secret-shaped fragments even when the value is unknown', () => {
		const text =
			'Authorization: Signature keyId="AK1",algorithm="hmac-sha256",headers="date",signature="c2lnbmF0dXJl" ' +
			'{"password":"p4ss","token":"abcdef0123","developerkey":"DEVKEY"} token=zzz1';
		const result = redactSecrets(text);
		for (const secret of ['c2lnbmF0dXJl', 'p4ss', 'abcdef0123', 'DEVKEY', 'zzz1'])
			expect(result).not.toContain(secret);
	});

	it('treats regular-expression characters in secrets literally and removes the longest secret whole', () => {
		expect(redactSecrets('ab+cd*e? / ab+cd', ['ab+cd', 'ab+cd*e?'])).toBe(
			`${REDACTED} / ${REDACTED}`,
		);
	});

	it('leaves ordinary text alone', () => {
		expect(redactSecrets('The device is offline', ['s3cr3t-value'])).toBe('The device is offline');
	});

	it('learns session tokens at run time', () => {
		const registry = createSecretRegistry(['initial-secret']);
		registry.add('learned-token-1234');
		expect(registry.redact('initial-secret learned-token-1234')).toBe(`${REDACTED} ${REDACTED}`);
	});
});

describe('redactError', () => {
	const redact = (text: string) => redactSecrets(text, ['CANARY-SECRET']);

	it('scrubs message, reason, stack and cause chain of a RemoteItError in place', () => {
		const cause = new Error('socket said CANARY-SECRET');
		const error = new RemoteItAuthError('refused CANARY-SECRET', {
			reason: 'CANARY-SECRET was wrong',
			cause,
		});
		const result = redactError(error, redact);
		expect(result).toBe(error);
		const everything = [
			result.message,
			result.reason,
			result.stack,
			JSON.stringify(result),
			(result.cause as Error).message,
			(result.cause as Error).stack,
		].join('\n');
		expect(everything).not.toContain('CANARY-SECRET');
		expect(result.reason).toBe(`${REDACTED} was wrong`);
	});

	it('wraps a foreign error in a RemoteItError that holds only a scrubbed summary', () => {
		const foreign = Object.assign(new Error('boom CANARY-SECRET'), {
			config: { headers: { token: 'CANARY-SECRET' } },
		});
		const result = redactError(foreign, redact);
		expect(result).toBeInstanceOf(RemoteItError);
		expect(result.cause).not.toBe(foreign);
		expect(JSON.stringify(result)).not.toContain('CANARY-SECRET');
		expect(String(result.stack)).not.toContain('CANARY-SECRET');
		expect(Object.keys(result.cause as object)).not.toContain('config');
	});
});

describe('secrets remote.it echoes back, unknown to the client', () => {
	it.each([
		[
			'a session token (32 hex)',
			'invalid token 0123456789abcdef0123456789abcdef given',
			'0123456789abcdef0123456789abcdef',
		],
		[
			'a secret access key (40 base64)',
			'key xptuBhejtxSNSzyDj1iMFrrOrrqhZLkolrQHeheL rejected',
			'xptuBhejtxSNSzyDj1iMFrrOrrqhZLkolrQHeheL',
		],
		[
			'a developer key (base64 with padding)',
			'bad REVNTy1ERVZFTE9QRVItS0VZLTAwMDE= here',
			'REVNTy1ERVZFTE9QRVItS0VZLTAwMDE',
		],
		['a bearer token', 'header Bearer abc.DEF-123_x was refused', 'abc.DEF-123_x'],
		['a JWT', 'got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'eyJzdWIiOiIxIn0'],
		['a named api key', 'api_key=k-123 and x-api-key: k-456', 'k-123'],
		['a named access token', '{"access_token":"at-987"}', 'at-987'],
	])('redacts %s', (_what, text, secret) => {
		expect(redactSecrets(text)).not.toContain(secret);
	});

	it.each([
		'Connection A78B3919-52E1-B674-58CC-5C0009377419 was closed',
		'No service with id 80:00:00:00:01:00:00:02 in this remote.it account.',
		'No device named "factory-gateway-building-7-floor-2" in this remote.it account.',
		'remote.it did not answer POST /graphql/v1 within 1000 ms.',
		'Access key DEMOKEY0000000000001 is disabled',
	])('leaves ids, names and messages readable: %s', (text) => {
		expect(redactSecrets(text)).toBe(text);
	});
});

it('leaves request paths readable', () => {
	const text =
		'remote.it is unavailable (HTTP 503) for POST /apv/v27/device/connect/stop. Try again later.';
	expect(redactSecrets(text)).toBe(text);
});
