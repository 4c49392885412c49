import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import {
	DEFAULT_DEVICE_LIMIT,
	isPlainObject,
	isWholeNumberIn,
	MAX_PAGE_SIZE,
	MAX_REQUEST_TIMEOUT_MS,
} from '../../../../client';
import { parameterError } from '../../../shared/errors';
import { REQUEST_TIMEOUT_MS } from '../../../shared/transport';
import {
	DEFAULT_PARALLEL_REQUESTS,
	MAX_PARALLEL_REQUESTS,
	millisecondsTimeoutOption,
	timeoutOption,
} from './descriptions';

export interface LocatorValue {
	mode: string;
	value: string;
}

/** A resource locator's mode and trimmed value; an empty value is a parameter error naming the field. */
export function readLocator(
	context: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): LocatorValue {
	const locator = context.getNodeParameter(name, itemIndex) as
		INodeParameterResourceLocator | string;
	const mode = isPlainObject(locator) ? String(locator.mode ?? 'id') : 'id';
	const raw: unknown = isPlainObject(locator) ? locator.value : locator;
	if (raw !== undefined && raw !== null && typeof raw === 'object') {
		throw parameterError(
			context,
			displayName,
			`must be an ID or a name, not ${describeType(raw)}`,
			itemIndex,
		);
	}
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '')
		throw parameterError(
			context,
			displayName,
			'is empty: choose one from the list or enter an ID or name',
			itemIndex,
		);
	return { mode, value };
}

/** What a parameter holds that it should not, as an error message names it: "a list", "an object", "a boolean". */
export function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A required text parameter, trimmed. Empty (an expression that found no field, a tool call without it) is an error
 * that says what to pass, when the value has one source (Connect's output, say): an agent reads only the message.
 */
export function readRequiredText(
	context: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
	{ whatToPass }: { whatToPass?: string } = {},
): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw !== undefined && raw !== null && typeof raw === 'object')
		throw parameterError(context, displayName, `must be text, not ${describeType(raw)}`, itemIndex);
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '')
		throw parameterError(
			context,
			displayName,
			whatToPass ? `is empty: pass ${whatToPass}` : 'is empty',
			itemIndex,
		);
	return value;
}

/** Return All / Limit, read the same way by every "Get Many" operation. */
export function readPaging(
	context: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit: number } {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	if (returnAll) return { returnAll, limit: 0 };
	const limit: unknown = context.getNodeParameter('limit', itemIndex, DEFAULT_DEVICE_LIMIT);
	return { returnAll, limit: wholeNumber(context, limit, 'Limit', MAX_PAGE_SIZE, itemIndex) };
}

/**
 * Options › Timeout, read once for the execution's client (from the first item, like Parallel Requests), with the
 * advice a timeout error gives: seconds, or milliseconds in node version 1 (saved workflows run as before).
 */
export function readTimeout(context: IExecuteFunctions): { ms: number; advice: string } {
	const option = context.getNode().typeVersion < 1.1 ? millisecondsTimeoutOption : timeoutOption;
	const msPerUnit = option === timeoutOption ? 1000 : 1;
	const advice = `raise "${option.displayName}" under the node's Options`;
	const options = context.getNodeParameter('options', 0, {}) as Record<string, unknown>;
	const value = options[option.name];
	if (value === undefined || value === null || value === '')
		return { ms: REQUEST_TIMEOUT_MS, advice };
	const max = MAX_REQUEST_TIMEOUT_MS / msPerUnit;
	return { ms: wholeNumber(context, value, option.displayName, max, 0) * msPerUnit, advice };
}

/** The operation's Parallel Requests, read once from the first item (an expression cannot vary it per item). */
export function readParallelRequests(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('options', 0, {}) as { parallelRequests?: unknown };
	const value = options.parallelRequests ?? DEFAULT_PARALLEL_REQUESTS;
	return wholeNumber(context, value, 'Parallel Requests', MAX_PARALLEL_REQUESTS, 0);
}

/**
 * A number parameter that must be whole and from 1 to `max`; anything else is refused, quoting what was given. The
 * text of a whole number counts ("10"): expressions bring numbers as text from query strings and forms.
 */
export function wholeNumber(
	context: IExecuteFunctions,
	value: unknown,
	parameter: string,
	max: number,
	itemIndex: number,
): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (isWholeNumberIn(number, 1, max)) return number;
	const given = JSON.stringify(String(value).slice(0, 40));
	throw parameterError(
		context,
		parameter,
		`must be a whole number from 1 to ${max}, not ${given}`,
		itemIndex,
	);
}
