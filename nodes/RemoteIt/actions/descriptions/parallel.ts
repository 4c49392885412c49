import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isWholeNumberIn } from '../../../../client/core';
import { parameterError } from '../errors';

/**
 * Requests in flight at once, for every operation. n8n's request helper opens a new HTTPS connection per request
 * (three round trips each), so the default sends 50 items at a time: faster than n8n's HTTP Request node sending
 * all items at once (README, "Benchmarks"), half its fan-out at 100 items. Whatever the setting, the client
 * narrows it while remote.it answers 429 and widens it again.
 */
export const DEFAULT_PARALLEL_REQUESTS = 50;
const MAX_PARALLEL_REQUESTS = 100;

export const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	default: DEFAULT_PARALLEL_REQUESTS,
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS },
	description:
		'How many items may be sent to remote.it at the same time. Fewer are sent while remote.it asks to slow down. Output order always follows input order.',
};

/** The operation's Parallel Requests, read once from the first item (an expression cannot vary it per item). */
export function readParallelRequests(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as { parallelRequests?: unknown };
	const value = options.parallelRequests ?? DEFAULT_PARALLEL_REQUESTS;
	if (!isWholeNumberIn(value, 1, MAX_PARALLEL_REQUESTS)) {
		const given = JSON.stringify(String(value).slice(0, 40));
		throw parameterError(
			context,
			'Parallel Requests',
			`must be a whole number from 1 to ${MAX_PARALLEL_REQUESTS}, not ${given}`,
			0,
		);
	}
	return value;
}
