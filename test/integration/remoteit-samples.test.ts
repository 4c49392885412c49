/**
 * remote.it's own sample requests (test/fixtures/remoteit-samples.json: query texts verbatim from remote.it's
 * repositories, each entry naming its file and commit) run against the emulator, authenticated with a token
 * alone as remote.it's Go SDK does. Each answer must carry no errors and be shaped as remote.it's schema says.
 * Only the sample ids (80:00:00:12:34:56:78:90, …) are swapped for the seed's, event date ranges for today, and
 * the blanks of the Postman "Add Tag to Device" template filled as its comment tells its users to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator';
import { startEmulator } from '../../emulator';
import { seedAccount } from '../support/emulator-control';
import { shapeProblems } from '../support/remoteit-schema';
import { SSH } from '../support/demo';

interface Sample {
	source: string;
	commit: string;
	name: string;
	query: string;
	variables: Record<string, unknown>;
}
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are walked freely in assertions

const SAMPLES = JSON.parse(
	readFileSync(join(__dirname, '..', 'fixtures', 'remoteit-samples.json'), 'utf8'),
) as Sample[];
const DEVICE = '80:00:00:00:01:00:00:01';
const OFFICE_DESKTOP = '80:00:00:00:01:00:00:10';
/** Ids written into sample texts, and the seed's devices standing in for them. */
const INLINE_IDS: Record<string, string> = {
	'"80:00:01:01:01:00:01:01"': `"${DEVICE}"`,
	'"80:00:01:01:01:00:01:02"': `"${OFFICE_DESKTOP}"`,
	// "Add Tag to Device": `addTag(name: "", serviceId: "")`, "Use Get Devices to retrieve the ID for serviceID field".
	'name: ""': 'name: "postman"',
	'serviceId: ""': `serviceId: "${DEVICE}"`,
};

/** The desktop app's tag functions take their variables as arguments; these are values it passes (one name as text too). */
const DESKTOP_TAG_VARIABLES: Record<string, Record<string, unknown>> = {
	graphQLSetTag: { tag: { name: 'desktop', color: 6 } },
	graphQLAddDeviceTag: { serviceId: OFFICE_DESKTOP, name: 'desktop' },
	graphQLRemoveDeviceTag: { serviceId: [OFFICE_DESKTOP], name: 'office' },
	graphQLRenameTag: { from: 'gateway', to: 'edge-gateway' },
	graphQLDeleteTag: { name: 'security' },
	graphQLFetchDeviceCount: { size: 1000, tag: { operator: 'ALL', values: ['line-3'] } },
};

