/**
 * GraphQL v1 as docs/remoteit-api.md §3 describes it: paging and filters, device(id) as a list,
 * sessions and events, connect/disconnect, errors in errors[] and plain-text auth failures.
 * Authenticated with developer key + token, which GraphQL also accepts (docs/remoteit-api.md §1).
 */
import type { RunningEmulator } from '../../emulator';
import { startEmulator } from '../../emulator';
import { resetEmulator, seedAccount, setOnline, shiftClock } from '../support/emulator-control';
import { SSH, WEB_UI } from '../support/demo';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GraphQL answers are walked freely in assertions

const OFFLINE_SSH = '80:00:00:00:01:00:00:31';

const DEVICES = `query Devices($size: Int, $from: Int, $name: String, $state: String) {
  login { devices(size: $size, from: $from, name: $name, state: $state, sort: "name") {
    total hasMore items { id name state online hardwareId lastReported services { id name state online application title port } } } } }`;
const CONNECT = `mutation Connect($serviceId: String!, $hostIP: String!, $type: ProxyType! = AUTO_PROXY) {
  connect(serviceId: $serviceId, hostIP: $hostIP, type: $type) { id host port reverseProxy url created timeout } }`;
const DISCONNECT = `mutation Disconnect($serviceId: String, $connectionId: String!) {
  disconnect(serviceId: $serviceId, connectionId: $connectionId) }`;

