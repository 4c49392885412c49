import {
	RemoteItAuthError,
	RemoteItError,
	RemoteItMfaError,
	RemoteItNotFoundError,
	RemoteItRateLimitError,
	RemoteItUnavailableError,
	RemoteItValidationError,
	isRemoteItError,
} from '../../client/errors';
import { errorForGraphqlMessage } from '../../client/wire/graphql';
import { errorForStatus, parseJsonBody, type RequestSettings } from '../../client/wire/request';
import { errorForRestFailure, MFA_MESSAGE, readRestAnswer } from '../../client/wire/rest';
import type { HttpRequest, HttpResponse } from '../../client/types';

const settings: RequestSettings = {
	send: () => Promise.reject(new Error('not used')),
	timeoutMs: 1000,
	retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
	sleep: () => Promise.resolve(),
	now: () => new Date('2026-01-01T00:00:00Z'),
	redact: (text) => text,
};
const request: HttpRequest = {
	method: 'POST',
	url: 'https://api.remote.it/apv/v27/device/connect',
	headers: {},
};
const answer = (
	status: number,
	body: string,
	headers: Record<string, string> = {},
): HttpResponse => ({ status, headers, body });
const rest = (reason: string, code?: string) =>
	errorForRestFailure(
		{ status: 'false', reason, ...(code ? { code } : {}) },
		'POST /apv/v27/device/connect',
		(t) => t,
		200,
	);

describe('REST status:"false" reasons (docs/remoteit-api.md §2)', () => {
	it.each([
		['[0861] Unable to find the service for this device address', RemoteItNotFoundError],
		['[0806] Device not found', RemoteItNotFoundError],
		['bad device address', RemoteItValidationError],
		['api key failed validation', RemoteItAuthError],
		['missing api token', RemoteItAuthError],
		['[0102] The username or password is invalid', RemoteItAuthError],
		// remote.it publishes no offline wording: the text alone decides nothing (connect asks remote.it instead).
		['device is inactive (offline); it must be online to connect', RemoteItError],
		['something nobody documented', RemoteItError],
	])('%p becomes %p and keeps the reason', (reason, type) => {
		const error = rest(reason);
		expect(error).toBeInstanceOf(type);
		expect(error.reason).toBe(reason);
		expect(error.message).toContain(reason);
	});

	it.each(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP'])(
		'a %s login refusal says to use access keys',
		(code) => {
			const error = rest('needs a second factor', code);
			expect(error).toBeInstanceOf(RemoteItMfaError);
			expect(error.message).toBe(MFA_MESSAGE);
			expect(error.message).toMatch(/access key/i);
		},
	);

	it('marks a refused token so a password session can renew it', () => {
		expect((rest('missing api token') as RemoteItAuthError).tokenRejected).toBe(true);
		expect((rest('api key failed validation') as RemoteItAuthError).tokenRejected).toBe(false);
	});

	it('treats status != "true" as failure whatever the HTTP status, and 401 bodies with a reason as REST failures', () => {
		const body = JSON.stringify({ status: 'false', reason: '[0806] Device not found' });
		expect(() => readRestAnswer(request, answer(200, body), settings, '')).toThrow(
			RemoteItNotFoundError,
		);
		expect(() => readRestAnswer(request, answer(401, body), settings, '')).toThrow(
			RemoteItNotFoundError,
		);
		expect(readRestAnswer(request, answer(200, '{"status":"true","x":"1"}'), settings, '')).toEqual(
			{ status: 'true', x: '1' },
		);
	});

	it('lets the HTTP status type a status:"false" body whose reason says nothing known (401/403, 429, 5xx)', () => {
		const body = (reason: string) => JSON.stringify({ status: 'false', reason });
		const failureOf = (response: HttpResponse): RemoteItError => {
			try {
				readRestAnswer(request, response, settings, 'A skewed clock breaks signatures.');
			} catch (error) {
				return error as RemoteItError;
			}
			throw new Error('expected a failure');
		};
		const unavailable = failureOf(answer(503, body('Service temporarily unavailable')));
		expect(unavailable).toBeInstanceOf(RemoteItUnavailableError);
		expect(unavailable.reason).toBe('Service temporarily unavailable');
		expect(failureOf(answer(500, body('Internal error')))).toBeInstanceOf(RemoteItUnavailableError);
		const limited = failureOf(answer(429, body('Limit Exceeded'), { 'Retry-After': '7' }));
		expect(limited).toBeInstanceOf(RemoteItRateLimitError);
		expect((limited as RemoteItRateLimitError).retryAfterSeconds).toBe(7);
		expect(limited.reason).toBe('Limit Exceeded');
		const refused = failureOf(answer(403, body('Signature rejected')));
		expect(refused).toBeInstanceOf(RemoteItAuthError);
		expect(refused.message).toContain('clock');
		// A known reason still decides, whatever the status.
		expect(failureOf(answer(500, body('[0806] Device not found')))).toBeInstanceOf(
			RemoteItNotFoundError,
		);
	});

	it('describes a malformed body without quoting it', () => {
		const body = '{"status":"true","token":"0123456789abcdef';
		try {
			readRestAnswer(
				request,
				answer(200, body, { 'content-type': 'application/json' }),
				settings,
				'',
			);
			throw new Error('expected an error');
		} catch (error) {
			expect(error).toBeInstanceOf(RemoteItUnavailableError);
			expect((error as Error).message).toMatch(/not valid JSON \(\d+ bytes, application\/json\)/);
			expect(JSON.stringify(error)).not.toContain('0123456789abcdef');
		}
		expect(() => parseJsonBody(request, answer(200, ''))).toThrow(RemoteItUnavailableError);
	});
});

