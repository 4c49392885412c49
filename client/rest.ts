/** Calls to remote.it's REST v27 API (docs/remoteit-api.md §2). Bodies hold strings only, booleans included. */
import { RemoteItValidationError } from './errors';
import { readRestAnswer, type RestAnswer } from './rest-answer';
import type { ApiContext } from './api-context';
import { sendWithRetry } from './request';
import type { HttpRequest } from './types';

export const REST_PREFIX = '/apv/v27';

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
		const build = (): HttpRequest =>
			authorize({
				method,
				url: `${context.apiUrl}${REST_PREFIX}${path}`,
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				...(text === undefined ? {} : { body: text }),
			});
		let sent: HttpRequest | undefined;
		const response = await sendWithRetry(context.requestSettings, () => (sent = build()));
		return readRestAnswer(
			sent ?? build(),
			response,
			context.requestSettings,
			context.authSession.authAdvice,
		);
	});
}
