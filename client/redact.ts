/**
 * The one place secrets are scrubbed. Every text that can reach an error, a log line or an output passes through
 * `redactSecrets` (docs/design.md, "Conventions"): known secret values are replaced, and so are the shapes secrets take
 * on the wire (an Authorization header, a `token`/`password`/`developerkey` field), in case a value was not known.
 */
import { RemoteItError } from './errors';

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
	// Shapes a secret takes with no name in front, as remote.it may echo one back in a reason
	// (docs/design.md, "Conventions").
	[/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
	[/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
	// Long opaque runs (24+): hex like session tokens (32 hex characters), or base64 in mixed case with digits like
	// secret keys (40). Dashes end a run and paths have no capitals, so ids, names and URLs stay readable.
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

/**
 * Last line of defence at the client's public boundary: scrubs a thrown error's message, stack, string fields and
 * `cause` chain in place. Anything that is not a RemoteItError (a bug) is wrapped in one, keeping only a scrubbed
 * summary, so no foreign object (for example an HTTP library error holding request headers) escapes.
 */
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