describe('GraphQL errors[] (docs/remoteit-api.md §6): a standard extensions.code decides, never the wording', () => {
	it.each([
		['Cannot connect: the device is inactive (offline)', undefined, 'API_ERROR'],
		['Service not found', undefined, 'API_ERROR'],
		['Unauthorized', undefined, 'API_ERROR'],
		['whatever the text', 'UNAUTHENTICATED', 'AUTH'],
		['whatever the text', 'FORBIDDEN', 'AUTH'],
		['whatever the text', 'NOT_FOUND', 'NOT_FOUND'],
		['whatever the text', 'TOO_MANY_REQUESTS', 'RATE_LIMITED'],
	])('%p with code %p becomes %p', (message, code, expected) => {
		const error = errorForGraphqlMessage(message, 'POST /graphql/v1', 200, code);
		expect(error).toBeInstanceOf(RemoteItError);
		expect(error.code).toBe(expected);
		expect(error.reason).toBe(message);
	});
});

describe('HTTP statuses', () => {
	it('401/403 are auth errors carrying the advice for the credential type', () => {
		const error = errorForStatus(
			request,
			answer(403, 'Forbidden'),
			settings,
			'A skewed clock breaks signatures.',
		);
		expect(error).toBeInstanceOf(RemoteItAuthError);
		expect(error.status).toBe(403);
		expect(error.reason).toBe('Forbidden');
		expect(error.message).toContain('clock');
	});

	it('429 is a rate-limit error with the Retry-After seconds', () => {
		const error = errorForStatus(request, answer(429, '', { 'Retry-After': '7' }), settings, '');
		expect(error).toBeInstanceOf(RemoteItRateLimitError);
		expect((error as RemoteItRateLimitError).retryAfterSeconds).toBe(7);
	});

	it('5xx is unavailable; other 4xx are plain API errors', () => {
		expect(errorForStatus(request, answer(503, ''), settings, '')).toBeInstanceOf(
			RemoteItUnavailableError,
		);
		const notFound = errorForStatus(request, answer(404, 'nope'), settings, '');
		expect(notFound.code).toBe('API_ERROR');
		expect(notFound.message).toContain('POST /apv/v27/device/connect');
	});
});

describe('error classes', () => {
	it('have stable codes, names and a JSON form with their fields', () => {
		const error = new RemoteItValidationError('hostIp', 'bad', { reason: 'r' });
		expect(isRemoteItError(error)).toBe(true);
		expect(isRemoteItError(new Error('x'))).toBe(false);
		expect(JSON.parse(JSON.stringify(error))).toEqual({
			name: 'RemoteItValidationError',
			code: 'VALIDATION',
			message: 'bad',
			reason: 'r',
			field: 'hostIp',
		});
		expect(new RemoteItMfaError('m').code).toBe('MFA');
		expect(new RemoteItRateLimitError('m').name).toBe('RemoteItRateLimitError');
	});
});
