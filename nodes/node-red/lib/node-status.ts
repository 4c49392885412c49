/**
 * The status every remote.it node shows under itself: blue while working, green with a short summary on
 * success, red with the kind of failure. Texts stay short because the editor truncates long status text.
 */
import { isRemoteItError, type RemoteItErrorCode } from '../../../client';
import type { NodeStatus } from './node-red-api';

const FAILURE_LABELS: Record<RemoteItErrorCode, string> = {
	VALIDATION: 'invalid input',
	AUTH: 'authentication failed',
	MFA: 'two-factor account: use an access key',
	NOT_FOUND: 'not found',
	DEVICE_OFFLINE: 'device offline',
	RATE_LIMITED: 'rate limited by remote.it',
	UNAVAILABLE: 'remote.it unavailable',
	TIMEOUT: 'timed out',
	API_ERROR: 'remote.it error',
};

const MAX_STATUS_LENGTH = 40;

export function workingStatus(text: string): NodeStatus {
	return { fill: 'blue', shape: 'dot', text };
}

export function successStatus(text: string): NodeStatus {
	return { fill: 'green', shape: 'dot', text: shorten(text) };
}

export function failureStatus(error: Error): NodeStatus {
	const text = isRemoteItError(error) ? FAILURE_LABELS[error.code] : error.message;
	return { fill: 'red', shape: 'ring', text: shorten(text || 'failed') };
}

export function configurationStatus(text: string): NodeStatus {
	return { fill: 'red', shape: 'ring', text: shorten(text) };
}

function shorten(text: string): string {
	const firstLine = text.split('\n', 1)[0] ?? '';
	return firstLine.length <= MAX_STATUS_LENGTH
		? firstLine
		: `${firstLine.slice(0, MAX_STATUS_LENGTH - 1)}…`;
}
