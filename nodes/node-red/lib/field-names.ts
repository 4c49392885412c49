/**
 * Bad input named as the Node-RED user sees it: the message property a value came from (`msg.payload.serviceId`)
 * or the edit-dialog field with its property name (`Allowed IP (hostIp)`). The client names its own option; this
 * puts the user's name in front of its message.
 */
import { RemoteItValidationError } from '../../../client';

export type FieldNames = Record<string, string>;

export function named(error: unknown, names: FieldNames): unknown {
	if (!(error instanceof RemoteItValidationError)) return error;
	const name = names[error.field];
	if (!name || error.message.startsWith(`${name}:`)) return error;
	return new RemoteItValidationError(error.field, `${name}: ${error.message}`, {
		...(error.reason !== undefined ? { reason: error.reason } : {}),
		...(error.status !== undefined ? { status: error.status } : {}),
	});
}

/** Runs `task`, naming any validation failure it throws. */
export async function namingFields<T>(names: FieldNames, task: () => Promise<T>): Promise<T> {
	try {
		return await task();
	} catch (error) {
		throw named(error, names);
	}
}
