import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { parameterError } from './errors';

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
	const locator = context.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string;
	const mode = typeof locator === 'object' && locator !== null ? String(locator.mode ?? 'id') : 'id';
	const raw = typeof locator === 'object' && locator !== null ? locator.value : locator;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '') throw parameterError(context, displayName, 'is empty: choose one from the list or enter an ID or name', itemIndex);
	return { mode, value };
}

/** A required text parameter, trimmed; empty (for example an expression that found no field) is an error. */
export function readRequiredText(
	context: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '') throw parameterError(context, displayName, 'is empty', itemIndex);
	return value;
}

/** Return All / Limit, read the same way by every "Get Many" operation. */
export function readPaging(context: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit: number } {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return { returnAll, limit };
}
