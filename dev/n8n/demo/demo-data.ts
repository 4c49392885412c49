/**
 * The n8n demo: a remote.it credential pointing at the emulator and the demo workflows (workflows/*.json),
 * shaped for `n8n import:credentials` / `import:workflow`. Workflow files may hold `__REMOTEIT_API_URL__`
 * where a node needs the API URL itself (the HTTP Request node calling GraphQL with the credential).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoAccount } from '../../launch/demo-account';
import { deviceCredentials } from './device-credentials';
import { mcpCredential, mcpToken } from './mcp';

export const DEMO_CREDENTIAL_ID = 'remoteItDemoCred';
export const DEMO_CREDENTIAL_NAME = 'remote.it demo (emulator)';
export const API_URL_PLACEHOLDER = '__REMOTEIT_API_URL__';
export const WEBHOOK_PATH = 'remoteit-connect';

/** The demo login the launchers print; it guards only a throw-away local instance. */
export const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Remoteit-demo-1',
};

export const demoWorkflowIds = {
	connectUseDisconnect: 'remoteItDemo0001',
	deviceInventory: 'remoteItDemo0002',
	webhookConnect: 'remoteItDemo0003',
	customGraphqlCall: 'remoteItDemo0004',
	deviceOfflineTrigger: 'remoteItDemo0005',
	takeDeviceOffline: 'remoteItDemo0006',
	sshIntoDevice: 'remoteItDemo0007',
	queryDatabase: 'remoteItDemo0008',
	toolsOverMcp: 'remoteItDemo0009',
	taggedFleet: 'remoteItDemoFlt1',
} as const;

/** The device the Trigger demo takes offline: one no other demo connects to. */
export const TRIGGER_DEMO_DEVICE = {
	id: '80:00:00:00:01:00:00:40',
	name: 'lab-raspberrypi',
} as const;

export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<
		Record<string, unknown> & { name: string; type: string; parameters: Record<string, unknown> }
	>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CredentialJson {
	id: string;
	name: string;
	type: 'remoteItApi';
	/** Plain here; `n8n import:credentials` encrypts an object-valued `data` with the instance key. */
	data: Record<string, string>;
}

/** An access-key credential (the recommended method) for the demo account on the emulator. */
export function demoCredential(
	account: DemoAccount,
	apiUrl: string,
	overrides: Partial<CredentialJson> = {},
): CredentialJson {
	return {
		id: DEMO_CREDENTIAL_ID,
		name: DEMO_CREDENTIAL_NAME,
		type: 'remoteItApi',
		data: {
			authentication: 'accessKey',
			accessKeyId: account.accessKeyId,
			secretAccessKey: account.secretAccessKey,
			apiUrl,
		},
		...overrides,
	};
}

/** The stored fields of the account signing in with developer key, e-mail and password (the node logs in itself). */
export function passwordCredentialData(
	account: DemoAccount,
	apiUrl: string,
): CredentialJson['data'] {
	return {
		authentication: 'password',
		developerKey: account.developerKey,
		username: account.email,
		password: account.password,
		apiUrl,
	};
}

/** The same account as a password credential to import into n8n. */
export function passwordCredential(
	account: DemoAccount,
	apiUrl: string,
	identity: Pick<CredentialJson, 'id' | 'name'>,
): CredentialJson {
	return { ...identity, type: 'remoteItApi', data: passwordCredentialData(account, apiUrl) };
}

/** Every credential the demo workflows use: remote.it's, the device's SSH and Postgres, the MCP clients' token. */
export function demoCredentials(
	account: DemoAccount,
	apiUrl: string,
	token: string = mcpToken(),
): object[] {
	return [demoCredential(account, apiUrl), ...deviceCredentials(), mcpCredential(token)];
}

export function demoWorkflows(apiUrl: string): WorkflowJson[] {
	const folder = join(__dirname, 'workflows');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => readFileSync(join(folder, file), 'utf8').split(API_URL_PLACEHOLDER).join(apiUrl))
		.map((text) => JSON.parse(text) as WorkflowJson);
}
