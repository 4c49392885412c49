/** Typed errors with a stable `code`, and the one scrubbing of secrets before any of them is thrown. */
export type RemoteItErrorCode =
	| 'VALIDATION'
	| 'AUTH'
	| 'MFA'
	| 'NOT_FOUND'
	| 'DEVICE_OFFLINE'
	| 'RATE_LIMITED'
	| 'UNAVAILABLE'
	| 'TIMEOUT'
	| 'API_ERROR';

export interface RemoteItErrorDetails {
	/** remote.it's own reason text (REST `reason`, GraphQL `errors[].message`), redacted. */
	reason?: string;
	/** HTTP status of the answer that caused the error, when there was one. */
	status?: number;
	/** A redacted summary of the underlying failure (never a raw transport error). */
	cause?: Error;
}

/** Base class: catch this to handle every remote.it failure; `code` says which kind it is. */
export class RemoteItError extends Error {
	readonly code: RemoteItErrorCode;
	readonly reason?: string;
	readonly status?: number;
	/** After a failed connect or disconnect: a connection known open (true), known closed (false), or unchecked. */
	declare readonly connectionOpen?: boolean;

	constructor(
		message: string,
		code: RemoteItErrorCode = 'API_ERROR',
		details: RemoteItErrorDetails = {},
	) {
		super(message, details.cause ? { cause: details.cause } : undefined);
		this.name = new.target.name;
		this.code = code;
		if (details.reason !== undefined) this.reason = details.reason;
		if (details.status !== undefined) this.status = details.status;
	}

	/** The JSON form engines put into items/messages: everything useful, nothing secret. */
	toJSON(): Record<string, unknown> {
		const json: Record<string, unknown> = {
			name: this.name,
			code: this.code,
			message: this.message,
		};
		for (const [key, value] of Object.entries(this)) {
			if (value !== undefined && !(key in json)) json[key] = value;
		}
		if (this.cause instanceof Error)
			json.cause = { name: this.cause.name, message: this.cause.message };
		return json;
	}
}

/** Bad input, detected before any request is sent (or a value remote.it rejected as malformed). */
export class RemoteItValidationError extends RemoteItError {
	/** The option or parameter that is wrong, e.g. `serviceId`, `hostIp`, `limit`. */
	readonly field: string;

	constructor(field: string, message: string, details: RemoteItErrorDetails = {}) {
		super(message, 'VALIDATION', details);
		this.field = field;
	}
}

/** remote.it refused the credentials: bad key, bad signature, skewed clock, bad password, expired token. */
export class RemoteItAuthError extends RemoteItError {
	/** True when a session token was refused, so a password login may renew it. */
	readonly tokenRejected: boolean;

	constructor(message: string, details: RemoteItErrorDetails & { tokenRejected?: boolean } = {}) {
		super(message, 'AUTH', details);
		this.tokenRejected = details.tokenRejected ?? false;
	}
}

/** The account has two-factor authentication, so password login cannot work (docs/remoteit-api.md §1). */
export class RemoteItMfaError extends RemoteItError {
	constructor(message: string, details: RemoteItErrorDetails = {}) {
		super(message, 'MFA', details);
	}
}

export class RemoteItNotFoundError extends RemoteItError {
	constructor(message: string, details: RemoteItErrorDetails = {}) {
		super(message, 'NOT_FOUND', details);
	}
}

/**
 * The one wording of "the device is offline", whichever answer said so. remote.it's own words stay in the
 * error's `reason`: they only say "offline" again.
 */
export const deviceOfflineMessage = (names: { device?: string; service?: string } = {}): string =>
	`The device${names.device ? ` "${names.device}"` : ''} is offline, so remote.it cannot connect to ` +
	`${names.service ? `its service "${names.service}"` : 'it'}. Try again once it is online.`;

export class RemoteItDeviceOfflineError extends RemoteItError {
	constructor(message: string, details: RemoteItErrorDetails = {}) {
		super(message, 'DEVICE_OFFLINE', details);
	}
}

/** The one wording of "remote.it is throttling", whichever API or status said so (docs/remoteit-api.md §6). */
export const throttledMessage = (why: string, tries?: number): string =>
	`remote.it is throttling requests (${why})${tries === undefined ? '' : ` after ${tries} tries`}. ` +
	'Wait a while and send fewer requests.';

export class RemoteItRateLimitError extends RemoteItError {
	/** What remote.it's `Retry-After` asked for, in seconds, when it sent one. */
	readonly retryAfterSeconds?: number;

	constructor(
		message: string,
		details: RemoteItErrorDetails & { retryAfterSeconds?: number } = {},
	) {
		super(message, 'RATE_LIMITED', details);
		if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
	}
}

