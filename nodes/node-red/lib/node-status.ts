/**
 * The status every remote.it node shows under itself: blue while working, green with a short summary on
 * success, red with the kind of failure. Texts stay short because the editor truncates long status text.
 */
import { isRemoteItError } from '../../../client';
import type { NodeRedRuntime, NodeStatus } from './node-red-api';
import { sharedText } from './texts';

const MAX_STATUS_LENGTH = 40;

export function workingStatus(text: string): NodeStatus {
	return { fill: 'blue', shape: 'dot', text };
}

export function successStatus(text: string): NodeStatus {
	return { fill: 'green', shape: 'dot', text: shorten(text) };
}

/** The kind of failure for the client's errors (remoteit-config.json `shared.failure`), else the error's own message. */
export function failureStatus(RED: NodeRedRuntime, error: Error): NodeStatus {
	const text = isRemoteItError(error)
		? sharedText(RED, `failure.${error.code}`)
		: error.message || sharedText(RED, 'failure.other');
	return { fill: 'red', shape: 'ring', text: shorten(text) };
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
