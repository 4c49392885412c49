/** The n8n half of the chaos run (test/support/chaos.ts): Connect then Disconnect over every item, both Continue On Fail. */
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { CHAOS_TIMEOUT_MS, type ItemOutcome } from '../../support/chaos';
import { byId, connectParameters } from './parameters';
import { runWorkflow, type WorkflowRunResult } from './run-workflow';

const pairedIndex = (item: INodeExecutionData | undefined): number =>
	item && !Array.isArray(item.pairedItem) && typeof item.pairedItem === 'object'
		? item.pairedItem.item
		: Number.NaN;

export function runChaosWorkflow(
	credentials: ICredentialDataDecryptedObject,
	services: string[],
): Promise<WorkflowRunResult> {
	const options = { requestTimeout: CHAOS_TIMEOUT_MS / 1000 };
	return runWorkflow({
		credentials,
		items: services.map((serviceId) => ({ serviceId })),
		nodes: [
			{
				name: 'Connect',
				parameters: connectParameters(byId('={{ $json.serviceId }}'), {
					options: { ...options, parallelRequests: 5 },
				}),
				continueOnFail: true,
			},
			{
				name: 'Disconnect',
				parameters: { resource: 'connection', operation: 'disconnect', options },
				continueOnFail: true,
			},
		],
	});
}

/** One outcome per Disconnect output item; an item whose pairing does not lead back to its own input gets index -1. */
export function chaosOutcomes(result: WorkflowRunResult): ItemOutcome[] {
	const connected = result.output('Connect');
	return result.output('Disconnect').map((item, position) => {
		const connect = connected[position]?.json ?? {};
		const error = (connect.error ?? item.json.error) as string | undefined;
		const paired = pairedIndex(item) === position && pairedIndex(connected[position]) === position;
		return {
			index: paired ? position : -1,
			connected: connect.id !== undefined,
			disconnected: item.json.disconnected === true,
			...(error !== undefined ? { error } : {}),
		};
	});
}
