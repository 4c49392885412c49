/**
 * Reading the answers of remote.it's REST v27 API (the call is wire/api.ts) (docs/remoteit-api.md §2). Bodies hold strings
 * only, booleans included. Every answer value is a string and failure is normally HTTP 200 with `status:"false"`
 * and a `reason`, so the body decides, whatever the HTTP status says.
 */
import {
	RemoteItAuthError,
	RemoteItError,
	RemoteItMfaError,
	RemoteItNotFoundError,
	RemoteItRateLimitError,
	RemoteItUnavailableError,
	RemoteItValidationError,
	throttledMessage,
} from '../errors';
import { isPlainObject, textOf } from '../json-values';
import { describeRequest, errorForStatus, parseJsonBody, type RequestSettings } from './request';
import type { HttpRequest, HttpResponse } from '../types';

export const REST_PREFIX = '/apv/v27';

export type RestAnswer = Record<string, unknown>;

/** Auth, throttling and server-error statuses: they say more than a reason nothing recognises. */
const statusOutranksUnknownReason = (status: number): boolean =>
	status === 401 || status === 403 || status === 429 || status >= 500;

/** /user/login refuses two-factor accounts with one of these codes (docs/remoteit-api.md §1). */
const MFA_CODES = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP']);

export const MFA_MESSAGE =
	'This remote.it account uses two-factor authentication, so it cannot sign in with a username and password. ' +
	'Create an access key in the remote.it web portal (Account → Access Keys) and use access-key credentials instead.';

/** The typed error for a `status:"false"` answer, chosen from remote.it's reason codes and texts. */
export function errorForRestFailure(
	answer: RestAnswer,
	where: string,
	redact: (text: string) => string,
	status: number,
): RemoteItError {
	const reason = redact(textOf(answer.reason) ?? 'no reason given');
	const code = textOf(answer.code);
	const details = { reason, status };
	if (code && MFA_CODES.has(code)) return new RemoteItMfaError(MFA_MESSAGE, details);
	// [0806] device not found, [0861] no service for that address (remoteit/sdk-go:contracts/constants.go).
	if (/\[0861\]|\[0806\]/.test(reason)) {
		return new RemoteItNotFoundError(
			`remote.it does not know that service or device (${reason}). Check the id.`,
			details,
		);
	}
	if (/bad device address/i.test(reason)) {
		return new RemoteItValidationError(
			'serviceId',
			`remote.it rejected the service id as malformed (${reason}).`,
			details,
		);
	}
	if (/api key failed validation|developer ?key/i.test(reason)) {
		return new RemoteItAuthError(
			`remote.it refused the developer key (${reason}). Copy it again from Account → Developer Key.`,
			details,
		);
	}
	if (/token/i.test(reason)) {
		return new RemoteItAuthError(
			`remote.it refused the session token (${reason}); it may have expired.`,
			{ ...details, tokenRejected: true },
		);
	}
	if (/\[0102\]|username or password|password|unauthori[sz]ed|forbidden/i.test(reason)) {
		return new RemoteItAuthError(
			`remote.it refused the sign-in (${reason}). Check the username (account email) and password.`,
			details,
		);
	}
	if (/too many|throttl|rate limit/i.test(reason)) {
		return new RemoteItRateLimitError(throttledMessage(reason), details);
	}
	return new RemoteItError(`remote.it refused ${where}: ${reason}`, 'API_ERROR', details);
}

/** Returns the answer object when `status` is "true"; throws the matching typed error otherwise. */
export function readRestAnswer(
	request: HttpRequest,
	response: HttpResponse,
	settings: RequestSettings,
	authAdvice: string,
): RestAnswer {
	let parsed: unknown;
	try {
		parsed = parseJsonBody(request, response);
	} catch (error) {
		if (response.status >= 400) throw errorForStatus(request, response, settings, authAdvice);
		throw error;
	}
	const where = describeRequest(request);
	if (!isPlainObject(parsed) || parsed.status === undefined) {
		if (response.status >= 400) throw errorForStatus(request, response, settings, authAdvice);
		throw new RemoteItUnavailableError(
			`remote.it answered ${where} without a status field; the answer is not usable.`,
			{ status: response.status },
		);
	}
	if (textOf(parsed.status) === 'true') return parsed;
	const failure = errorForRestFailure(parsed, where, settings.redact, response.status);
	if (failure.code === 'API_ERROR' && statusOutranksUnknownReason(response.status)) {
		throw errorForStatus(
			request,
			{ ...response, body: textOf(parsed.reason) ?? '' },
			settings,
			authAdvice,
		);
	}
	throw failure;
}
