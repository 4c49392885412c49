/** REST authentication: a developer key plus a token or an HTTP signature (docs/remoteit-api.md §1, §2). */
import { identifyCaller } from '../auth';
import type { EmulatorContext } from '../context';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { textResponse } from '../http-types';
import type { UserRecord } from '../state-types';
import { API_KEY_FAILED, MISSING_TOKEN, restFailure } from './rest-response';

export type RestCaller = { user: UserRecord; log: ApiResponse['log'] } | { refusal: ApiResponse };

export function restCaller(request: EmulatorRequest, context: EmulatorContext): RestCaller {
	const caller = identifyCaller(request, context.accounts, context.clock, context.settings);
	const log = { auth: caller.scheme, authFailure: caller.failure };
	const refuse = (response: ApiResponse): RestCaller => ({ refusal: { ...response, log } });
	// A bad signature is refused by the API gateway before the REST back end sees the developer key.
	if (caller.scheme === 'signature' && !caller.user) return refuse(textResponse(403, 'Forbidden'));
	if (!caller.developerKeyValid) return refuse(restFailure(API_KEY_FAILED));
	if (!caller.user) return refuse(restFailure(MISSING_TOKEN));
	return { user: caller.user, log };
}
