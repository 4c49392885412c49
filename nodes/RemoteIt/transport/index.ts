import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { RemoteItValidationError, buildRemoteItClient } from '../../../client/core';
import type { HttpRequest, HttpResponse, RemoteItClient, SendRequest } from '../../../client/core';
import { clientOptionsFromCredentials } from './credentials';
import { createN8nProbe } from './probe';
import { bodyText, flattenHeaders, transportFailure } from './response';

export const CREDENTIAL_TYPE = 'remoteItApi';

/** n8n's request helper bounds every request by this (its `timeout`). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Everything that sends remote.it requests: the node's execute and pickers, and the trigger's poll. */
type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * The client's `send` over n8n's request helper, so n8n's proxy settings, cancellation and the credential's own
 * `authenticate` apply. The body goes out as the exact string the client built (the signature covers it),
 * redirects are not followed (they would carry the credentials elsewhere), and every HTTP status comes back as a
 * response: the client decides what a 401 or a `status:"false"` means.
 */
export function createN8nSend(context: RequestContext): SendRequest {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		let response: { statusCode: number; headers?: unknown; body?: unknown };
		try {
			response = await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
				method: request.method.toUpperCase() as IHttpRequestMethods,
				url: request.url,
				headers: { ...request.headers },
				body: request.body,
				json: false,
				encoding: 'text',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: REQUEST_TIMEOUT_MS,
			});
		} catch (error) {
			throw transportFailure(error);
		}
		return { status: response.statusCode, headers: flattenHeaders(response.headers), body: bodyText(response.body) };
	};
}

/**
 * One client per execution, so a password login and its token are shared by every item (docs/remoteit-api.md §8.2).
 * The credential's `authenticate` adds the signature and key headers; the client keeps only the session token
 * it gets from a password login, which it renews itself when remote.it refuses it.
 */
export async function createClientForExecution(context: RequestContext): Promise<RemoteItClient> {
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	try {
		return buildRemoteItClient({
			...clientOptionsFromCredentials(credentials),
			authenticatedBy: 'transport',
			send: createN8nSend(context),
			timeoutMs: REQUEST_TIMEOUT_MS,
			// n8n-workflow's sleep between retries; the request helper's `timeout` is the deadline (n8n forbids community
			// nodes the global timers, and n8n-workflow 2.x no longer exports the cancellable `sleepWithAbort`).
			sleep,
			...('getInputData' in context ? { probe: createN8nProbe(context) } : {}),
		});
	} catch (error) {
		// The client checks the credential's fields (and the API URL) before any request: say where to fix them.
		if (!(error instanceof RemoteItValidationError)) throw new NodeOperationError(context.getNode(), String((error as Error).message));
		throw new NodeOperationError(context.getNode(), `remote.it credential: ${error.message}`, {
			description: 'Open the remote.it API credential and check the fields of the chosen authentication method.',
		});
	}
}
