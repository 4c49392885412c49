/** One remote.it request: timeout, retry, in-flight bound, status → typed error; no REST or GraphQL bodies. */
import {
	RemoteItAuthError,
	RemoteItError,
	RemoteItRateLimitError,
	RemoteItTimeoutError,
	RemoteItUnavailableError,
	throttledMessage,
	RemoteItValidationError,
} from '../errors';
import { isPlainObject } from '../json-values';
import type { HttpRequest, HttpResponse, RetryPolicy, SendRequest, StartDeadline } from '../types';
import { isWholeNumberIn } from '../validate';

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
	/** Narrowed while remote.it answers 429. */
	concurrency?: AdaptiveConcurrency;
}

/** 429s teach the adaptive window remote.it's rate, so a burst that overshoots it retries them this long. */
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

/** `build` runs per try, once a slot is free, so each try is freshly signed (docs/remoteit-api.md §4). */
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

/** `authAdvice` says what to check for this kind of credential (a skewed clock, docs/remoteit-api.md §4). */
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

// remote.it answers 429 without a published limit: jittered backoff, Retry-After honoured (docs/remoteit-api.md §6).
/** Gateway and overload answers that a later attempt may well get past. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Socket-level failures where the request may not have reached remote.it at all (timeouts are not retried). */
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
	'EPROTO',
]);

export function isRetryableStatus(status: number): boolean {
	return RETRYABLE_STATUSES.has(status);
}

export function isRetryableNetworkCode(code: string | undefined): boolean {
	return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/** "Equal jitter" (half fixed, half random), so clients throttled together do not come back in lockstep. */
export function backoffDelayMs(
	retry: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const exponential = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
	const capped = Math.min(policy.maxDelayMs, exponential);
	const jitter = Math.min(1, Math.max(0, random()));
	return Math.round(capped / 2 + (capped / 2) * jitter);
}

/** Retry-After in delta-seconds or as an HTTP date (RFC 9110 §10.2.3); undefined falls back to backoff. */
export function parseRetryAfterMs(value: string | undefined, now: Date): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	if (!/[a-z]/i.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now.getTime());
}

