import fc from 'fast-check';
import { RemoteItValidationError } from '../../client/errors';
import {
	isLoopbackHost,
	normaliseApiUrl,
	normaliseAuth,
	normaliseConnectionId,
	normaliseLimit,
	normaliseRetryPolicy,
	normaliseServiceId,
	normaliseTimeout,
	requireText,
	resolveAccessMode,
} from '../../client/validate';

const fieldOf = (fn: () => unknown): string | undefined => {
	try {
		fn();
	} catch (error) {
		if (error instanceof RemoteItValidationError) return error.field;
		throw error;
	}
	return undefined;
};

describe('service ids', () => {
	it('accepts 8 hex octets and normalises spaces and lower case to upper case', () => {
		expect(normaliseServiceId('  80:00:00:00:01:0a:bc:ef \n')).toBe('80:00:00:00:01:0A:BC:EF');
	});

	it.each([
		'80:00:00:00:01:00:00',
		'80:00:00:00:01:00:00:02:03',
		'80-00-00-00-01-00-00-02',
		'GG:00:00:00:01:00:00:02',
		'8:00:00:00:01:00:00:02',
		'',
		'   ',
	])('refuses %p naming the field', (id) => {
		expect(fieldOf(() => normaliseServiceId(id))).toBe('serviceId');
	});

	it('property: any input is either a normalised id or a RemoteItValidationError', () => {
		const octet = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
		const id = fc.array(octet, { minLength: 8, maxLength: 8 }).map((o) => o.join(':'));
		fc.assert(
			fc.property(fc.oneof(id, fc.string(), fc.anything()), (input) => {
				try {
					expect(normaliseServiceId(input)).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){7}$/);
				} catch (error) {
					expect(error).toBeInstanceOf(RemoteItValidationError);
				}
			}),
			{ numRuns: 500 },
		);
	});
});

