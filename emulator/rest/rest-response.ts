/** REST v27 answers: every value a string, failures as HTTP 200 with status "false" (docs/remoteit-api.md §2). */
import type { ApiResponse } from '../http-types';
import { jsonResponse } from '../http-types';

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
