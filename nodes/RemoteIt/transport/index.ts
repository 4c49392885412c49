import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	DEFAULT_REQUEST_TIMEOUT_MS,
	RemoteItValidationError,
	buildRemoteItClient,
} from '../../../client/core';
import type { HttpRequest, HttpResponse, RemoteItClient, SendRequest } from '../../../client/core';
import { clientOptionsFromCredentials } from './credentials';
import { createN8nProbe } from './probe';
import { bodyText } from '../../../client/json-values';
import { flattenHeaders, transportFailure } from './response';

export const CREDENTIAL_TYPE = 'remoteItApi';

/** n8n's request helper bounds every request by this (its `timeout`) unless the node's Timeout option says otherwise. */
export const REQUEST_TIMEOUT_MS = DEFAULT_REQUEST_TIMEOUT_MS;

/** What a timeout error of the remote.it node tells the user to change, in the editor's words. */
export const TIMEOUT_ADVICE = 'raise "Timeout" under the node\'s Options';

/** Everything that sends remote.it requests: the node's execute and pickers, and the trigger's poll. */
type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * The client's `send` over n8n's request helper, so n8n's proxy settings, cancellation and the credential's own
 * `authenticate` apply. The body goes out as the exact string the client built (the signature covers it),
 * redirects are not followed (they would carry the credentials elsewhere), and every HTTP status comes back as a
 * response: the client decides what a 401 or a `status:"false"` means.
 */
export function createN8nSend(
	context: RequestContext,
	credentials?: ICredentialDataDecryptedObject,
	timeoutMs = REQUEST_TIMEOUT_MS,
): SendRequest {
	const decrypted = credentials ? decryptedOnce(context, credentials) : undefined;
	return async (request: HttpRequest): Promise<HttpResponse> => {
		let response: { statusCode: number; headers?: unknown; body?: unknown };
		try {
			response = await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				{
					method: request.method.toUpperCase() as IHttpRequestMethods,
					url: request.url,
					headers: { ...request.headers },
					body: request.body,
					json: false,
					encoding: 'text',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					// n8n's own socket timeout matches the client's, so nothing lingers after the client gives up.
					timeout: timeoutMs,
				},
				decrypted,
			);
		} catch (error) {
			throw transportFailure(error);
		}
		return {
			status: response.statusCode,
			headers: flattenHeaders(response.headers),
			body: bodyText(response.body) ?? '',
		};
	};
}

/**
 * The credential as n8n decrypted it for this execution, handed to every request of the execution: without it,
 * n8n's helper reads and decrypts the credential from its database again for each request (n8n-core
 * request-helper-functions, httpRequestWithAuthentication), which costs more than the request itself on a fast link.
 */
function decryptedOnce(
	context: RequestContext,
	data: ICredentialDataDecryptedObject,
): IAdditionalCredentialOptions {
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			data,
		},
	};
}

/**
 * One client per execution; password tokens are shared further, by the whole process (client/token-cache.ts).
 * The credential's `authenticate` adds the signature and key headers; the client keeps only the session token
 * it gets from a password login, which it renews itself when remote.it refuses it.
 */
export async function createClientForExecution(
	context: RequestContext,
	{
		timeout = { ms: REQUEST_TIMEOUT_MS },
		concurrency,
	}: { timeout?: { ms: number; advice?: string }; concurrency?: number } = {},
): Promise<RemoteItClient> {
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	try {
		return buildRemoteItClient({
			...clientOptionsFromCredentials(credentials),
			authenticatedBy: 'transport',
			send: createN8nSend(context, credentials, timeout.ms),
			timeoutMs: timeout.ms,
			...(timeout.advice ? { timeoutAdvice: timeout.advice } : {}),
			// n8n-workflow's sleep between retries; the request helper's `timeout` is the deadline (n8n forbids community
			// nodes the global timers, and n8n-workflow 2.x no longer exports the cancellable `sleepWithAbort`).
			sleep,
			...(concurrency !== undefined ? { concurrency } : {}),
			...('getInputData' in context ? { probe: createN8nProbe(context) } : {}),
		});
	} catch (error) {
		// The client checks the credential's fields (and the API URL) before any request: say where to fix them.
		if (!(error instanceof RemoteItValidationError))
			throw new NodeOperationError(context.getNode(), String((error as Error).message));
		throw new NodeOperationError(context.getNode(), `remote.it credential: ${error.message}`, {
			description:
				'Open the remote.it API credential and check the fields of the chosen authentication method.',
		});
	}
}