/** The wait before the next attempt: Retry-After when remote.it sent one, else backoff; never above maxDelayMs. */
export function retryDelayMs(
	retry: number,
	policy: RetryPolicy,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number {
	const wanted = retryAfterMs ?? backoffDelayMs(retry, policy, random);
	return Math.min(policy.maxDelayMs, wanted);
}

// One window per account shared by its clients in this process, learnt from 429s (AIMD; docs/remoteit-api.md §6).
/** Requests one client may keep in flight at most (the n8n node's Parallel Requests goes up to this too). */
export const MAX_CONCURRENCY = 100;

/** Both shells' default (docs/design.md, "Reliability"). */
export const DEFAULT_CONCURRENCY = 50;

/** A burst of 429s narrows the window once, by this factor (docs/design.md, "Reliability"). */
const DECREASE = 0.7;

/** An account's window that grows back past this is forgotten: only the clients' own maximums bound it again. */
const FORGET_ABOVE = MAX_CONCURRENCY;

/** What became of a request that held a slot. */
export type SlotOutcome = 'ok' | 'throttled' | 'failed';

export interface Slot {
	release(outcome: SlotOutcome): void;
}

export interface AdaptiveConcurrency {
	/** Waits for a free slot; the caller sends its request and then releases the slot with the outcome. */
	acquire(): Promise<Slot>;
	/** The window this client may use now (its maximum, or less while the account is throttled). */
	readonly window: number;
	readonly max: number;
}

interface Client {
	max: number;
	inFlight: number;
}

/** One account's shared state: the learnt window (Infinity until a 429), requests in flight, clients waiting. */
interface AccountWindow {
	window: number;
	inFlight: number;
	/** Bumped at each decrease: a 429 of a request sent before it is part of the same burst and decreases nothing. */
	epoch: number;
	waiting: Array<{ client: Client; admit: () => void }>;
}

const accounts = new Map<string, AccountWindow>();

const newAccountWindow = (): AccountWindow => ({
	window: Infinity,
	inFlight: 0,
	epoch: 0,
	waiting: [],
});

/** The account's state; `key` undefined gives a window of this client alone. */
function accountWindow(key: string | undefined): AccountWindow {
	if (key === undefined) return newAccountWindow();
	let found = accounts.get(key);
	if (!found) accounts.set(key, (found = newAccountWindow()));
	return found;
}

const accountFull = (account: AccountWindow): boolean =>
	account.inFlight >= Math.max(1, Math.floor(account.window));

const hasRoom = (account: AccountWindow, client: Client): boolean =>
	client.inFlight < client.max && !accountFull(account);

function take(account: AccountWindow, client: Client): void {
	account.inFlight++;
	client.inFlight++;
}

/** Admits waiters in arrival order, passing over those whose own client is full. */
function wake(account: AccountWindow): void {
	for (let i = 0; i < account.waiting.length;) {
		const { client, admit } = account.waiting[i];
		if (accountFull(account)) return;
		if (client.inFlight < client.max) {
			account.waiting.splice(i, 1);
			take(account, client);
			admit();
		} else i++;
	}
}

/** Keeps learnt windows; an idle account with nothing learnt is dropped, so many credentials do not grow the map. */
function sweep(key: string | undefined, account: AccountWindow): void {
	if (
		key !== undefined &&
		account.inFlight === 0 &&
		account.waiting.length === 0 &&
		account.window === Infinity
	)
		accounts.delete(key);
}

/** Without `accountKey` (connections/book.ts) the window is this client's alone. */
export function createAdaptiveConcurrency(max: unknown, accountKey?: string): AdaptiveConcurrency {
	if (!isWholeNumberIn(max, 1, MAX_CONCURRENCY)) {
		throw new RemoteItValidationError(
			'concurrency',
			`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.`,
		);
	}
	const client: Client = { max, inFlight: 0 };
	const solo = accountKey === undefined ? newAccountWindow() : undefined;
	// Looked up per use: a swept account is made afresh by the next request.
	const account = (): AccountWindow => solo ?? accountWindow(accountKey);

	const slotFor = (shared: AccountWindow, startedIn: number, sentAmong: number): Slot => {
		let released = false;
		return {
			release(outcome) {
				if (released) return;
				released = true;
				shared.inFlight--;
				client.inFlight--;
				if (outcome === 'throttled' && startedIn === shared.epoch) {
					// Nothing learnt yet: the fan-out that met the limit (this client's maximum, or more with others).
					const base = shared.window === Infinity ? Math.max(sentAmong, client.max) : shared.window;
					shared.window = Math.max(1, base * DECREASE);
					shared.epoch++;
				} else if (outcome === 'ok' && shared.window !== Infinity) {
					shared.window += 1 / shared.window;
					if (shared.window > FORGET_ABOVE) shared.window = Infinity;
				}
				wake(shared);
				sweep(accountKey, shared);
			},
		};
	};

	return {
		async acquire() {
			const shared = account();
			if (shared.waiting.length === 0 && hasRoom(shared, client)) {
				take(shared, client);
			} else {
				await new Promise<void>((admit) => {
					shared.waiting.push({ client, admit });
					wake(shared);
				});
			}
			return slotFor(shared, shared.epoch, shared.inFlight);
		},
		get window() {
			return Math.min(max, (solo ?? accounts.get(accountKey!))?.window ?? Infinity);
		},
		max,
	};
}

/** Forgets every account's learnt window (tests start from a clean process state, as with the token cache). */
export function forgetSharedWindows(): void {
	accounts.clear();
}

/** The value of header `name` (lower case) in headers of any spelling; undefined when absent. */
export function headerValue(
	headers: Record<string, string> | undefined,
	name: string,
): string | undefined {
	const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : String(headers?.[key]);
}

/** Every transport's headers, whatever their library's shape, as lower-case names with one string each. */
export function flattenHeaders(headers: unknown): Record<string, string> {
	const flat: Record<string, string> = {};
	if (typeof headers !== 'object' || headers === null) return flat;
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || value === null) continue;
		flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return flat;
}
