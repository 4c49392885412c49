/**
 * Input checks that run before any request. Every failure is a RemoteItValidationError naming the field; no
 * message ever repeats a secret value. Untrusted input may be anything (workflow expressions, msg properties),
 * so every function accepts `unknown`.
 */
import { RemoteItValidationError } from './errors';
import type { AccessMode, ApiChoice, ProxyType, RemoteItAuth, RetryPolicy } from './types';

export const LIMITS = {
	id: 100,
	name: 255,
	serviceReference: 512,
	cursor: 64,
	secret: 1024,
	apiUrl: 2048,
} as const;

const SERVICE_ID = /^[0-9A-F]{2}(?::[0-9A-F]{2}){7}$/;
/** Control characters would break a header or a log line. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const CONNECTION_ID = /^[A-Za-z0-9._:-]+$/;

/** A string of bounded length, trimmed unless `keepSpaces` (passwords). `label` is what the message calls it. */
export function requireText(
	field: string,
	value: unknown,
	maxLength: number,
	label = field,
	keepSpaces = false,
): string {
	if (typeof value !== 'string') throw new RemoteItValidationError(field, `${label} must be text.`);
	const text = keepSpaces ? value : value.trim();
	if (text.length === 0) throw new RemoteItValidationError(field, `${label} is required.`);
	if (text.length > maxLength) {
		throw new RemoteItValidationError(
			field,
			`${label} is too long (at most ${maxLength} characters).`,
		);
	}
	if (CONTROL_CHARS.test(text)) {
		throw new RemoteItValidationError(field, `${label} contains control characters.`);
	}
	return text;
}

export function isServiceIdShape(value: string): boolean {
	return SERVICE_ID.test(value.trim().toUpperCase());
}

/** Service and device ids: 8 colon-separated hex octets; spaces and lower case are accepted and normalised. */
export function normaliseServiceId(value: unknown, field = 'serviceId'): string {
	const text = requireText(field, value, LIMITS.id, 'The service id');
	const id = text.toUpperCase();
	if (!SERVICE_ID.test(id)) {
		throw new RemoteItValidationError(
			field,
			`"${text}" is not a remote.it id: expected 8 colon-separated hex octets like 80:00:00:00:01:00:00:02.`,
		);
	}
	return id;
}

export function isIpv4(value: string): boolean {
	const parts = value.split('.');
	return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function normaliseConnectionId(value: unknown): string {
	const text = requireText('connectionId', value, LIMITS.id, 'The connection id');
	if (!CONNECTION_ID.test(text)) {
		throw new RemoteItValidationError(
			'connectionId',
			'The connection id may only hold letters, digits, "-", "." and ":".',
		);
	}
	return text;
}

export function oneOf<T extends string>(
	field: string,
	value: unknown,
	allowed: readonly T[],
	fallback: T,
): T {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw new RemoteItValidationError(field, `${field} must be one of: ${allowed.join(', ')}.`);
}

export const accessModeOf = (v: unknown, fallback: AccessMode): AccessMode =>
	oneOf<AccessMode>('accessMode', v, ['latching', 'public', 'restricted'], fallback);
export const proxyTypeOf = (v: unknown): ProxyType =>
	oneOf<ProxyType>('proxyType', v, ['auto', 'port', 'reverse'], 'auto');
export const apiChoiceOf = (v: unknown): ApiChoice =>
	oneOf<ApiChoice>('api', v, ['auto', 'graphql', 'rest'], 'auto');
export const deviceStateOf = (v: unknown): 'active' | 'inactive' | undefined =>
	v === undefined || v === null || v === ''
		? undefined
		: oneOf<'active' | 'inactive'>('state', v, ['active', 'inactive'], 'active');

/** hostip/hostIP values of the three modes (docs/remoteit-api.md §5). */
const MODE_HOST_IP: Record<Exclude<AccessMode, 'restricted'>, string> = {
	latching: '255.255.255.255',
	public: '0.0.0.0',
};

/**
 * Resolves the access mode and the hostIp remote.it expects. A hostIp alone implies restricted; for latching and
 * public a leftover hostIp (e.g. a hidden form field) is ignored rather than sent.
 */
export function resolveAccessMode(
	accessMode: unknown,
	hostIp: unknown,
): { accessMode: AccessMode; hostIp: string } {
	const givenIp = typeof hostIp === 'string' ? hostIp.trim() : hostIp;
	const hasIp = givenIp !== undefined && givenIp !== null && givenIp !== '';
	const mode = accessModeOf(accessMode, hasIp ? 'restricted' : 'latching');
	if (mode !== 'restricted') return { accessMode: mode, hostIp: MODE_HOST_IP[mode] };
	if (!hasIp) {
		throw new RemoteItValidationError(
			'hostIp',
			'Restricted access needs hostIp: the public IPv4 address allowed to use the proxy.',
		);
	}
	if (typeof givenIp !== 'string' || !isIpv4(givenIp)) {
		throw new RemoteItValidationError('hostIp', 'hostIp must be an IPv4 address like 203.0.113.7.');
	}
	if (givenIp === MODE_HOST_IP.latching || givenIp === MODE_HOST_IP.public) {
		throw new RemoteItValidationError(
			'hostIp',
			`${givenIp} is not a single address; choose accessMode "${givenIp === '0.0.0.0' ? 'public' : 'latching'}" instead.`,
		);
	}
	return { accessMode: 'restricted', hostIp: givenIp };
}

/** The one test for "a whole number from `min` to `max`", in the client and both shells. */
export function isWholeNumberIn(value: unknown, min: number, max: number): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * `value` when it is a whole number from `min` to `max`; `fallback` when it is absent (undefined or null) and a
 * fallback is given; otherwise a validation error naming `field` (and `unit`, as in "of milliseconds").
 */
export function wholeNumberOf(
	field: string,
	value: unknown,
	range: { min: number; max: number; fallback?: number; unit?: string },
): number {
	if ((value === undefined || value === null) && range.fallback !== undefined)
		return range.fallback;
	if (isWholeNumberIn(value, range.min, range.max)) return value;
	throw new RemoteItValidationError(
		field,
		`${field} must be a whole number${range.unit ? ` of ${range.unit}` : ''} from ${range.min} to ${range.max}.`,
	);
}

/** Page sizes: remote.it serves at most MAX_PAGE_SIZE per page (docs/remoteit-api.md §3). */
export function normaliseLimit(value: unknown, fallback = DEFAULT_DEVICE_LIMIT): number {
	if (value === '') return fallback;
	return wholeNumberOf('limit', value, { min: 1, max: MAX_PAGE_SIZE, fallback });
}

export function optionalText(field: string, value: unknown, maxLength: number): string | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	return requireText(field, value, maxLength);
}

