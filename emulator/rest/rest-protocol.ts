/**
 * What every REST v27 endpoint shares (docs/remoteit-api.md §2): answers whose values are all strings, failures as
 * HTTP 200 with status "false", and authentication by a developer key plus a token or an HTTP signature (§1).
 */
import { identifyCaller } from '../auth';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { jsonResponse, textResponse } from '../http-types';
import type { EmulatorContext } from '../runtime';
import type { UserRecord } from '../state-types';

export function restSuccess(fields: Record<string, unknown>): ApiResponse {
	return jsonResponse(200, { status: 'true', ...fields }, { escapeSlashes: true });
}

export function restFailure(reason: string, code?: string): ApiResponse {
	return jsonResponse(200, code ? { status: 'false', code, reason } : { status: 'false', reason }, {
		escapeSlashes: true,
	});
}

export const API_KEY_FAILED = 'api key failed validation';
export const MISSING_TOKEN = 'missing api token';

/** Parses a JSON object body; REST clients send strings for every value. */
export function parseRestBody(body: Buffer): Record<string, unknown> | undefined {
	if (body.length === 0) return {};
	try {
		const value: unknown = JSON.parse(body.toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export function stringField(body: Record<string, unknown>, name: string): string | undefined {
	const value = body[name];
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** Who calls a REST endpoint, or the answer remote.it gives a caller it does not let in. */
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
