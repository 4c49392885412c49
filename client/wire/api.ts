/**
 * What every call to remote.it needs: where the API is, how requests are sent (request.ts) and the auth session
 * that authorises them (auth-session.ts). core.ts builds one per client; graphql.ts and rest.ts read it.
 */
import type { AuthSession } from '../auth/session';
import { sendWithRetry, type RequestSettings } from './request';
import { RemoteItValidationError } from '../errors';
import type { SendRequest } from '../types';
import { readRestAnswer, REST_PREFIX, type RestAnswer } from './rest';

export interface ApiContext {
	apiUrl: string;
	requestSettings: RequestSettings;
	authSession: AuthSession;
	/** Access keys only work with REST when a developer key is added (docs/remoteit-api.md §4, step 5). */
	restAvailable: boolean;
}

/** The same context with its transport wrapped, to watch what each try sends and gets back. */
export function withSend(
	context: ApiContext,
	wrap: (send: SendRequest) => SendRequest,
): ApiContext {
	return {
		...context,
		requestSettings: {
			...context.requestSettings,
			send: wrap(context.requestSettings.send),
		},
	};
}

export async function callRest(
	context: ApiContext,
	method: 'GET' | 'POST',
	path: string,
	body?: Record<string, string>,
): Promise<RestAnswer> {
	if (!context.restAvailable) {
		throw new RemoteItValidationError(
			'api',
			'The REST API needs a developer key next to the access key; add one or use the GraphQL API.',
		);
	}
	return context.authSession.withAuthorization(async (authorize) => {
		const text = body === undefined ? undefined : JSON.stringify(body);
		const { request, response } = await sendWithRetry(context.requestSettings, () =>
			authorize({
				method,
				url: `${context.apiUrl}${REST_PREFIX}${path}`,
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				...(text === undefined ? {} : { body: text }),
			}),
		);
		return readRestAnswer(
			request,
			response,
			context.requestSettings,
			context.authSession.authAdvice,
		);
	});
}