describe('access modes and hostIp (docs/remoteit-api.md §5)', () => {
	it('maps the modes to the hostip remote.it expects', () => {
		expect(resolveAccessMode(undefined, undefined)).toEqual({
			accessMode: 'latching',
			hostIp: '255.255.255.255',
		});
		expect(resolveAccessMode('public', undefined)).toEqual({
			accessMode: 'public',
			hostIp: '0.0.0.0',
		});
		expect(resolveAccessMode('restricted', ' 203.0.113.7 ')).toEqual({
			accessMode: 'restricted',
			hostIp: '203.0.113.7',
		});
	});

	it('treats a hostIp without a mode as restricted and ignores a leftover hostIp for other modes', () => {
		expect(resolveAccessMode(undefined, '198.51.100.1').accessMode).toBe('restricted');
		expect(resolveAccessMode('latching', '198.51.100.1').hostIp).toBe('255.255.255.255');
	});

	it.each([
		[undefined],
		[''],
		['203.0.113'],
		['256.1.1.1'],
		['01.2.3.4'],
		['::1'],
		['0.0.0.0'],
		['255.255.255.255'],
	])('refuses restricted with hostIp %p', (ip) => {
		expect(fieldOf(() => resolveAccessMode('restricted', ip))).toBe('hostIp');
	});

	it('refuses unknown modes', () => {
		expect(fieldOf(() => resolveAccessMode('open', undefined))).toBe('accessMode');
	});

	it('property: resolveAccessMode throws nothing but RemoteItValidationError', () => {
		fc.assert(
			fc.property(fc.anything(), fc.oneof(fc.ipV4(), fc.string(), fc.anything()), (mode, ip) => {
				try {
					const { hostIp } = resolveAccessMode(mode, ip);
					expect(hostIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
				} catch (error) {
					expect(error).toBeInstanceOf(RemoteItValidationError);
				}
			}),
			{ numRuns: 500 },
		);
	});
});

describe('other inputs', () => {
	it('limits are whole numbers from 1 to 1000 (remote.it page maximum)', () => {
		expect(normaliseLimit(undefined)).toBe(50);
		expect(normaliseLimit(1000)).toBe(1000);
		for (const bad of [0, 1001, 2.5, '10', -1, NaN])
			expect(fieldOf(() => normaliseLimit(bad))).toBe('limit');
	});

	it('bounds string lengths and refuses control characters', () => {
		expect(fieldOf(() => requireText('name', 'x'.repeat(256), 255))).toBe('name');
		expect(fieldOf(() => requireText('name', 'a\nb', 255))).toBe('name');
		expect(requireText('name', '  gateway  ', 255)).toBe('gateway');
	});

	it('connection ids hold only id characters', () => {
		expect(normaliseConnectionId(' A78B3919-52E1-B674-58CC-5C0009377419 ')).toBe(
			'A78B3919-52E1-B674-58CC-5C0009377419',
		);
		expect(fieldOf(() => normaliseConnectionId('a b'))).toBe('connectionId');
	});

	it('retry and timeout options are bounded', () => {
		expect(normaliseRetryPolicy(undefined)).toEqual({
			attempts: 3,
			baseDelayMs: 500,
			maxDelayMs: 10000,
		});
		expect(
			fieldOf(() => normaliseRetryPolicy({ attempts: 0, baseDelayMs: 1, maxDelayMs: 1 })),
		).toBe('retry');
		expect(normaliseTimeout(undefined)).toBe(30000);
		expect(fieldOf(() => normaliseTimeout(0))).toBe('timeoutMs');
	});

	it('property: the text, limit, id and option validators throw nothing but RemoteItValidationError', () => {
		const validators = [
			(v: unknown) => requireText('x', v, 10),
			normaliseLimit,
			normaliseConnectionId,
			normaliseRetryPolicy,
			normaliseTimeout,
			normaliseAuth,
			normaliseApiUrl,
		];
		fc.assert(
			fc.property(fc.anything(), fc.string(), (anything, text) => {
				for (const validate of validators) {
					for (const input of [anything, text]) {
						try {
							validate(input);
						} catch (error) {
							expect(error).toBeInstanceOf(RemoteItValidationError);
						}
					}
				}
			}),
			{ numRuns: 300 },
		);
	});
});

describe('API URLs', () => {
	it('defaults to https://api.remote.it and drops a trailing slash', () => {
		expect(normaliseApiUrl(undefined)).toBe('https://api.remote.it');
		expect(normaliseApiUrl('https://api.remote.it/')).toBe('https://api.remote.it');
	});

	it.each(['http://127.0.0.1:8787', 'http://127.5.6.7', 'http://localhost:1', 'http://[::1]:9000'])(
		'allows loopback %s over http',
		(url) => {
			expect(normaliseApiUrl(url)).toBe(url);
		},
	);

	it.each([
		'http://api.remote.it',
		'http://10.0.0.1',
		'http://localhost.example.com',
		'ftp://api.remote.it',
		'api.remote.it',
		'https://user:pw@api.remote.it',
	])('refuses %s', (url) => {
		expect(fieldOf(() => normaliseApiUrl(url))).toBe('apiUrl');
	});

	it('recognises loopback hosts', () => {
		expect(isLoopbackHost('127.0.0.1')).toBe(true);
		expect(isLoopbackHost('128.0.0.1')).toBe(false);
	});
});

describe('credentials', () => {
	it('accepts the three auth types', () => {
		expect(
			normaliseAuth({ type: 'accessKey', accessKeyId: 'K', secretAccessKey: 'c2VjcmV0' }).type,
		).toBe('accessKey');
		expect(
			normaliseAuth({
				type: 'password',
				developerKey: 'd',
				username: 'u@example.com',
				password: ' p ',
			}),
		).toMatchObject({ password: ' p ' });
		expect(normaliseAuth({ type: 'token', developerKey: 'd', token: 't' }).type).toBe('token');
	});

	it('names the missing or malformed field without repeating its value', () => {
		const secret = 'not base64 at all!!';
		try {
			normaliseAuth({ type: 'accessKey', accessKeyId: 'K', secretAccessKey: secret });
			throw new Error('expected a validation error');
		} catch (error) {
			expect(error).toBeInstanceOf(RemoteItValidationError);
			expect((error as RemoteItValidationError).field).toBe('secretAccessKey');
			expect(JSON.stringify(error)).not.toContain(secret);
			expect((error as Error).message).not.toContain(secret);
		}
		expect(
			fieldOf(() => normaliseAuth({ type: 'password', developerKey: 'd', username: 'u' })),
		).toBe('password');
		expect(fieldOf(() => normaliseAuth({ type: 'oauth' }))).toBe('auth');
	});
});
