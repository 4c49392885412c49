import { ExternalSecretsProxy } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

function unsupported(what: string): never {
	throw new Error(`${what} is not available in the remote.it node tests`);
}

/**
 * What n8n's server passes the engine for one execution (IWorkflowExecuteAdditionalData), reduced to a single
 * instance on loopback: the credentials helper and lifecycle hooks are real; sub-workflows and task runners do not
 * exist here and say so if anything asks for them.
 */
export function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const baseUrl = 'http://127.0.0.1:5678';
	const additionalData: IWorkflowExecuteAdditionalData & { hooks: ExecutionLifecycleHooks } = {
		credentialsHelper,
		hooks,
		executionId: 'exec-1',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: baseUrl,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: async () => unsupported('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => unsupported('Task runners'),
	};
	return additionalData;
}
