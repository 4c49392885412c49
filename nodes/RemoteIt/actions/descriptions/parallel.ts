import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

/** An Options collection holding only Parallel Requests, for operations with no other options. */
export function parallelRequestsOptions(show: NonNullable<IDisplayOptions['show']>): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [parallelRequestsOption],
	};
}

/** The operation's Parallel Requests, read once from the first item (an expression cannot vary it per item). */
export function readParallelRequests(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as { parallelRequests?: unknown };
	const value = Math.floor(Number(options.parallelRequests ?? DEFAULT_PARALLEL_REQUESTS));
	return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_PARALLEL_REQUESTS) : DEFAULT_PARALLEL_REQUESTS;
}
