import { type INode, type JsonObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { RemoteItValidationError, isRemoteItError } from '../../client';

type NodeContext = { getNode(): INode };

/** The node parameter a workflow author edits to fix a client validation failure on `field`. */
const PARAMETER_FOR_FIELD: Record<string, string> = {
	serviceId: 'Service',
	service: 'Service',
	idOrName: 'Service',
	deviceId: 'Device',
	device: 'Device',
	connectionId: 'Connection ID',
	hostIp: 'IP Address',
	accessMode: 'Access Mode',
	proxyType: 'Proxy Type',
	limit: 'Limit',
	name: 'Name Contains',
	state: 'Status',
	reachableTimeoutMs: 'Reachable Timeout (Seconds)',
	waitUntilReachable: 'Wait Until Reachable',
	tags: 'Tags',
	tagOperator: 'Tag Match',
};

/** A bad parameter, named as the editor shows it, with the item it came from. */
export function parameterError(
	context: NodeContext,
	parameter: string,
	message: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${parameter}: ${message}`, {
		itemIndex,
		description: `Fix the "${parameter}" parameter (item ${itemIndex}).`,
	});
}

/**
 * Maps what the client throws to n8n's errors: bad input becomes a NodeOperationError naming the parameter,
 * remote.it failures a NodeApiError with the client's message. Client errors are already free of secrets;
 * only their message, code and reason are passed on (never the error object, whose `cause` n8n would keep).
 */
export function toNodeError(
	context: NodeContext,
	error: unknown,
	itemIndex: number,
	parameterNames: Record<string, string> = {},
): Error {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	if (error instanceof RemoteItValidationError) {
		const parameter =
			parameterNames[error.field] ?? PARAMETER_FOR_FIELD[error.field] ?? error.field;
		return parameterError(context, parameter, error.message, itemIndex);
	}
	if (isRemoteItError(error)) {
		const response: JsonObject = { message: error.message, code: error.code };
		if (error.reason !== undefined) response.reason = error.reason;
		return new NodeApiError(context.getNode(), response, {
			message: error.message,
			// The client's message usually quotes the reason already; saying it twice only adds noise.
			...(error.reason !== undefined && !error.message.includes(error.reason)
				? { description: `remote.it said: ${error.reason}` }
				: {}),
			httpCode: errorCode(error.status, error.code),
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(context.getNode(), message, { itemIndex });
}

/**
 * What the error panel shows as "Error code". remote.it answers most GraphQL failures with HTTP 200
 * (docs/remoteit-api.md §2, §3), and "Error code 200" on a failure reads as a contradiction: below 400 the
 * client's own code (DEVICE_OFFLINE, NOT_FOUND, ...) says more.
 */
function errorCode(status: number | undefined, code: string): string {
	return status !== undefined && status >= 400 ? String(status) : code;
}
