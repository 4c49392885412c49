/**
 * REST v27 as docs/remoteit-api.md §2 describes it: string values, HTTP 200 + status "false" failures
 * with remote.it's reasons, one list entry per service, and the three proxy forms. Driven with fetch.
 */
import type { RunningEmulator } from '../../emulator';
import { startEmulator } from '../../emulator';
import {
	listEmulatorConnections,
	resetEmulator,
	seedAccount,
	setClock,
	shiftClock,
} from '../support/emulator-control';
import { SSH, WEB_UI } from '../support/demo';

type Json = Record<string, unknown>;

const RDP = '80:00:00:00:01:00:00:11';
const VNC = '80:00:00:00:01:00:00:12';
const HTTPS = '80:00:00:00:01:00:00:21';
const OFFLINE_SSH = '80:00:00:00:01:00:00:31';
const MFA_USERS_SSH = '80:00:00:00:02:00:00:02';

describe('emulator REST v27', () => {
	let emulator: RunningEmulator;
	let account: ReturnType<typeof seedAccount>;

	beforeAll(async () => {
		emulator = await startEmulator({ tokenTtlSeconds: 600 });
		account = seedAccount(emulator.seed);
	});
	afterAll(() => emulator.close());
	beforeEach(() => resetEmulator(emulator.url));

	async function rest(
		method: string,
		path: string,
		headers: Record<string, string>,
		body?: unknown,
	): Promise<{ status: number; text: string; json: Json }> {
		const response = await fetch(`${emulator.url}/apv/v27${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, text, json: JSON.parse(text) as Json };
	}

	async function login(
		username = account.email,
		password = account.password,
		developerKey = account.developerKey,
	) {
		return rest('POST', '/user/login', { developerkey: developerKey }, { username, password });
	}

	async function tokenHeaders(): Promise<Record<string, string>> {
		const { json } = await login();
		return { developerkey: account.developerKey, token: String(json.token) };
	}

	const connect = async (
		deviceaddress: string,
		hostip = '255.255.255.255',
		headers?: Record<string, string>,
	) =>
		rest('POST', '/device/connect', headers ?? (await tokenHeaders()), {
			deviceaddress,
			wait: 'true',
			hostip,
		});

	describe('POST /user/login', () => {
		it('returns a 32-hex token, its expiry in unix seconds and the account', async () => {
			const before = Math.floor(Date.now() / 1000);
			const { status, json } = await login();
			expect(status).toBe(200);
			expect(json).toMatchObject({ status: 'true', email: 'demo@example.com', language: 'en' });
			expect(json.token).toMatch(/^[0-9a-f]{32}$/);
			expect(json.auth_token).toBe(json.token);
			// Every field of a recorded remote.it login answer is there, remote.it's spelling included (docs/remoteit-api.md §2).
			expect(Object.keys(json).sort()).toEqual([
				'announcements',
				'apikey',
				'auth_expiration',
				'auth_token',
				'aws_identity',
				'commerical_setting',
				'developer_key',
				'developer_plan',
				'email',
				'guid',
				'index',
				'language',
				'member_since',
				'portal_plan',
				'portal_plan_expires',
				'pubsub_channel',
				'secondary_auth',
				'service_authhash',
				'service_features',
				'service_level',
				'service_token',
				'status',
				'storage_plan',
				'token',
				'token_index',
			]);
			expect(json.service_authhash).toMatch(/^[0-9a-f]{40}$/);
			expect(json.auth_expiration).toBeGreaterThanOrEqual(before + 600);
			expect(json.auth_expiration).toBeLessThanOrEqual(before + 602);
		});

		it('refuses a wrong password and an unknown user with [0102]', async () => {
			for (const attempt of [
				await login(account.email, 'wrong'),
				await login('nobody@example.com', account.password),
			]) {
				expect(attempt.status).toBe(200);
				expect(attempt.json).toEqual({
					status: 'false',
					code: 'GENERAL_ERROR',
					reason: '[0102] The username or password is invalid',
				});
			}
		});

		it('refuses a bad developer key', async () => {
			const { json } = await login(account.email, account.password, 'not-a-developer-key');
			expect(json).toEqual({ status: 'false', reason: 'api key failed validation' });
		});

		it('accepts the developer key under the apikey alias and in any header case', async () => {
			const alias = await rest(
				'POST',
				'/user/login',
				{ apikey: account.developerKey },
				{ username: account.email, password: account.password },
			);
			const upper = await rest(
				'POST',
				'/user/login',
				{ DeveloperKey: account.developerKey },
				{ username: account.email, password: account.password },
			);
			expect([alias.json.status, upper.json.status]).toEqual(['true', 'true']);
		});

		it('refuses a two-factor account with its MFA code', async () => {
			const mfa = seedAccount(emulator.seed, 'mfa@example.com');
			const { json } = await login(mfa.email, mfa.password, mfa.developerKey);
			expect(json).toMatchObject({ status: 'false', code: 'SOFTWARE_TOKEN_MFA' });
			expect(json.reason).toMatch(/two-factor/);
		});
	});

	describe('GET /device/list/all and /device/metadata/list/me', () => {
		it('lists one entry per service, the device itself as its Bulk Service, shaped as a recorded remote.it answer', async () => {
			const { json } = await rest('GET', '/device/list/all', await tokenHeaders());
			const entries = json.devices as Json[];
			expect(json).toMatchObject({
				status: 'true',
				cache_expires: expect.any(Number),
				length: entries.length,
			});
			expect(
				entries.filter((e) => e.servicetitle === 'Bulk Service').map((e) => e.devicealias),
			).toEqual(emulator.seed.users[0].devices.map((d) => d.name));
			// Strings, except remote.it's own exceptions: weburi/webviewerurl [null] and scripting a boolean.
			for (const entry of entries) {
				const { weburi, webviewerurl, scripting, ...rest } = entry;
				expect({ weburi, webviewerurl, scripting }).toEqual({
					weburi: [null],
					webviewerurl: [null],
					scripting: false,
				});
				expect(Buffer.from(String(rest.localurl), 'base64').toString()).toBe('none');
				for (const value of Object.values(rest)) expect(typeof value).toBe('string');
			}
			expect(entries.find((e) => e.deviceaddress === SSH)).toMatchObject({
				devicealias: 'SSH',
				servicetitle: 'SSH',
				devicestate: 'active',
				ownerusername: 'demo@example.com',
				shared: 'not-shared',
				devicetype: '00:1C:00:00:00:00:00:00:00:00:00:16:00:00:00:00',
			});
		});

		it('encodes application and port in devicetype octets 1-2 and 11-12', async () => {
			const { json } = await rest('GET', '/device/list/all', await tokenHeaders());
			const decode = (type: string) => {
				const octets = type.split(':');
				return [parseInt(octets[0] + octets[1], 16), parseInt(octets[10] + octets[11], 16)];
			};
			const byId = new Map(
				(json.devices as Json[]).map((e) => [e.deviceaddress, decode(String(e.devicetype))]),
			);
			expect(byId.get(HTTPS)).toEqual([8, 443]);
			expect(byId.get(RDP)).toEqual([5, 3389]);
			expect(byId.get('80:00:00:00:01:00:00:04')).toEqual([1, 5432]);
			expect(byId.get('80:00:00:00:01:00:00:01')).toEqual([35, 65535]);
		});

		it('marks every service of an offline device inactive', async () => {
			const { json } = await rest('GET', '/device/list/all', await tokenHeaders());
			const offline = (json.devices as Json[]).filter((e) =>
				String(e.deviceaddress).startsWith('80:00:00:00:01:00:00:3'),
			);
			expect(offline.map((e) => e.devicestate)).toEqual(['inactive', 'inactive']);
		});

		it('keys metadata by lower-case service id, services of one device sharing a hardwareid', async () => {
			const { json } = await rest('GET', '/device/metadata/list/me', await tokenHeaders());
			const devices = json.devices as Record<string, Json>;
			expect(Object.keys(devices)).toContain(SSH.toLowerCase());
			expect(devices[SSH.toLowerCase()].hardwareid).toBe(
				devices['80:00:00:00:01:00:00:01'].hardwareid,
			);
			expect(devices[SSH.toLowerCase()].hardwareid).not.toBe(devices[RDP.toLowerCase()].hardwareid);
		});

		it('answers a missing or expired token with "missing api token"', async () => {
			const headers = await tokenHeaders();
			const missing = await rest('GET', '/device/list/all', { developerkey: account.developerKey });
			await shiftClock(emulator.url, 601);
			const expired = await rest('GET', '/device/list/all', headers);
			for (const answer of [missing, expired]) {
				expect(answer.status).toBe(200);
				expect(answer.json).toEqual({ status: 'false', reason: 'missing api token' });
			}
		});
	});

	describe('POST /device/connect', () => {
		it('opens a port proxy with the documented answer shape and escaped slashes', async () => {
			const { text, json } = await connect(SSH);
			expect(text).toContain('"proxy":"http:\\/\\/127.0.0.1:');
			const connection = json.connection as Json;
			expect(json.connectionid).toBe(connection.connectionid);
			expect(connection).toMatchObject({
				deviceaddress: SSH,
				expirationsec: '28800',
				status: 'running',
			});
			expect(connection.connectionid).toMatch(
				/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
			);
			expect(connection.proxy).toBe(`http://${connection.proxyserver}:${connection.proxyport}`);
			expect(json.wait).toBe(true);
			// The emulator's proxies are real loopback listeners (remote.it's are proxyNN.rt3.io:3xxxx).
			expect(connection.proxyserver).toBe('127.0.0.1');
			expect(Number(connection.proxyport)).toBeGreaterThan(0);
			expect(connection.requested).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}T\d{1,2}:\d\d (AM|PM)$/);
		});

		it("writes connection.requested in remote.it's own format, in UTC", async () => {
			await setClock(emulator.url, '2021-01-15T18:20:30Z');
			expect(((await connect(SSH)).json.connection as Json).requested).toBe('1/15/2021T6:20 PM');
			await setClock(emulator.url, '2021-11-05T00:07:00Z');
			expect(((await connect(SSH)).json.connection as Json).requested).toBe('11/5/2021T12:07 AM');
		});

		it('opens reverse proxies for HTTP and HTTPS services', async () => {
			for (const service of [WEB_UI, HTTPS]) {
				const connection = (await connect(service)).json.connection as Json;
				expect(connection).toMatchObject({
					reverseProxy: true,
					proxy: `http://127.0.0.1:${connection.proxyport}`,
				});
			}
		});

		it('answers RDP and VNC services with the legacy launch URL carrying the port', async () => {
			for (const service of [RDP, VNC]) {
				const connection = (await connect(service)).json.connection as Json;
				const page = service === VNC ? 'vnc/vnc.php' : 'rdp/rdp.php';
				expect(connection.proxy).toBe(
					`http://${connection.proxyserver}/${page}?port=${connection.proxyport}`,
				);
			}
		});

		it('records the access mode from hostip', async () => {
			const headers = await tokenHeaders();
			await connect(SSH, '0.0.0.0', headers);
			await connect(RDP, '198.51.100.7', headers);
			await connect(VNC, '', headers);
			const modes = Object.fromEntries(
				(await listEmulatorConnections(emulator.url)).map((c) => [c.serviceId, c.hostIp]),
			);
			expect(modes).toEqual({ [SSH]: '0.0.0.0', [RDP]: '198.51.100.7', [VNC]: '255.255.255.255' });
		});

		it.each([
			['an unknown service', '80:00:00:00:09:09:09:09', /\[0861\]/],
			["another account's device", MFA_USERS_SSH, /\[0806\]/],
			['a malformed address', 'not-an-address', /^bad device address$/],
			['an offline device', OFFLINE_SSH, /inactive/],
		])('refuses %s with HTTP 200 and status "false"', async (_what, address, reason) => {
			const { status, json } = await connect(address);
			expect(status).toBe(200);
			expect(json.status).toBe('false');
			expect(json.reason).toMatch(reason);
		});

		it('refuses a connect without a token or with a bad developer key', async () => {
			const { token } = await tokenHeaders();
			expect(
				(await connect(SSH, undefined, { developerkey: account.developerKey })).json.reason,
			).toBe('missing api token');
			expect((await connect(SSH, undefined, { developerkey: 'bad', token })).json.reason).toBe(
				'api key failed validation',
			);
		});

		it('replaces the earlier connection of the same user to the same service', async () => {
			const headers = await tokenHeaders();
			const first = (await connect(SSH, undefined, headers)).json;
			const second = (await connect(SSH, undefined, headers)).json;
			// previousConnection is the replaced connection's proxy URL, as in recorded remote.it answers.
			expect(second.connection).toMatchObject({
				connectionOverridden: 'true',
				previousConnection: (first.connection as Json).proxy,
			});
			expect((await listEmulatorConnections(emulator.url)).map((c) => c.id)).toEqual([
				second.connectionid,
			]);
			const stopFirst = await rest('POST', '/device/connect/stop', headers, {
				deviceaddress: SSH,
				connectionid: first.connectionid,
			});
			expect(stopFirst.json.status).toBe('false');
		});

		it('keeps the earlier connection when the body says concurrent: true, as the Go SDK sends it', async () => {
			const headers = await tokenHeaders();
			const first = (await connect(SSH, undefined, headers)).json;
			const second = (
				await rest('POST', '/device/connect', headers, {
					deviceaddress: SSH,
					wait: 'true',
					concurrent: true,
				})
			).json;
			expect(second.connection).not.toHaveProperty('previousConnection');
			expect((await listEmulatorConnections(emulator.url)).map((c) => c.id).sort()).toEqual(
				[first.connectionid, second.connectionid].sort(),
			);
		});

		it('expires connections after their timeout on the emulator clock', async () => {
			const headers = await tokenHeaders();
			const { json } = await connect(SSH, undefined, headers);
			await shiftClock(emulator.url, 28_799);
			expect(await listEmulatorConnections(emulator.url)).toHaveLength(1);
			await shiftClock(emulator.url, 2);
			expect(await listEmulatorConnections(emulator.url)).toHaveLength(0);
			const fresh = await tokenHeaders();
			const stop = await rest('POST', '/device/connect/stop', fresh, {
				deviceaddress: SSH,
				connectionid: json.connectionid,
			});
			expect(stop.json.status).toBe('false');
		});
	});

	describe('POST /device/connect/stop', () => {
		it('closes a connection and returns its id', async () => {
			const headers = await tokenHeaders();
			const { json } = await connect(SSH, undefined, headers);
			const stop = await rest('POST', '/device/connect/stop', headers, {
				deviceaddress: SSH,
				connectionid: json.connectionid,
			});
			expect(stop.json).toEqual({ status: 'true', connectionid: json.connectionid });
			expect(await listEmulatorConnections(emulator.url)).toEqual([]);
		});

		it('refuses an unknown connection id', async () => {
			const stop = await rest('POST', '/device/connect/stop', await tokenHeaders(), {
				deviceaddress: SSH,
				connectionid: 'A78B3919-52E1-B674-58CC-5C0009377419',
			});
			expect(stop.json.status).toBe('false');
			expect(stop.json.reason).toEqual(expect.any(String));
		});
	});
});
