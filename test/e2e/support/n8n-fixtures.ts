/**
 * What the n8n e2e suites import besides the demo: a credential with a wrong secret, an SSH credential with a wrong
 * password, and demo workflows changed to fail on purpose (an offline device; the wrong credentials).
 */
import {
	type WorkflowJson,
	DEMO_CREDENTIAL_ID,
	demoCredential,
	demoWorkflowIds,
	demoWorkflows,
} from '../../../dev/n8n/demo/demo-data';
import type { DemoAccount } from '../../../dev/launch/demo-account';
import { deviceCredentials } from '../../../dev/n8n/demo/device-credentials';

/** A well-formed secret (40 base64 characters) that is not the account's. */
export const WRONG_SECRET = 'V3JvbmdTZWNyZXRXcm9uZ1NlY3JldFdyb25nU2Vj';
export const OFFLINE_SSH_SERVICE = '80:00:00:00:01:00:00:31';

export const e2eWorkflowIds = {
	offlineDevice: 'remoteItE2eOffl1',
	wrongCredential: 'remoteItE2eAuth1',
	foreignOrigin: 'remoteItE2eOrig1',
	wrongSshPassword: 'remoteItE2eSsh01',
	tags: 'remoteItE2eTags1',
} as const;

/** The e2e tag workflow's nodes, in the order they run: each runs once, whatever the previous one output. */
export const TAG_STEPS = [
	[
		'Tagged line-3 or office',
		{
			operation: 'getAll',
			returnAll: true,
			filters: { tags: ['line-3', 'office'], tagMatch: 'any' },
		},
	],
	[
		'Tagged line-3 and gateway',
		{
			operation: 'getAll',
			returnAll: true,
			filters: { tags: ['line-3', 'gateway'], tagMatch: 'all' },
		},
	],
	[
		'Add line-3 to office-desktop',
		{
			operation: 'addTags',
			device: { __rl: true, mode: 'name', value: 'office-desktop' },
			tags: ['line-3'],
		},
	],
	[
		'Tagged line-3 after adding',
		{ operation: 'getAll', returnAll: true, filters: { tags: ['line-3'] } },
	],
	[
		'Remove line-3 from office-desktop',
		{
			operation: 'removeTags',
			device: { __rl: true, mode: 'name', value: 'office-desktop' },
			tags: ['line-3'],
		},
	],
	[
		'Tagged line-3 after removing',
		{ operation: 'getAll', returnAll: true, filters: { tags: ['line-3'] } },
	],
] as const;

/** Get Many by tag (any, all), Add Tags, Get Many, Remove Tags, Get Many: a chain of remote.it nodes. */
function tagWorkflow(): WorkflowJson {
	const trigger = 'When clicking ‘Execute workflow’';
	const names = [trigger, ...TAG_STEPS.map(([name]) => name)];
	return {
		id: e2eWorkflowIds.tags,
		name: 'e2e: devices by tag, tags added and removed',
		active: false,
		nodes: [
			{
				id: 'e2e-tags-0',
				name: trigger,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...TAG_STEPS.map(([name, parameters], index) => ({
				id: `e2e-tags-${index + 1}`,
				name,
				type: 'n8n-nodes-remoteit.remoteIt',
				typeVersion: 1.1,
				position: [220 * (index + 1), 0],
				executeOnce: true,
				parameters: { resource: 'device', ...parameters, options: {} },
				credentials: { remoteItApi: { id: DEMO_CREDENTIAL_ID, name: 'remote.it demo (emulator)' } },
			})),
		],
		connections: Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
	};
}

/** Where the foreign-origin variant sends the credential: loopback, another port than the emulator's. */
export function foreignOriginUrl(apiUrl: string): string {
	const url = new URL(apiUrl);
	url.port = String(Number(url.port) === 1 ? 2 : 1);
	return `${url.origin}/graphql/v1`;
}

/** An SSH credential like the demo's, with a password the device refuses. */
const WRONG_SSH_CREDENTIAL = {
	id: 'remoteItE2eSshX1',
	name: 'factory-gateway SSH, wrong password',
};

const WRONG_CREDENTIAL_ID = 'remoteItE2eCred2';

export function e2eCredentials(account: DemoAccount, apiUrl: string): object[] {
	const good = demoCredential(account, apiUrl);
	const wrong = {
		...good,
		id: WRONG_CREDENTIAL_ID,
		name: 'remote.it wrong secret',
		data: { ...good.data, secretAccessKey: WRONG_SECRET },
	};
	const [ssh] = deviceCredentials().filter((credential) => credential.type === 'sshPassword');
	const wrongSsh = {
		...ssh,
		...WRONG_SSH_CREDENTIAL,
		data: { ...ssh.data, password: 'not-the-device-password' },
	};
	return [good, wrong, ...deviceCredentials(), wrongSsh];
}

function variant(
	workflow: WorkflowJson,
	id: string,
	name: string,
	change: (node: WorkflowJson['nodes'][number]) => void,
): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	copy.nodes.filter((node) => node.type === 'n8n-nodes-remoteit.remoteIt').forEach(change);
	return { ...copy, id, name };
}

export function e2eWorkflows(apiUrl: string): WorkflowJson[] {
	const demo = demoWorkflows(apiUrl);
	const byId = (id: string): WorkflowJson =>
		demo.find((workflow) => workflow.id === id) as WorkflowJson;
	const offline = variant(
		byId(demoWorkflowIds.connectUseDisconnect),
		e2eWorkflowIds.offlineDevice,
		'e2e: connect to an offline device',
		(node) => {
			if (node.parameters.operation === 'connect')
				node.parameters.service = { __rl: true, mode: 'id', value: OFFLINE_SSH_SERVICE };
		},
	);
	const wrongCredential = variant(
		byId(demoWorkflowIds.deviceInventory),
		e2eWorkflowIds.wrongCredential,
		'e2e: wrong secret',
		(node) => {
			node.credentials = {
				remoteItApi: { id: WRONG_CREDENTIAL_ID, name: 'remote.it wrong secret' },
			};
		},
	);
	// The HTTP Request node pointed elsewhere with the remote.it credential: the credential must refuse to go.
	const foreign = JSON.parse(
		JSON.stringify(byId(demoWorkflowIds.customGraphqlCall)),
	) as WorkflowJson;
	foreign.nodes
		.filter((node) => node.type === 'n8n-nodes-base.httpRequest')
		.forEach((node) => {
			node.parameters.url = foreignOriginUrl(apiUrl);
		});
	const wrongSshPassword = JSON.parse(
		JSON.stringify(byId(demoWorkflowIds.sshIntoDevice)),
	) as WorkflowJson;
	wrongSshPassword.nodes
		.filter((node) => node.type === 'n8n-nodes-base.ssh')
		.forEach((node) => {
			node.credentials = { sshPassword: WRONG_SSH_CREDENTIAL };
		});
	return [
		...demo,
		offline,
		wrongCredential,
		{ ...foreign, id: e2eWorkflowIds.foreignOrigin, name: 'e2e: credential sent elsewhere' },
		{
			...wrongSshPassword,
			id: e2eWorkflowIds.wrongSshPassword,
			name: 'e2e: SSH refuses the password',
		},
		tagWorkflow(),
	];
}

export { DEMO_CREDENTIAL_ID };
