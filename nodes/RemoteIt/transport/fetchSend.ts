import type { HttpRequest, HttpResponse, SendRequest } from '../../../client/core';
import { transportFailure } from './response';

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
