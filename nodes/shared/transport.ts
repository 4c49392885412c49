import {
	type IAdditionalCredentialOptions,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	NodeOperationError,
	sleep,
} from 'n8n-workflow';

import {
	DEFAULT_REQUEST_TIMEOUT_MS,
	RemoteItValidationError,
	authFromCredentialFields,
	buildRemoteItClient,
	type HttpRequest,
	type HttpResponse,
	type ProbeEndpoint,
	type RemoteItAuth,
	type RemoteItClient,
	type RemoteItClientOptions,
	type SendRequest,
	flattenHeaders,
	bodyText,
} from '../../client';

/**
 * How both n8n nodes reach remote.it: the client (client/remoteit-client.ts) built over n8n's own request helper, so nothing
 * here knows a remote.it URL or answer. Community nodes may not use global timers, sockets or the deprecated
 * `request` helper (docs/design.md, "Why the n8n package looks the way it does"): hence n8n-workflow's `sleep`,
 * the probe over the request helper and `fetch` for the credential test.
 */

export const CREDENTIAL_TYPE = 'remoteItApi';

/** n8n's request helper bounds every request by this (its `timeout`) unless the node's Timeout option says otherwise. */
export const REQUEST_TIMEOUT_MS = DEFAULT_REQUEST_TIMEOUT_MS;

/** Everything that sends remote.it requests: the node's execute and pickers, and the trigger's poll. */
type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * One client per execution; password tokens are shared further, by the whole process (client/auth/session.ts).
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

/**
 * The client's `send` over n8n's request helper, so n8n's proxy settings, cancellation and the credential's own
 * `authenticate` apply. The body goes out as the exact string the client built (the signature covers it),
 * redirects are not followed (they would carry the credentials elsewhere), and every HTTP status comes back as a
 * response: the client decides what a 401 or a `status:"false"` means.
 */
function createN8nSend(
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

/** The credential's fields (credentials/RemoteItApi.credentials.ts) as the client's options; the client validates them. */
export function clientOptionsFromCredentials(
	credentials: ICredentialDataDecryptedObject,
): Pick<RemoteItClientOptions, 'apiUrl' | 'auth'> {
	const apiUrl = text(credentials, 'apiUrl');
	return { ...(apiUrl ? { apiUrl } : {}), auth: authFromCredentials(credentials) };
}

function authFromCredentials(credentials: ICredentialDataDecryptedObject): RemoteItAuth {
	const { authentication } = credentials;
	const type =
		authentication === 'password' || authentication === 'token' ? authentication : 'accessKey';
	return authFromCredentialFields(type, (name) =>
		name === 'password' ? raw(credentials, name) : text(credentials, name),
	);
}

/** Identifiers and keys lose stray spaces from copy and paste; a password is taken exactly as typed. */
function text(credentials: ICredentialDataDecryptedObject, name: string): string {
	return raw(credentials, name).trim();
}

function raw(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' ? value : '';
}

/**
 * The client's `send` over Node's own `fetch`, for the credential test only. n8n gives a credential test no request
 * helper but the deprecated `request` (`ICredentialTestFunctions`, n8n 1.x and 2.x alike), which n8n's community
 * node verification refuses; no credential is applied there anyway, so the client authenticates the request itself.
 * Redirects are not followed (they would carry the credentials elsewhere), and every HTTP status comes back as a
 * response.
 */
export function createFetchSend(timeoutMs: number): SendRequest {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		try {
			const response = await fetch(request.url, {
				method: request.method.toUpperCase(),
				headers: request.headers,
				body: request.body,
				redirect: 'manual',
				signal: AbortSignal.timeout(timeoutMs),
			});
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				headers[name] = value;
			});
			return { status: response.status, headers, body: await response.text() };
		} catch (error) {
			throw transportFailure(error);
		}
	};
}

/**
 * Connect's "Wait Until Reachable" probe over n8n's request helper (community nodes may not open sockets
 * themselves): one GET to the endpoint. Any HTTP answer, or a connection that then speaks something other than
 * HTTP or stays silent (SSH, databases), means the proxy accepted it; a refused or reset connection means not yet.
 */
function createN8nProbe(context: IExecuteFunctions): ProbeEndpoint {
	return async ({ host, port, url }) => {
		try {
			await context.helpers.httpRequest({
				method: 'GET',
				url: port === null ? url : `http://${host}:${port}/`,
				timeout: 3000,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				json: false,
			});
			return true;
		} catch (error) {
			return !codesOf(error).some((code) => NOT_REACHED.includes(code));
		}
	};
}

/** Error codes that mean the endpoint did not accept (or at once dropped) the connection. */
const NOT_REACHED = [
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
];

function codesOf(error: unknown): string[] {
	const codes: string[] = [];
	for (
		let current: unknown = error, depth = 0;
		current && typeof current === 'object' && depth < 4;
		depth++
	) {
		const code = Reflect.get(current, 'code');
		if (typeof code === 'string') codes.push(code);
		const message = Reflect.get(current, 'message');
		if (typeof message === 'string' && /socket hang up/i.test(message)) codes.push('ECONNRESET');
		current = Reflect.get(current, 'cause');
	}
	return codes;
}

/**
 * n8n wraps network failures in errors that keep the axios error, request headers included. Hand the client only
 * what it classifies by (the socket error code) and a short message, never that object.
 */
function transportFailure(error: unknown): Error {
	const cause = (error as { cause?: unknown }).cause ?? error;
	// httpRequestWithAuthentication throws a NodeApiError with no cause and the socket code as `httpCode`.
	const code =
		readString(cause, 'code') ??
		readString(error, 'code') ??
		socketCode(readString(error, 'httpCode'));
	const failure = new Error(code ? `network error ${code}` : 'network error');
	// The client tells a cancelled request (axios, n8n) and an expired one (fetch's AbortSignal.timeout) by name.
	const name = readString(cause, 'name');
	failure.name = name === 'CanceledError' || name === 'TimeoutError' ? name : 'TransportError';
	if (code) Object.assign(failure, { code });
	return failure;
}

/** ECONNABORTED, ETIMEDOUT, ...: a socket error code, not an HTTP status. */
function socketCode(value: string | undefined): string | undefined {
	return value !== undefined && /^E[A-Z_]+$/.test(value) ? value : undefined;
}

function readString(value: unknown, key: string): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const field = (value as Record<string, unknown>)[key];
	return typeof field === 'string' ? field : undefined;
}
