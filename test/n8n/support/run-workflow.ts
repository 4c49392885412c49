import { WorkflowExecute } from 'n8n-core';
import { createDeferredPromise, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IRun,
} from 'n8n-workflow';

import type { CredentialClassHelper } from './credentials-helper';
import { createEngine, type NodeSpec } from './engine';

export type { NodeSpec };

export interface WorkflowRunOptions {
	/** The remoteItApi credential data, as a user would fill it in. */
	credentials: ICredentialDataDecryptedObject;
	/** remote.it nodes, chained in this order; the first receives `items`. */
	nodes: NodeSpec[];
	items?: IDataObject[];
	/** Called with the engine's credentials helper before the run starts (to observe or time requests). */
	prepare?: (credentialsHelper: CredentialClassHelper) => void;
}

export interface WorkflowRunResult {
	run: IRun;
	/** Items a node output on its first run (main output 0). */
	output(nodeName: string): INodeExecutionData[];
	/** The error that stopped the workflow, if one did. */
	error(): IRun['data']['resultData']['error'];
	credentialsHelper: CredentialClassHelper;
}

/**
 * Runs remote.it nodes through n8n's real engine (n8n-core's WorkflowExecute), the way n8n runs a manual
 * execution: the first node starts with the given input items, as if a trigger had sent them.
 */
export async function runWorkflow(options: WorkflowRunOptions): Promise<WorkflowRunResult> {
	const engine = createEngine(options.credentials, options.nodes);
	options.prepare?.(engine.credentialsHelper);
	const finished = createDeferredPromise<IRun>();
	engine.hooks.addHandler('workflowExecuteAfter', (fullRun) => finished.resolve(fullRun));

	const input = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: engine.node(options.nodes[0].name), data: { main: [input] }, source: null },
			],
		},
	});
	await new WorkflowExecute(
		engine.additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(engine.workflow);
	const run = await finished.promise;

	return {
		run,
		credentialsHelper: engine.credentialsHelper,
		output: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main[0] ?? [],
		error: () => run.data.resultData.error,
	};
}
