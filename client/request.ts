/**
 * Sends one remote.it request: enforces the timeout, retries what is worth retrying, and turns transport failures
 * and HTTP failure statuses into typed errors. Knows nothing of REST or GraphQL bodies.
 */
import {
	RemoteItAuthError,
	RemoteItError,
	RemoteItRateLimitError,
	RemoteItTimeoutError,
	RemoteItUnavailableError,
	throttledMessage,
} from './errors';
import type { AdaptiveConcurrency, SlotOutcome } from './adaptive-concurrency';
import { headerValue } from './headers';
import { isPlainObject } from './json-values';
import {
	isRetryableNetworkCode,
	isRetryableStatus,
	parseRetryAfterMs,
	retryDelayMs,
} from './retry';
import type { HttpRequest, HttpResponse, RetryPolicy, SendRequest, StartDeadline } from './types';

export interface RequestSettings {
	send: SendRequest;
	timeoutMs: number;
	retry: RetryPolicy;
	sleep: (ms: number) => Promise<void>;
	/** Without one, a request is bounded by the transport's own timeout only (n8n's request helper has one). */
	deadline?: StartDeadline;
	now: () => Date;
	redact: (text: string) => string;
	random?: () => number;
	/** See RemoteItClientOptions.timeoutAdvice. */
	timeoutAdvice?: string;
	/** Bounds the requests in flight and narrows the bound while remote.it answers 429 (adaptive-concurrency.ts). */
	concurrency?: AdaptiveConcurrency;
}

/**
 * With an adaptive window, 429s are how the window learns remote.it's rate: they are retried (after Retry-After)
 * up to this many tries in all, beyond `retry.attempts`, so a burst that overshoots the rate loses no item.
 */
const THROTTLED_TRIES = 10;

function triesFor429(settings: RequestSettings): number {
	return settings.concurrency
		? Math.max(THROTTLED_TRIES, settings.retry.attempts)
		: settings.retry.attempts;
}

function outcomeOf(status: number): SlotOutcome {
	if (status === 429) return 'throttled';
	return status >= 500 ? 'failed' : 'ok';
}

/** Transport errors whose codes mean "took too long" rather than "could not connect". */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/** Where a request went, for messages: method and path only (never headers or body). */
export function describeRequest(request: HttpRequest): string {
	try {
		const url = new URL(request.url);
		return `${request.method.toUpperCase()} ${url.pathname}`;
	} catch {
		return request.method.toUpperCase();
	}
}

function transportErrorCode(error: unknown): string | undefined {
	const code = isPlainObject(error) ? error.code : undefined;
	return typeof code === 'string' ? code : undefined;
}

/** A scrubbed stand-in for a transport error: name, code and message only, no request or response objects. */
function summariseTransportError(error: unknown, redact: (text: string) => string): Error {
	const message = error instanceof Error ? error.message : String(error);
	const summary = new Error(redact(message).slice(0, 300));
	summary.name = error instanceof Error ? error.name : 'Error';
	const code = transportErrorCode(error);
	if (code) Object.assign(summary, { code });
	return summary;
}

