import './n8n-environment';

import { ExecutionLifecycleHooks } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeParameters,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialClassHelper } from './credentials-helper';
import { PackageNodeTypes, REMOTE_IT_NODE_TYPE } from './node-types';

export interface NodeSpec {
	name: string;
	/** Defaults to the remote.it node. */
	type?: string;
	parameters: INodeParameters;
	/** Defaults to the version the editor gives a new node (the node type's defaultVersion). */
	typeVersion?: number;
	continueOnFail?: boolean;
}

export interface Engine {
	workflow: Workflow;
	workflowData: IWorkflowBase;
	hooks: ExecutionLifecycleHooks;
	additionalData: IWorkflowExecuteAdditionalData;
	credentialsHelper: CredentialClassHelper;
	node(name: string): INode;
}

function toNode(spec: NodeSpec, index: number): INode {
	const { defaultVersion } = new PackageNodeTypes().getByName(spec.type ?? REMOTE_IT_NODE_TYPE)
		.description as { defaultVersion?: number };
	return {
		id: `node-${index}`,
		name: spec.name,
		type: spec.type ?? REMOTE_IT_NODE_TYPE,
		typeVersion: spec.typeVersion ?? defaultVersion ?? 1,
		position: [index * 220, 0],
		parameters: spec.parameters,
		credentials: { remoteItApi: { id: 'cred-1', name: 'remote.it account' } },
		...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

function chain(nodes: INode[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

/**
 * One n8n instance's worth of engine for a workflow of remote.it nodes chained in order: n8n-workflow's Workflow
 * over our real node class, n8n-core's lifecycle hooks, and a credentials helper applying our credential class.
 */
export function createEngine(
	credentials: ICredentialDataDecryptedObject,
	specs: NodeSpec[],
): Engine {
	const nodes = specs.map(toNode);
	const workflowData: IWorkflowBase = {
		id: 'wf-test',
		name: 'remote.it test workflow',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections: chain(nodes),
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes: new PackageNodeTypes(),
		settings: workflowData.settings,
	});
	const credentialsHelper = new CredentialClassHelper({ remoteItApi: credentials });
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', workflowData);
	return {
		workflow,
		workflowData,
		hooks,
		additionalData: buildAdditionalData(credentialsHelper, hooks),
		credentialsHelper,
		node: (name) => {
			const node = workflow.getNode(name);
			if (!node) throw new Error(`no node "${name}"`);
			return node;
		},
	};
}
