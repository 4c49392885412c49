/**
 * What every call to remote.it needs: where the API is, how requests are sent (request.ts) and the auth session
 * that authorises them (auth-session.ts). core.ts builds one per client; graphql.ts and rest.ts read it.
 */
import type { AuthSession } from './auth-session';
import type { RequestSettings } from './request';
import type { SendRequest } from './types';

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
