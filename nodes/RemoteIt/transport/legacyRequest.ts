import type { HttpRequest, HttpResponse, SendRequest } from '../../../client';
import { REQUEST_TIMEOUT_MS } from './index';
import { bodyText, flattenHeaders, transportFailure } from './response';

/** The request helper a credential test gets: n8n 1.x gives `ICredentialTestFunctions` nothing newer. */
export type LegacyRequest = (options: object) => Promise<unknown>;

/**
 * The client's `send` over the legacy request helper, for the credential test only. No credential is applied by
 * n8n there, so the client authenticates the request itself; every HTTP status comes back as a response.
 */
export function createLegacyRequestSend(request: LegacyRequest): SendRequest {
	return async (httpRequest: HttpRequest): Promise<HttpResponse> => {
		let response: { statusCode: number; headers?: unknown; body?: unknown };
		try {
			response = (await request({
				method: httpRequest.method.toUpperCase(),
				uri: httpRequest.url,
				headers: { ...httpRequest.headers },
				body: httpRequest.body,
				json: false,
				simple: false,
				resolveWithFullResponse: true,
				followRedirect: false,
				timeout: REQUEST_TIMEOUT_MS,
			})) as typeof response;
		} catch (error) {
			throw transportFailure(error);
		}
		return { status: response.statusCode, headers: flattenHeaders(response.headers), body: bodyText(response.body) };
	};
}