describe('emulator GraphQL v1', () => {
	let emulator: RunningEmulator;
	let headers: Record<string, string>;

	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(() => emulator.close());
	beforeEach(async () => {
		await resetEmulator(emulator.url);
		const account = seedAccount(emulator.seed);
		const response = await fetch(`${emulator.url}/apv/v27/user/login`, {
			method: 'POST',
			headers: { developerkey: account.developerKey, 'content-type': 'application/json' },
			body: JSON.stringify({ username: account.email, password: account.password }),
		});
		const { token } = (await response.json()) as { token: string };
		headers = { developerkey: account.developerKey, token, 'content-type': 'application/json' };
	});

	async function post(
		body: unknown,
		extraHeaders: Record<string, string> = headers,
	): Promise<{ status: number; text: string; json: () => Json }> {
		const response = await fetch(`${emulator.url}/graphql/v1`, {
			method: 'POST',
			headers: extraHeaders,
			body: JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, text, json: () => JSON.parse(text) as Json };
	}
	const query = async (source: string, variables?: Json) =>
		(await post({ query: source, variables })).json();

	it('answers the credential test', async () => {
		expect(await query('query { login { id email } }')).toEqual({
			data: { login: { id: expect.any(String), email: 'demo@example.com' } },
		});
	});

	describe('devices', () => {
		it('pages with from/size, total and hasMore, sorted by name', async () => {
			const pages: string[] = [];
			for (let from = 0; ; from += 2) {
				const page = (await query(DEVICES, { size: 2, from })).data.login.devices;
				expect(page.total).toBe(5);
				pages.push(...page.items.map((d: Json) => d.name));
				if (!page.hasMore) break;
			}
			expect(pages).toEqual([
				'camera-nvr',
				'factory-gateway',
				'lab-raspberrypi',
				'office-desktop',
				'warehouse-sensor',
			]);
		});

		it('filters by a case-insensitive name substring and by state', async () => {
			const byName = (await query(DEVICES, { name: 'GATE' })).data.login.devices;
			expect(byName.items.map((d: Json) => d.name)).toEqual(['factory-gateway']);
			const inactive = (await query(DEVICES, { state: 'inactive' })).data.login.devices;
			expect(inactive).toMatchObject({
				total: 1,
				hasMore: false,
				items: [{ name: 'warehouse-sensor', state: 'inactive', online: false }],
			});
		});

		it('returns services with application ids, titles and ports', async () => {
			const [gateway] = (await query(DEVICES, { name: 'factory' })).data.login.devices.items;
			expect(gateway.services).toContainEqual({
				id: SSH,
				name: 'SSH',
				state: 'active',
				online: true,
				application: 28,
				title: 'SSH',
				port: 22,
			});
			expect(gateway.hardwareId).toEqual(expect.any(String));
			expect(Number.isNaN(Date.parse(gateway.lastReported))).toBe(false);
		});

		it('refuses a page size above 1000 in errors[]', async () => {
			const response = await post({ query: DEVICES, variables: { size: 1001 } });
			expect(response.status).toBe(200);
			expect(response.json().errors[0].message).toMatch(/1000/);
		});

		it('returns device(id) as a list', async () => {
			const result = await query(
				'query Device($id: [String!]!) { login { device(id: $id) { id name services { id name } } } }',
				{
					id: ['80:00:00:00:01:00:00:10', '80:00:00:00:01:00:00:20'],
				},
			);
			expect(result.data.login.device.map((d: Json) => d.name)).toEqual([
				'office-desktop',
				'camera-nvr',
			]);
		});
	});

	describe('connect, sessions, disconnect', () => {
		it('connects a port proxy and lists it as a session', async () => {
			const { connect } = (await query(CONNECT, { serviceId: SSH, hostIP: '255.255.255.255' }))
				.data;
			expect(connect).toMatchObject({
				reverseProxy: false,
				timeout: 28800,
				url: `http://${connect.host}:${connect.port}`,
			});
			expect(connect.host).toBe('127.0.0.1');
			expect(connect.port).toBeGreaterThan(0);
			const { login } = (
				await query(
					'query { login { id sessions { id timestamp user { id } target { id name } endpoint { proxy } } } }',
				)
			).data;
			const own = login.sessions.filter(
				(s: Json) => s.user.id === login.id && s.endpoint.proxy === true,
			);
			expect(own).toEqual([
				{
					id: connect.id,
					timestamp: connect.created,
					user: { id: login.id },
					target: { id: SSH, name: 'SSH' },
					endpoint: { proxy: true },
				},
			]);
		});

		it("answers connect's session when asked for it", async () => {
			const { connect } = (
				await query(
					`mutation { connect(serviceId: "${SSH}", hostIP: "0.0.0.0") { id session { id target { id } } } }`,
				)
			).data;
			expect(connect.session).toEqual({ id: connect.id, target: { id: SSH } });
		});

		it('gives HTTP services a reverse proxy without a port, unless a port proxy is asked for', async () => {
			const reverse = (await query(CONNECT, { serviceId: WEB_UI, hostIP: '0.0.0.0' })).data.connect;
			expect(reverse).toMatchObject({ port: null, reverseProxy: true });
			expect(reverse.url).toMatch(new RegExp(`^http://${reverse.host}:\\d+$`));
			const port = (
				await query(CONNECT, { serviceId: WEB_UI, hostIP: '0.0.0.0', type: 'PORT_PROXY' })
			).data.connect;
			expect(port).toMatchObject({ reverseProxy: false, port: expect.any(Number) });
		});

		it('replaces an earlier connection to the same service', async () => {
			const first = (await query(CONNECT, { serviceId: SSH, hostIP: '255.255.255.255' })).data
				.connect;
			const second = (await query(CONNECT, { serviceId: SSH, hostIP: '255.255.255.255' })).data
				.connect;
			const { login } = (await query('query { login { id sessions { id user { id } } } }')).data;
			expect(login.sessions.filter((s: Json) => s.user.id === login.id)).toEqual([
				{ id: second.id, user: { id: login.id } },
			]);
			expect(second.id).not.toBe(first.id);
		});

		it('drops a connection from sessions once it expires', async () => {
			await query(CONNECT, { serviceId: SSH, hostIP: '255.255.255.255' });
			await shiftClock(emulator.url, 28_801);
			const fresh = await fetch(`${emulator.url}/apv/v27/user/login`, {
				method: 'POST',
				headers: { developerkey: headers.developerkey, 'content-type': 'application/json' },
				body: JSON.stringify({
					username: 'demo@example.com',
					password: seedAccount(emulator.seed).password,
				}),
			});
			const { token } = (await fresh.json()) as { token: string };
			const { login } = (
				await post(
					{ query: 'query { login { id sessions { id user { id } } } }' },
					{ ...headers, token },
				)
			).json().data;
			expect(login.sessions.filter((s: Json) => s.user.id === login.id)).toEqual([]);
		});

		it('disconnects, then reports an unknown connection in errors[]', async () => {
			const { id } = (await query(CONNECT, { serviceId: SSH, hostIP: '255.255.255.255' })).data
				.connect;
			expect(await query(DISCONNECT, { serviceId: SSH, connectionId: id })).toEqual({
				data: { disconnect: true },
			});
			const again = await query(DISCONNECT, { serviceId: SSH, connectionId: id });
			expect(again.errors[0].message).toMatch(/not found/i);
		});

		it.each([
			['an offline device', OFFLINE_SSH, '255.255.255.255', /inactive/],
			['an unknown service', '80:00:00:00:09:09:09:09', '255.255.255.255', /not found/i],
			['a malformed service id', 'ssh-please', '255.255.255.255', /serviceId/],
			['a bad hostIP', SSH, '999.1.1.1', /hostIP/],
		])('reports %s in errors[] with HTTP 200', async (_what, serviceId, hostIP, message) => {
			const response = await post({ query: CONNECT, variables: { serviceId, hostIP } });
			expect(response.status).toBe(200);
			const body = response.json();
			expect(body.data).toBeNull(); // connect is Connection!, so its error nulls the whole answer
			expect(body.errors[0].message).toMatch(message);
		});

		it('refuses a service whose device was just set offline, and connects again once it is back', async () => {
			await setOnline(emulator.url, '80:00:00:00:01:00:00:01', false);
			expect(
				(await query(CONNECT, { serviceId: SSH, hostIP: '0.0.0.0' })).errors[0].message,
			).toMatch(/inactive/);
			await setOnline(emulator.url, '80:00:00:00:01:00:00:01', true);
			expect((await query(CONNECT, { serviceId: SSH, hostIP: '0.0.0.0' })).data.connect.id).toEqual(
				expect.any(String),
			);
		});
	});

	describe('events', () => {
		it('lists events newest first, filtered by type and minDate', async () => {
			await query(CONNECT, { serviceId: SSH, hostIP: '255.255.255.255' });
			const EVENTS = `query Events($from: Int, $size: Int, $minDate: DateTime, $types: [EventType!]) {
        login { events(from: $from, size: $size, minDate: $minDate, types: $types) { total hasMore items { id type state timestamp target { id name } } } } }`;
			const all = (await query(EVENTS, {})).data.login.events;
			const stamps = all.items.map((e: Json) => Date.parse(e.timestamp));
			expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
			expect(all.items[0]).toMatchObject({
				type: 'DEVICE_CONNECT',
				state: 'connected',
				target: [{ id: SSH, name: 'SSH' }],
			});
			const states = (await query(EVENTS, { types: ['DEVICE_STATE'], size: 2 })).data.login.events;
			expect(states).toMatchObject({ total: 5, hasMore: true });
			expect(states.items.map((e: Json) => e.type)).toEqual(['DEVICE_STATE', 'DEVICE_STATE']);
			const recent = (await query(EVENTS, { minDate: new Date(Date.now() - 60_000).toISOString() }))
				.data.login.events;
			expect(recent.items.map((e: Json) => e.type)).toEqual(['DEVICE_CONNECT']);
		});
	});

	describe('tags', () => {
		const TAGGED = `query Tagged($tag: ListFilter) { login { tags { name color created }
  devices(tag: $tag, sort: "name") { total items { name tags { name } } } } }`;

		it('serves the seed tags on the account and its devices, and filters devices by ANY or ALL', async () => {
			const any = await query(TAGGED, { tag: { values: ['gateway', 'office'] } });
			expect(any.data.login.tags.map((t: Json) => t.name)).toEqual([
				'gateway',
				'lab',
				'line-3',
				'office',
				'security',
				'sensor',
			]);
			expect(any.data.login.devices.items).toEqual([
				{ name: 'factory-gateway', tags: [{ name: 'line-3' }, { name: 'gateway' }] },
				{ name: 'office-desktop', tags: [{ name: 'office' }] },
			]);
			const all = await query(TAGGED, { tag: { operator: 'ALL', values: ['line-3', 'lab'] } });
			expect(all.data.login.devices.items.map((d: Json) => d.name)).toEqual(['lab-raspberrypi']);
		});

		it('refuses a blank tag name, an unknown service and a rename onto an existing tag', async () => {
			const add =
				'mutation($name: [String!]!, $id: [String!]!) { addTag(name: $name, serviceId: $id) }';
			expect((await query(add, { name: [' '], id: [SSH] })).errors[0].message).toBe(
				'Tag name must not be empty',
			);
			expect(
				(await query(add, { name: ['x'], id: ['80:00:00:00:0F:0F:0F:0F'] })).errors[0].message,
			).toBe('Service not found');
			expect(
				(await query('mutation { renameTag(from: "lab", to: "office") }')).errors[0].message,
			).toBe('Cannot rename tag "lab" to "office"');
		});

		it('tags a service of its own, apart from its device', async () => {
			await query('mutation { addTag(name: ["ssh"], serviceId: ["' + SSH + '"]) }');
			const tagged = await query(
				`{ login { service(id: ["${SSH}"]) { tags { name } } device(id: ["80:00:00:00:01:00:00:01"]) { tags { name } } } }`,
			);
			expect(tagged.data.login.service[0].tags).toEqual([{ name: 'ssh' }]);
			expect(tagged.data.login.device[0].tags).toEqual([{ name: 'line-3' }, { name: 'gateway' }]);
		});
	});

	describe('request errors', () => {
		it('reports a syntax error in errors[]', async () => {
			const response = await post({ query: 'query { login { ' });
			expect(response.status).toBe(200);
			expect(response.json().errors[0].message).toMatch(/Syntax Error/);
		});

		it('reports an unknown field as a validation error', async () => {
			expect((await query('query { login { password } }')).errors[0].message).toMatch(/password/);
		});

		it('answers a body that is not JSON with 400', async () => {
			const response = await fetch(`${emulator.url}/graphql/v1`, {
				method: 'POST',
				headers,
				body: '{"query":',
			});
			expect(response.status).toBe(400);
		});
	});

	describe('authentication failures are plain text', () => {
		it.each([
			['no credentials', { 'content-type': 'application/json' }],
			[
				'an unknown token',
				{
					developerkey: 'REVNTy1ERVZFTE9QRVItS0VZLTAwMDE=',
					token: '0'.repeat(32),
					'content-type': 'application/json',
				},
			],
			['a token without the developer key', { token: 'x', 'content-type': 'application/json' }],
		])('answers %s with 401 Unauthorized', async (_what, sent) => {
			const response = await post({ query: '{ login { email } }' }, sent as Record<string, string>);
			expect([response.status, response.text]).toEqual([401, 'Unauthorized']);
		});

		it('answers an expired token with 401', async () => {
			await shiftClock(emulator.url, 3601);
			const response = await post({ query: '{ login { email } }' });
			expect(response.status).toBe(401);
		});
	});
});
