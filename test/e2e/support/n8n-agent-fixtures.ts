/**
 * n8n's AI Agent with the remote.it node attached as tools at their defaults, and n8n's OpenAI Chat Model pointed at
 * the scripted model on loopback (test/support/scripted-chat-model.ts). The tools are named as n8n names a tool
 * added from the node panel: its action, then "in remote.it".
 */
import { DEMO_CREDENTIAL_ID, DEMO_CREDENTIAL_NAME } from '../../../dev/n8n/demo/demo-data';
import type { WorkflowJson } from '../../../dev/n8n/demo/demo-data';
import { SCRIPTED_MODEL_NAME } from '../../support/scripted-chat-model';

export const OPENAI_CREDENTIAL = { id: 'remoteItE2eOpnAi', name: 'Scripted model (loopback)' };

export const agentWorkflowIds = {
	connectThenDisconnect: 'remoteItE2eAgnt1',
	offlineDevice: 'remoteItE2eAgnt2',
} as const;

export const CONNECT_TOOL = 'Connect to a service in remote.it';
export const DISCONNECT_TOOL = 'Disconnect from a service in remote.it';

/** An OpenAI credential whose Base URL is the scripted model (its API key is never checked). */
export function openAiCredential(baseUrl: string): object {
	return {
		...OPENAI_CREDENTIAL,
		type: 'openAiApi',
		data: { apiKey: 'sk-scripted-model', url: baseUrl },
	};
}

const remoteItCredential = { remoteItApi: { id: DEMO_CREDENTIAL_ID, name: DEMO_CREDENTIAL_NAME } };

function nodeId(workflowId: string, index: number): string {
	return `${workflowId.slice(-5)}-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/**
 * Manual trigger → AI Agent, with the chat model and remote.it Connect and Disconnect as tools, all at n8n's
 * defaults except `toolSettings` (for example On Error).
 */
function agentWorkflow(
	id: string,
	name: string,
	prompt: string,
	agentVersion: number,
	toolSettings: Record<string, unknown> = {},
): WorkflowJson {
	type Node = WorkflowJson['nodes'][number];
	const node = (index: number, fields: Node): Node => ({
		id: nodeId(id, index),
		position: [index * 220, index > 2 ? 220 : 0],
		...fields,
	});
	const toTheAgent = (type: string) => ({ [type]: [[{ node: 'AI Agent', type, index: 0 }]] });
	return {
		id,
		name,
		active: false,
		nodes: [
			node(0, {
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				parameters: {},
			}),
			node(1, {
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: agentVersion,
				parameters: { promptType: 'define', text: prompt, options: {} },
			}),
			node(2, {
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				parameters: {
					model: { __rl: true, mode: 'id', value: SCRIPTED_MODEL_NAME },
					options: {},
				},
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			}),
			node(3, {
				name: CONNECT_TOOL,
				type: 'n8n-nodes-remoteit.remoteItTool',
				typeVersion: 1.1,
				parameters: {},
				credentials: remoteItCredential,
				...toolSettings,
			}),
			node(4, {
				name: DISCONNECT_TOOL,
				type: 'n8n-nodes-remoteit.remoteItTool',
				typeVersion: 1.1,
				parameters: { operation: 'disconnect' },
				credentials: remoteItCredential,
				...toolSettings,
			}),
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': toTheAgent('ai_languageModel'),
			[CONNECT_TOOL]: toTheAgent('ai_tool'),
			[DISCONNECT_TOOL]: toTheAgent('ai_tool'),
		},
		// What the editor gives every new workflow. The legacy order (v0) runs the agent again before its tool, and
		// the agent reads an empty tool result ("") in n8n 1.x.
		settings: { executionOrder: 'v1' },
	};
}

/** `onError` goes on the offline-device workflow's tools only: the other one must pass at n8n's defaults. */
export function agentWorkflows({
	agentVersion,
	onError,
}: {
	agentVersion: number;
	onError?: string;
}): WorkflowJson[] {
	const settings = onError ? { onError } : {};
	return [
		agentWorkflow(
			agentWorkflowIds.connectThenDisconnect,
			'e2e: an AI agent connects to a service, then disconnects',
			'Open a connection to the SSH service of factory-gateway, tell me its host and port, then close it.',
			agentVersion,
		),
		agentWorkflow(
			agentWorkflowIds.offlineDevice,
			'e2e: an AI agent connects to a service of an offline device',
			'Open a connection to the SSH service of warehouse-sensor, then close it.',
			agentVersion,
			settings,
		),
	];
}
