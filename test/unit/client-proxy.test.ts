import fc from 'fast-check';
import { RemoteItValidationError } from '../../client/errors';
import { parseProxy } from '../../client/connections/result';

describe('parseProxy: the three proxy forms of docs/remoteit-api.md §2', () => {
	it('reads a port proxy (the http scheme means nothing; the endpoint is host:port)', () => {
		expect(parseProxy('http://proxy18.rt3.io:38575')).toEqual({
			host: 'proxy18.rt3.io',
			port: 38575,
			reverseProxy: false,
			url: 'tcp://proxy18.rt3.io:38575',
		});
	});

	it('reads a reverse proxy (no port; the URL is used as is)', () => {
		expect(parseProxy('https://x7k2m9q1.p18.rt3.io')).toEqual({
			host: 'x7k2m9q1.p18.rt3.io',
			port: null,
			reverseProxy: true,
			url: 'https://x7k2m9q1.p18.rt3.io',
		});
	});

	it('reads the RDP/VNC launch URL with ?port=', () => {
		expect(parseProxy('http://proxy71.rt3.io/rdp/rdp.php?port=38631')).toEqual({
			host: 'proxy71.rt3.io',
			port: 38631,
			reverseProxy: false,
			url: 'tcp://proxy71.rt3.io:38631',
		});
	});

	it('accepts JSON-unescaped slashes and surrounding spaces', () => {
		const fromJson = JSON.parse('"http:\\/\\/proxy18.rt3.io:38575"') as string;
		expect(parseProxy(`  ${fromJson} `).port).toBe(38575);
	});

	it.each([
		['', 'empty'],
		['not a url at all', 'no URL'],
		['http://proxy.rt3.io/rdp.php?port=99999', 'port out of range'],
		['http://proxy.rt3.io/rdp.php?port=abc', 'port not a number'],
		['ftp://proxy.rt3.io', 'no port and not http(s)'],
	])('refuses %p (%s) with a validation error', (input) => {
		expect(() => parseProxy(input)).toThrow(RemoteItValidationError);
	});

	it('refuses values that are not text', () => {
		for (const value of [undefined, null, 42, {}, ['http://a:1']])
			expect(() => parseProxy(value)).toThrow(RemoteItValidationError);
	});

	it('property: any string either parses to a usable endpoint or throws RemoteItValidationError', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.webUrl(),
					fc.constantFrom('http://a:0', 'tcp://[::1]:5', 'http://:80'),
				),
				(input) => {
					try {
						const parsed = parseProxy(input);
						expect(parsed.host.length).toBeGreaterThan(0);
						if (parsed.port !== null) expect(parsed.port).toBeGreaterThanOrEqual(1);
						expect(parsed.reverseProxy).toBe(parsed.port === null);
					} catch (error) {
						expect(error).toBeInstanceOf(RemoteItValidationError);
					}
				},
			),
			{ numRuns: 500 },
		);
	});

	it('property: a generated host and port round-trip through all port forms', () => {
		const host = fc.domain();
		const port = fc.integer({ min: 1, max: 65535 });
		fc.assert(
			fc.property(host, port, (h, p) => {
				expect(parseProxy(`http://${h}:${p}`)).toMatchObject({ port: p, reverseProxy: false });
				expect(parseProxy(`http://${h}/rdp/rdp.php?port=${p}`)).toMatchObject({
					port: p,
					reverseProxy: false,
				});
			}),
			{ numRuns: 200 },
		);
	});
});
