/**
 * The one input loop every remote.it node shares, shaped like the core http request node: status blue
 * while working, `send` then `done()` on success, `done(error)` on failure so Catch nodes receive the
 * client's message, status red. Nothing a message carries can throw past this function.
 */
import { isPlainObject } from '../../../client';
import { failureStatus, successStatus, workingStatus } from './node-status';
import type { NodeMessage, NodeRedRuntime, RuntimeNode, SendMessages } from './node-red-api';
import { sharedText } from './texts';

/** Does the node's work for one message, sends the result, and returns a short text for the green status. */
export type ProcessMessage = (msg: NodeMessage, send: SendMessages) => Promise<string>;

/**
 * `cloneMessage` is Node-RED's (RED.util.cloneMessage): a Catch node receives a copy of the failed message, and a
 * message Node-RED cannot copy (too deeply nested, a property that throws) would otherwise never reach it.
 */
export function handleMessages(
	RED: NodeRedRuntime,
	node: RuntimeNode,
	workingText: string,
	processMessage: ProcessMessage,
	cloneMessage?: (msg: NodeMessage) => unknown,
): void {
	let closed = false;

	node.on('input', (msg, send, done) => {
		// Status events are keyed by node id: after a redeploy, a late answer for the old instance must not
		// paint the new one, so a closed node stops reporting status (the outcome still reaches done()).
		const showStatus = (status: Parameters<RuntimeNode['status']>[0]): void => {
			if (!closed) node.status(status);
		};
		showStatus(workingStatus(workingText));
		void (async () => {
			try {
				const summary = await processMessage(msg, send);
				showStatus(successStatus(summary));
				done();
			} catch (thrown: unknown) {
				const error = asError(thrown);
				showStatus(failureStatus(RED, error));
				if (cloneMessage) makeCopyable(RED, msg, cloneMessage);
				done(error);
			}
		})().catch((late: unknown) => node.error(asError(late)));
	});

	node.on('close', (_removed, done) => {
		closed = true;
		node.status({});
		done();
	});
}

/** Whatever was thrown, as an Error Node-RED can hand to Catch nodes (never by calling its toString). */
export function asError(thrown: unknown): Error {
	if (thrown instanceof Error) return thrown;
	if (typeof thrown === 'string' && thrown.length > 0) return new Error(thrown);
	// JSONata (a TypedInput type) throws plain objects with a message.
	const message = messageOf(thrown);
	return new Error(message || 'remote.it node failed with an unexpected error');
}

function messageOf(thrown: unknown): string | undefined {
	try {
		const message = isPlainObject(thrown) ? thrown.message : undefined;
		return typeof message === 'string' ? message : undefined;
	} catch {
		return undefined; // a hostile getter: fall back to the generic message
	}
}

/** Replaces, in place, each property of a failed message that Node-RED cannot copy with a note saying why. */
function makeCopyable(
	RED: NodeRedRuntime,
	msg: NodeMessage,
	cloneMessage: (msg: NodeMessage) => unknown,
): void {
	try {
		cloneMessage(msg);
		return;
	} catch {
		// Find the culprits below.
	}
	for (const key of Object.keys(msg)) {
		try {
			cloneMessage({ [key]: msg[key] });
		} catch (thrown: unknown) {
			const why =
				thrown instanceof RangeError
					? sharedText(RED, 'errors.nestedTooDeeply')
					: (messageOf(thrown) ?? sharedText(RED, 'errors.unreadable'));
			msg[key] = sharedText(RED, 'errors.notCopied', { property: key, why });
		}
	}
}
