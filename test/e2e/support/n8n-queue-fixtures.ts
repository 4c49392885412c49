/**
 * What the queue-mode e2e imports: a seed with many services (so a load connects to distinct services), a
 * password credential (its logins are what a token cache saves), and the load, trigger and bad-credential
 * workflows.
 */
import type { Seed, SeedDevice } from '../../../emulator';
import {
	DEMO_CREDENTIAL_ID,
	DEMO_CREDENTIAL_NAME,
	type CredentialJson,
	type WorkflowJson,
	demoCredential,
	passwordCredential,
} from '../../../dev/n8n/demo/demo-data';
import type { DemoAccount } from '../../../dev/launch/demo-account';
import { WRONG_SECRET } from './n8n-fixtures';

export const LOAD_WEBHOOK_PATH = 'remoteit-queue-load';
export const BAD_CREDENTIAL_WEBHOOK_PATH = 'remoteit-queue-bad-credential';
/** Every 5 seconds: n8n refuses a `*` in the seconds field ("at least a minute"), not a list of seconds. */
export const TRIGGER_CRON = `${Array.from({ length: 12 }, (_, index) => index * 5).join(',')} * * * * *`;

/** n8n saves a workflow's static data (the trigger's cursor) only for ids of at most 16 characters. */
export const queueWorkflowIds = {
	load: 'remoteItQueueLd1',
	trigger: 'remoteItQueueTr1',
	badCredential: 'remoteItQueueBd1',
	/** The same node behind a manual trigger, for `n8n execute` (which runs in the CLI process, as regular mode does). */
	badCredentialRegular: 'remoteItQueueBd2',
} as const;

const PASSWORD_CREDENTIAL = { id: 'remoteItQueuePwd', name: 'remote.it password login' };
const WRONG_CREDENTIAL = { id: 'remoteItQueueWrg', name: 'remote.it wrong secret' };

function hex(value: number): string {
	return value.toString(16).padStart(2, '0').toUpperCase();
}

/** "rack-01" … "rack-NN", each with `servicesPerDevice` SSH services, added to the seed's first user. */
export function seedWithRacks(seed: Seed, devices: number, servicesPerDevice: number): Seed {
	const copy = JSON.parse(JSON.stringify(seed)) as Seed;
	const [user] = copy.users;
	const template = user?.devices.find(
		(device) => device.state === 'active' && device.services.length > 1,
	);
	if (!user || !template) throw new Error('the seed has no user with an online device to copy');
	const [bulk, service] = template.services;
	for (let index = 1; index <= devices; index++) {
		const deviceId = `80:00:00:00:02:${hex(index)}:00:00`;
		const rack: SeedDevice = {
			...template,
			id: deviceId,
			name: `rack-${String(index).padStart(2, '0')}`,
			hardwareId: `rack-${index}`,
			services: [
				{ ...bulk, id: deviceId } as SeedDevice['services'][number],
				...Array.from(
					{ length: servicesPerDevice },
					(_, slot) =>
						({
							...service,
							id: `80:00:00:00:02:${hex(index)}:01:${hex(slot)}`,
							name: `SSH ${slot + 1}`,
						}) as SeedDevice['services'][number],
				),
			],
		};
		user.devices.push(rack);
	}
	return copy;
}

/** The service ids of rack `index` (1-based), as the load posts them. */
export function rackServices(seed: Seed, index: number): string[] {
	const name = `rack-${String(index).padStart(2, '0')}`;
	const device = seed.users[0]?.devices.find((candidate) => candidate.name === name);
	return (device?.services ?? []).slice(1).map((service) => service.id);
}

export function queueCredentials(account: DemoAccount, apiUrl: string): CredentialJson[] {
	const accessKey = demoCredential(account, apiUrl);
	const password = passwordCredential(account, apiUrl, PASSWORD_CREDENTIAL);
	const wrong: CredentialJson = {
		...accessKey,
		...WRONG_CREDENTIAL,
		data: { ...accessKey.data, secretAccessKey: WRONG_SECRET },
	};
	return [accessKey, password, wrong];
}

type Node = WorkflowJson['nodes'][number];

function node(
	name: string,
	type: string,
	typeVersion: number,
	x: number,
	parameters: Record<string, unknown>,
	extra: Partial<Node> = {},
): Node {
	return {
		id: `${name.replace(/\W/g, '-').toLowerCase()}-0000-4000-8000-000000000000`.slice(0, 36),
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
		...extra,
	};
}

function chain(...nodes: Node[]): WorkflowJson['connections'] {
	return Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((from, index) => [
				from.name,
				{ main: [[{ node: nodes[index + 1]?.name, type: 'main', index: 0 }]] },
			]),
	);
}

function workflow(id: string, name: string, nodes: Node[]): WorkflowJson {
	return {
		id,
		name,
		active: false,
		nodes,
		connections: chain(...nodes),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function webhook(path: string, webhookId: string): Node {
	return node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		0,
		{ httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		{ webhookId },
	);
}

function remoteIt(
	name: string,
	x: number,
	parameters: Record<string, unknown>,
	credential: { id: string; name: string },
): Node {
	return node(name, 'n8n-nodes-remoteit.remoteIt', 1, x, parameters, {
		credentials: { remoteItApi: credential },
	});
}

export function queueWorkflows(): WorkflowJson[] {
	const load = workflow(queueWorkflowIds.load, 'queue: connect and disconnect 50 services', [
		webhook(LOAD_WEBHOOK_PATH, '7a1d0c59-8f0e-4a39-9a61-1a7f3b0c0101'),
		node('One item per service', 'n8n-nodes-base.splitOut', 1, 220, {
			fieldToSplitOut: 'body.services',
			options: {},
		}),
		remoteIt(
			'Connect',
			440,
			{
				resource: 'connection',
				operation: 'connect',
				service: { __rl: true, mode: 'id', value: '={{ $json.serviceId }}' },
				options: {},
			},
			PASSWORD_CREDENTIAL,
		),
		remoteIt(
			'Disconnect',
			660,
			{ resource: 'connection', operation: 'disconnect' },
			PASSWORD_CREDENTIAL,
		),
	]);
	const trigger = workflow(queueWorkflowIds.trigger, 'queue: device state changes', [
		node(
			'remote.it Trigger',
			'n8n-nodes-remoteit.remoteItTrigger',
			1,
			0,
			{
				pollTimes: { item: [{ mode: 'custom', cronExpression: TRIGGER_CRON }] },
				event: 'deviceStateChanged',
				filters: {},
			},
			{ credentials: { remoteItApi: { id: DEMO_CREDENTIAL_ID, name: DEMO_CREDENTIAL_NAME } } },
		),
	]);
	const getDevices = remoteIt(
		'Get devices',
		220,
		{ resource: 'device', operation: 'getAll', returnAll: true, filters: {} },
		WRONG_CREDENTIAL,
	);
	const badCredential = workflow(queueWorkflowIds.badCredential, 'queue: wrong secret', [
		webhook(BAD_CREDENTIAL_WEBHOOK_PATH, '7a1d0c59-8f0e-4a39-9a61-1a7f3b0c0102'),
		getDevices,
	]);
	const badCredentialRegular = workflow(
		queueWorkflowIds.badCredentialRegular,
		'queue: wrong secret (manual)',
		[node('Start', 'n8n-nodes-base.manualTrigger', 1, 0, {}), getDevices],
	);
	return [load, trigger, badCredential, badCredentialRegular];
}