/** remote.it could not be reached or answered with a server error or an unreadable body. */
export class RemoteItUnavailableError extends RemoteItError {
	constructor(message: string, details: RemoteItErrorDetails = {}) {
		super(message, 'UNAVAILABLE', details);
	}
}

export class RemoteItTimeoutError extends RemoteItError {
	readonly timeoutMs: number;

	constructor(message: string, timeoutMs: number, details: RemoteItErrorDetails = {}) {
		super(message, 'TIMEOUT', details);
		this.timeoutMs = timeoutMs;
	}
}

export function isRemoteItError(error: unknown): error is RemoteItError {
	return error instanceof RemoteItError;
}

/** Known secret values, and the shapes secrets take on the wire in case a value was not known. */
export const REDACTED = '[redacted]';

/** Shorter values are not replaced: they would shred ordinary words and hide nothing worth hiding. */
const MIN_SECRET_LENGTH = 4;

/** Wire shapes that carry secrets, whatever their value. */
const SECRET_SHAPES: ReadonlyArray<[RegExp, string]> = [
	[/(Signature\s+keyId="[^"]*"[^\n]*?signature=")[^"]*(")/gi, `$1${REDACTED}$2`],
	[/(\bauthorization["']?\s*[:=]\s*["']?)[^"',\n}]+/gi, `$1${REDACTED}`],
	[
		/(["']?\b(?:password|passwd|secretAccessKey|secret_access_key|secret|token|auth_token|access_token|sessionToken|developerkey|developer_key|apikey|api_key|x-api-key)["']?\s*[:=]\s*["']?)[^"',\s}&]+/gi,
		`$1${REDACTED}`,
	],
	// remote.it may echo a secret back in a reason, with no name in front.
	[/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
	[/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
	// Long opaque runs (tokens, keys); dashes end a run and paths have no capitals, so ids and URLs stay readable.
	[
		/(?<![A-Za-z0-9+/_])(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{24,}(?![A-Za-z0-9+/_])/g,
		REDACTED,
	],
	[
		/(?<![A-Za-z0-9+/_])(?=[A-Za-z0-9+/_]*\d)(?=[A-Za-z0-9+/_]*[a-z])(?=[A-Za-z0-9+/_]*[A-Z])[A-Za-z0-9+/_]{24,}={0,2}/g,
		REDACTED,
	],
];

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every known secret value and every secret-shaped fragment in `text`. */
export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
	let result = text;
	const known = [...secrets].filter((s) => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
	// Longest first, so a secret containing another is removed whole.
	for (const secret of known.sort((a, b) => b.length - a.length)) {
		result = result.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
	}
	for (const [shape, replacement] of SECRET_SHAPES) result = result.replace(shape, replacement);
	return result;
}

/** The secrets of one client: its configured credentials plus session tokens learned at run time. */
export interface SecretRegistry {
	add(secret: string | undefined): void;
	redact(text: string): string;
}

export function createSecretRegistry(initial: Array<string | undefined> = []): SecretRegistry {
	const secrets = new Set<string>();
	const add = (secret: string | undefined): void => {
		if (secret) secrets.add(secret);
	};
	initial.forEach(add);
	return { add, redact: (text) => redactSecrets(text, secrets) };
}

function redactProperty(target: object, key: string, redact: (text: string) => string): void {
	const value: unknown = Reflect.get(target, key);
	if (typeof value === 'string') {
		Object.defineProperty(target, key, {
			value: redact(value),
			writable: true,
			configurable: true,
			enumerable: Object.prototype.propertyIsEnumerable.call(target, key),
		});
	}
}

/** The last line of defence: no foreign error (an HTTP library's holds request headers) escapes. */
export function redactError(error: unknown, redact: (text: string) => string): RemoteItError {
	const safe = error instanceof RemoteItError ? error : wrapForeignError(error, redact);
	const seen = new Set<unknown>();
	let current: unknown = safe;
	while (current instanceof Error && !seen.has(current)) {
		seen.add(current);
		for (const key of Object.getOwnPropertyNames(current)) redactProperty(current, key, redact);
		current = current.cause;
	}
	return safe;
}

function wrapForeignError(error: unknown, redact: (text: string) => string): RemoteItError {
	const message = error instanceof Error ? error.message : String(error);
	const summary = new Error(redact(message));
	summary.name = error instanceof Error ? error.name : 'Error';
	return new RemoteItError(
		`Unexpected failure in the remote.it client: ${redact(message)}`,
		'API_ERROR',
		{ cause: summary },
	);
}