describe("remote.it's sample requests against the emulator", () => {
	let emulator: RunningEmulator;
	let token: string;
	let lastConnection: { serviceId: string; id: string } | undefined;

	beforeAll(async () => {
		emulator = await startEmulator();
		const account = seedAccount(emulator.seed);
		const response = await fetch(`${emulator.url}/apv/v27/user/login`, {
			method: 'POST',
			headers: { developerkey: account.developerKey, 'content-type': 'application/json' },
			body: JSON.stringify({ username: account.email, password: account.password }),
		});
		token = ((await response.json()) as { token: string }).token;
	});
	afterAll(() => emulator.close());

	function variablesFor(sample: Sample): Record<string, unknown> {
		const variables: Record<string, unknown> = { ...sample.variables };
		if ('serviceId' in variables) variables.serviceId = SSH;
		if ('deviceID' in variables) variables.deviceID = [DEVICE];
		if ('connectionId' in variables) variables.connectionId = lastConnection?.id;
		if ('minDate' in variables) variables.minDate = new Date(Date.now() - 86_400_000).toISOString();
		if ('maxDate' in variables) variables.maxDate = new Date(Date.now() + 86_400_000).toISOString();
		// The desktop app's functions take their variables as arguments; these are the ones it passes.
		if (sample.name === 'graphQLConnect')
			Object.assign(variables, { serviceId: SSH, hostIP: '255.255.255.255' });
		if (sample.name === 'graphQLDisconnect')
			Object.assign(variables, { serviceId: SSH, connectionId: lastConnection?.id });
		Object.assign(variables, DESKTOP_TAG_VARIABLES[sample.name] ?? {});
		return variables;
	}

	const queryFor = (sample: Sample): string =>
		Object.entries(INLINE_IDS).reduce(
			(query, [from, to]) => query.replaceAll(from, to),
			sample.query,
		);

	async function run(query: string, variables: Record<string, unknown>): Promise<Json> {
		const response = await fetch(`${emulator.url}/graphql/v1`, {
			method: 'POST',
			headers: { token, 'content-type': 'application/json' },
			body: JSON.stringify({ query, variables }),
		});
		expect(response.status).toBe(200);
		return (await response.json()) as Json;
	}

	it.each(SAMPLES.map((s) => [`${s.name} (${s.source})`, s] as const))(
		'%s',
		async (_title, sample) => {
			const variables = variablesFor(sample);
			const query = queryFor(sample);
			const body = await run(query, variables);
			expect(body.errors).toBeUndefined();
			expect(shapeProblems(query, variables, body.data)).toEqual([]);
			if (body.data.connect) lastConnection = { serviceId: SSH, id: body.data.connect.id };
			if ('disconnect' in body.data) expect(body.data.disconnect).toBe(true);
		},
	);

	it('answers with data, not just the absence of errors', async () => {
		const sessions = SAMPLES.find(
			(s) => s.name === 'Connections / Query: Get Active Sessions',
		) as Sample;
		const connect = SAMPLES.find((s) => s.name === 'Connect') as Sample;
		await fetch(`${emulator.url}/graphql/v1`, {
			method: 'POST',
			headers: { token, 'content-type': 'application/json' },
			body: JSON.stringify({
				query: connect.query,
				variables: { serviceId: SSH, hostIP: '0.0.0.0' },
			}),
		});
		const response = await fetch(`${emulator.url}/graphql/v1`, {
			method: 'POST',
			headers: { token, 'content-type': 'application/json' },
			body: JSON.stringify({ query: sessions.query }),
		});
		const { data } = (await response.json()) as Json;
		expect(data.login.sessions).toContainEqual(
			expect.objectContaining({
				endpoint: expect.objectContaining({ proxy: true }),
				target: expect.objectContaining({
					id: SSH,
					device: { id: DEVICE, name: 'factory-gateway' },
				}),
			}),
		);
	});

	it("leaves the account's tags and devices as the tag samples said", async () => {
		const { data } = await run(
			`query { login { tags { name color } devices(size: 1000) { items { name tags { name } } } } }`,
			{},
		);
		const tags = Object.fromEntries(
			(data.login.tags as Json[]).map((t) => [t.name as string, t.color as number | null]),
		);
		expect(tags).toMatchObject({
			postman: null,
			hello: null,
			world: null,
			desktop: 6,
			'edge-gateway': null,
		});
		expect(Object.keys(tags)).not.toEqual(expect.arrayContaining(['gateway']));
		expect(Object.keys(tags)).not.toContain('security');
		const tagsOf = (name: string) =>
			(data.login.devices.items as Json[])
				.find((d) => d.name === name)
				?.tags.map((t: Json) => t.name);
		expect(tagsOf('factory-gateway')).toEqual([
			'line-3',
			'edge-gateway',
			'postman',
			'hello',
			'world',
		]);
		expect(tagsOf('office-desktop')).toEqual(['hello', 'world', 'desktop']);
		const count = SAMPLES.find((s) => s.name === 'graphQLFetchDeviceCount') as Sample;
		const both = await run(count.query, { tag: { operator: 'ALL', values: ['hello', 'world'] } });
		expect(both.data.login.account.devices.total).toBe(2);
	});
});
