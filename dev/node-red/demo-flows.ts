/**
 * The Node-RED example flows (examples/*.json, what Import › Examples offers) as one flow set whose
 * remote.it account points at a given API URL with the given credentials. Every example shares the same
 * account config node; it is kept once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../engines/catalog';
import type { DemoAccount } from '../launch/demo-account';
import type { FlowNode } from './node-red-process';

export const ACCOUNT_NODE_TYPE = 'remoteit-config';

export interface AccountSettings {
	apiUrl: string;
	authMethod: 'accessKey' | 'password' | 'token';
	credentials: Record<string, string>;
}

/** The demo account signing in with its access key (the method the examples recommend). */
export function accessKeySettings(account: DemoAccount, apiUrl: string): AccountSettings {
	return {
		apiUrl,
		authMethod: 'accessKey',
		credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
	};
}

export function exampleFiles(): string[] {
	const folder = join(repositoryRoot, 'examples');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => join(folder, file));
}

export function readExampleFlows(): FlowNode[] {
	const byId = new Map<string, FlowNode>();
	for (const file of exampleFiles()) {
		for (const node of JSON.parse(readFileSync(file, 'utf8')) as FlowNode[])
			byId.set(node.id, node);
	}
	return [...byId.values()];
}

/** The example flows with every account config node pointed at `account` (credentials travel with the deploy). */
export function demoFlows(account: AccountSettings): FlowNode[] {
	return readExampleFlows().map((node) =>
		node.type === ACCOUNT_NODE_TYPE
			? {
					...node,
					apiUrl: account.apiUrl,
					authMethod: account.authMethod,
					credentials: { ...account.credentials },
				}
			: node,
	);
}
