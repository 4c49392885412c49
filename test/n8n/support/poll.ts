import './n8n-environment';

import { Container } from '@n8n/di';
import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
// What n8n's ActiveWorkflows calls on every poll; n8n-core does not re-export it from its index.
import { TriggersAndPollers } from 'n8n-core/dist/execution-engine/triggers-and-pollers';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowBase,
} from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialClassHelper } from './credentials-helper';
import { PackageNodeTypes, REMOTE_IT_TRIGGER_NODE_TYPE } from './node-types';

export interface ActiveTrigger {
	/**
	 * One poll as n8n runs it: n8n-core's TriggersAndPollers calls the node's `poll` with a real PollContext.
	 * 'trigger' is a scheduled poll of an active workflow, 'manual' the editor's "Fetch Test Event".
	 */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** The workflow's static data as n8n would save it to its database after a poll (plain JSON). */
	savedStaticData(): IDataObject;
	credentialsHelper: CredentialClassHelper;
}

/**
 * A one-node workflow holding the remote.it Trigger, as n8n's server keeps it while the workflow is active.
 * `staticData` is what n8n loads from its database on activation, so a test can "restart" n8n between polls.
 */
export function activateTrigger(
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters,
	staticData?: IDataObject,
): ActiveTrigger {
	const node: INode = {
		id: 'trigger-1',
		name: 'remote.it Trigger',
		type: REMOTE_IT_TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { remoteItApi: { id: 'cred-1', name: 'remote.it account' } },
	};
	const workflowData: IWorkflowBase = {
		id: 'wf-trigger',
		name: 'remote.it trigger test workflow',
		active: true,
		activeVersionId: null,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		staticData,
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new PackageNodeTypes(),
		settings: workflowData.settings,
		staticData,
	});
	const credentialsHelper = new CredentialClassHelper({ remoteItApi: credentials });
	const additionalData = buildAdditionalData(
		credentialsHelper,
		new ExecutionLifecycleHooks('trigger', 'exec-1', workflowData),
	);
	const pollers = Container.get(TriggersAndPollers);
	return {
		poll: async (mode = 'trigger') => {
			const context = new PollContext(
				workflow,
				node,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : 'activate',
			);
			return await pollers.runPoll(workflow, node, context);
		},
		savedStaticData: () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject,
		credentialsHelper,
	};
}

/** The JSON of every item one poll emitted (its single output); [] when the poll emitted nothing. */
export function emitted(result: INodeExecutionData[][] | null): IDataObject[] {
	return result === null ? [] : result[0].map((item) => item.json);
}