function timeoutError(
	request: HttpRequest,
	settings: RequestSettings,
	cause?: Error,
): RemoteItTimeoutError {
	const timeoutMs = settings.timeoutMs;
	// In seconds when whole, as both editors' Timeout fields take it.
	const limit = timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`;
	return new RemoteItTimeoutError(
		`remote.it did not answer ${describeRequest(request)} within ${limit}. Try again, or ${settings.timeoutAdvice ?? 'raise the timeout'}.`,
		timeoutMs,
		cause ? { cause } : {},
	);
}

/** Races the transport against the deadline, so even a `send` that never settles cannot hang a workflow. */
async function sendWithTimeout(
	settings: RequestSettings,
	request: HttpRequest,
): Promise<HttpResponse> {
	if (!settings.deadline) return settings.send(request);
	const deadline = settings.deadline(settings.timeoutMs, () => timeoutError(request, settings));
	try {
		return await Promise.race([settings.send(request), deadline.expired]);
	} finally {
		deadline.cancel();
	}
}

function networkError(
	request: HttpRequest,
	error: unknown,
	settings: RequestSettings,
): RemoteItError {
	const cause = summariseTransportError(error, settings.redact);
	const code = transportErrorCode(error);
	if ((code && TIMEOUT_CODES.has(code)) || cause.name === 'TimeoutError') {
		return timeoutError(request, settings, cause);
	}
	if (code === 'ERR_CANCELED' || cause.name === 'AbortError' || cause.name === 'CanceledError') {
		return new RemoteItUnavailableError(`The request ${describeRequest(request)} was cancelled.`, {
			cause,
		});
	}
	return new RemoteItUnavailableError(
		`Could not reach remote.it for ${describeRequest(request)} (${code ?? cause.message}). Check the network and the API URL.`,
		{ cause },
	);
}

/** The request as it was last sent (freshly built and signed for that try), and the answer it got. */
export interface Exchange {
	request: HttpRequest;
	response: HttpResponse;
}

/**
 * Sends a request, retrying 429, 502/503/504 and network resets up to `retry.attempts` tries in all (429s further
 * under an adaptive window, see THROTTLED_TRIES). `build` is called per try, once a slot is free, so each try is
 * freshly signed (the Date header is part of the signature). No slot is held while waiting to retry.
 */
export async function sendWithRetry(
	settings: RequestSettings,
	build: () => HttpRequest,
): Promise<Exchange> {
	let throttled = 0;
	for (let attempt = 1; ; attempt++) {
		const slot = await settings.concurrency?.acquire();
		const request = build();
		const isLastTry = attempt >= settings.retry.attempts;
		let response: HttpResponse;
		try {
			response = await sendWithTimeout(settings, request);
		} catch (error) {
			slot?.release('failed');
			if (error instanceof RemoteItTimeoutError) throw error;
			if (isLastTry || !isRetryableNetworkCode(transportErrorCode(error)))
				throw networkError(request, error, settings);
			await settings.sleep(retryDelayMs(attempt, settings.retry, undefined, settings.random));
			continue;
		}
		slot?.release(outcomeOf(response.status));
		const adapting =
			response.status === 429 &&
			settings.concurrency !== undefined &&
			++throttled < THROTTLED_TRIES;
		if (!adapting && (isLastTry || !isRetryableStatus(response.status)))
			return { request, response };
		const retryAfter = parseRetryAfterMs(
			headerValue(response.headers, 'retry-after'),
			settings.now(),
		);
		await settings.sleep(
			retryDelayMs(adapting ? throttled : attempt, settings.retry, retryAfter, settings.random),
		);
		if (adapting) attempt--;
	}
}

/** A short, scrubbed excerpt of a plain-text error body (401/403 bodies are just "Unauthorized"/"Forbidden"). */
export function shortReason(body: string, redact: (text: string) => string): string | undefined {
	const text = redact(String(body ?? '').trim()).slice(0, 200);
	return text.length > 0 ? text : undefined;
}

/**
 * The typed error for a failed HTTP status. `authAdvice` says what to check for this kind of credential
 * (for signatures it names a skewed clock, docs/remoteit-api.md §4).
 */
export function errorForStatus(
	request: HttpRequest,
	response: HttpResponse,
	settings: RequestSettings,
	authAdvice: string,
): RemoteItError {
	const where = describeRequest(request);
	const status = response.status;
	const reason = shortReason(response.body, settings.redact);
	if (status === 401 || status === 403) {
		return new RemoteItAuthError(
			`remote.it refused the credentials (HTTP ${status}) for ${where}. ${authAdvice}`,
			{ status, reason, tokenRejected: true },
		);
	}
	if (status === 429) {
		const retryAfterMs = parseRetryAfterMs(
			headerValue(response.headers, 'retry-after'),
			settings.now(),
		);
		return new RemoteItRateLimitError(throttledMessage('HTTP 429', triesFor429(settings)), {
			status,
			reason,
			...(retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : {}),
		});
	}
	if (status >= 500) {
		return new RemoteItUnavailableError(
			`remote.it is unavailable (HTTP ${status}) for ${where}. Try again later.`,
			{ status, reason },
		);
	}
	return new RemoteItError(
		`remote.it answered HTTP ${status} for ${where}. Check the API URL.`,
		'API_ERROR',
		{ status, reason },
	);
}

/** Parses a JSON body; an unreadable one is described (size, type), never quoted. */
export function parseJsonBody(request: HttpRequest, response: HttpResponse): unknown {
	try {
		return JSON.parse(response.body);
	} catch {
		const type = headerValue(response.headers, 'content-type') ?? 'no content type';
		const bytes = Buffer.byteLength(String(response.body ?? ''), 'utf8');
		throw new RemoteItUnavailableError(
			`remote.it answered ${describeRequest(request)} (HTTP ${response.status}) with a body that is not valid JSON ` +
				`(${bytes} bytes, ${type}). Try again later.`,
			{ status: response.status },
		);
	}
}