/** remote.it's own API (docs/remoteit-api.md §1), used when no API URL is given. */
export const DEFAULT_API_URL = 'https://api.remote.it';

/** http:// is only for a local emulator; anything reachable over a network must be https:// (secrets travel). */
export function normaliseApiUrl(value: unknown): string {
	const text = requireText('apiUrl', value ?? DEFAULT_API_URL, LIMITS.apiUrl, 'The API URL');
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new RemoteItValidationError(
			'apiUrl',
			'The API URL is not a valid URL (expected e.g. https://api.remote.it).',
		);
	}
	if (url.username || url.password)
		throw new RemoteItValidationError('apiUrl', 'The API URL must not contain credentials.');
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new RemoteItValidationError(
			'apiUrl',
			'Plain http:// is only allowed for a loopback API URL (127.0.0.1, ::1, localhost); use https://.',
		);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new RemoteItValidationError('apiUrl', 'The API URL must start with https://.');
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host === '::1') return true;
	return isIpv4(host) && host.startsWith('127.');
}

export function normaliseRetryPolicy(value: unknown): RetryPolicy {
	if (value === undefined || value === null)
		return { attempts: 3, baseDelayMs: 500, maxDelayMs: 10000 };
	if (typeof value !== 'object')
		throw new RemoteItValidationError(
			'retry',
			'retry must be { attempts, baseDelayMs, maxDelayMs }.',
		);
	const { attempts, baseDelayMs, maxDelayMs } = value as Record<string, unknown>;
	if (!isWholeNumberIn(attempts, 1, 10))
		throw new RemoteItValidationError(
			'retry',
			'retry.attempts must be a whole number from 1 to 10.',
		);
	if (!isWholeNumberIn(baseDelayMs, 0, 60000) || !isWholeNumberIn(maxDelayMs, 0, 300000)) {
		throw new RemoteItValidationError(
			'retry',
			'retry delays must be whole milliseconds (base ≤ 60000, max ≤ 300000).',
		);
	}
	return { attempts, baseDelayMs, maxDelayMs };
}

/** Every request's timeout when none is given, and the most it may be (both shells' Timeout fields too). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const MAX_REQUEST_TIMEOUT_MS = 600_000;

export function normaliseTimeout(value: unknown): number {
	return wholeNumberOf('timeoutMs', value, {
		min: 1,
		max: MAX_REQUEST_TIMEOUT_MS,
		fallback: DEFAULT_REQUEST_TIMEOUT_MS,
		unit: 'milliseconds',
	});
}

/** Checks credentials are present and well-formed. Messages name the field, never its value. */
export function normaliseAuth(value: unknown): RemoteItAuth {
	if (typeof value !== 'object' || value === null) {
		throw new RemoteItValidationError(
			'auth',
			'auth is required: access keys, developer key + password, or developer key + token.',
		);
	}
	const auth = value as Record<string, unknown>;
	const secret = (field: string, label: string): string =>
		requireText(field, auth[field], LIMITS.secret, label);
	switch (auth.type) {
		case 'accessKey': {
			const secretAccessKey = secret('secretAccessKey', 'The secret access key');
			if (!BASE64.test(secretAccessKey)) {
				throw new RemoteItValidationError(
					'secretAccessKey',
					'The secret access key must be the base64 text remote.it showed when the key was created.',
				);
			}
			const developerKey = optionalText('developerKey', auth.developerKey, LIMITS.secret);
			return {
				type: 'accessKey',
				accessKeyId: secret('accessKeyId', 'The access key id'),
				secretAccessKey,
				...(developerKey ? { developerKey } : {}),
			};
		}
		case 'password':
			return {
				type: 'password',
				developerKey: secret('developerKey', 'The developer key'),
				username: secret('username', 'The username (account email)'),
				password: requireText('password', auth.password, LIMITS.secret, 'The password', true),
			};
		case 'token':
			return {
				type: 'token',
				developerKey: secret('developerKey', 'The developer key'),
				token: secret('token', 'The session token'),
			};
		default:
			throw new RemoteItValidationError(
				'auth',
				'auth.type must be "accessKey", "password" or "token".',
			);
	}
}

/** Page sizes and default counts, for the client and both shells: one home for each number. */
/** remote.it serves at most 1000 entries a page, devices and events alike (docs/remoteit-api.md §3). */
export const MAX_PAGE_SIZE = 1000;

/** Devices a "Get Many" returns when no limit is given (the n8n Limit field's default, Node-RED's empty Limit). */
export const DEFAULT_DEVICE_LIMIT = 50;

/** Devices per service-picker page: enough to fill a dropdown, small enough to answer fast. */
export const PICKER_PAGE_SIZE = 50;

/** Events `listEvents` returns when no size is given. */
export const DEFAULT_EVENT_COUNT = 100;
