/**
 * remoteit-events: the Node-RED twin of the n8n remote.it Trigger. It polls the account's event log
 * (client/account/event-watch.ts) and sends one message per matching event, oldest first: msg.topic is the event kind,
 * msg.payload the event. Its place in the log lives in the node's context, in the store the user configured, so a
 * redeploy (and, with a persistent store, a restart) emits nothing twice and skips nothing.
 */
import {
	isEventKind,
	isWholeNumberIn,
	pollEvents,
	readCursor,
	RemoteItValidationError,
	storedCursor,
	type EventFilter,
	type StoredCursor,
} from '../../client';
import { runLater } from '../../client/transport';
import { accountClient, showAccountProblem } from './lib/account-node';
import { tagFilterFrom } from './lib/device-tags';
import { asError } from './lib/input-handler';
import { defaultStoreIsPersistent, readContext, writeContext } from './lib/node-context';
import { failureStatus } from './lib/node-status';
import type { NodeDefinition, NodeRedRuntime, NodeStatus, RuntimeNode } from './lib/node-red-api';

/** Seconds between polls: the default, and the bounds the dialog and the runtime accept (docs/design.md). */
const DEFAULT_POLL_SECONDS = 60;
const MIN_POLL_SECONDS = 10;
const MAX_POLL_SECONDS = 86_400;

const CURSOR_KEY = 'remoteitEventCursor';

interface EventsDefinition extends NodeDefinition {
	account?: string;
	/** Flow JSON is hand-editable: any type may arrive, and each setting is checked before any request. */
	event?: unknown;
	deviceNameContains?: unknown;
	/** As the devices node's: a TypedInput (a JSON list, or a flow or global property holding one) and any/all. */
	tags?: string;
	tagsType?: string;
	tagMatch?: unknown;
	/** Seconds between polls; the editor saves the text of its field. */
	interval?: unknown;
}

interface EventsSettings {
	filter: EventFilter;
	intervalMs: number;
}

export = function registerRemoteItEvents(RED: NodeRedRuntime): void {
	/**
	 * Each node's cursor in this process as well: without a `contextStorage` setting Node-RED deletes a node's
	 * context whenever the node stops, so a redeploy would otherwise start again from "now".
	 */
	const cursorsInProcess = new Map<string, StoredCursor>();

	function RemoteItEventsNode(this: RuntimeNode, definition: EventsDefinition): void {
		RED.nodes.createNode(this, definition);
		const persistent = defaultStoreIsPersistent(RED.settings.contextStorage);
		let closed = false;
		let cancelNextPoll: (() => void) | undefined;
		let polling: Promise<void> | undefined;

		const show = (status: NodeStatus): void => {
			if (!closed) this.status(status);
		};
		const watching = (text: string): NodeStatus =>
			// A ring says the place in the log is kept in memory only (help: "After a restart").
			({ fill: 'green', shape: persistent ? 'dot' : 'ring', text });
		const time = (iso: string | null): string =>
			(iso ? new Date(iso) : new Date()).toTimeString().slice(0, 8);

		let settings: EventsSettings;
		try {
			settings = settingsFrom(RED, definition);
		} catch (thrown: unknown) {
			const error = asError(thrown);
			show(failureStatus(RED, error));
			// Once the flow has started, so that a Catch node is there to receive it.
			const report = (): void => this.error(error, { topic: 'configuration' });
			RED.events.once('flows:started', report);
			this.on('close', (_removed, done) => {
				RED.events.removeListener('flows:started', report);
				done();
			});
			return;
		}
		const { filter, intervalMs } = settings;
		showAccountProblem(RED, this, definition.account);

		/** The green status's text: where watching started, then what the last poll that found events sent. */
		let summary = '';
		const pollOnce = async (): Promise<void> => {
			const context = this.context();
			// Each poll, as the devices node reads them: a flow or global property may change; bad tags send no request.
			const tags = await tagFilterFrom(RED, this, definition, {});
			const client = accountClient(RED, definition.account);
			const cursor = readCursor(
				cursorsInProcess.get(this.id) ?? (await readContext(context, CURSOR_KEY)),
				filter,
			);
			const poll = await pollEvents(client, tags ? { ...filter, tags } : filter, cursor);
			// Closed meanwhile (a redeploy): the stored cursor is unchanged, so the next instance sends these.
			if (closed) return;
			if (poll.overflowed) this.warn(RED._('remoteit-events.warn.overflowed'));
			// Stored before sending: a restart after this point must not send them again.
			const stored = storedCursor(poll.cursor);
			cursorsInProcess.set(this.id, stored);
			await writeContext(context, CURSOR_KEY, stored);
			for (const item of poll.items) this.send({ topic: filter.kind, payload: item });
			if (poll.items.length > 0)
				summary = RED._('remoteit-events.status.sent', {
					count: poll.items.length,
					time: time(null),
				});
			else if (poll.started)
				summary = RED._(`remoteit-events.status.${persistent ? 'watching' : 'watchingInMemory'}`, {
					time: time(null),
				});
			else if (!summary)
				summary = RED._('remoteit-events.status.resumed', { time: time(poll.cursor.timestamp) });
			show(watching(summary));
		};

		const run = (): void => {
			polling = pollOnce()
				.catch((thrown: unknown) => {
					if (closed) return;
					const error = asError(thrown);
					show(failureStatus(RED, error));
					// The stored cursor did not move: the next poll asks for the same events again.
					this.error(error, { topic: filter.kind });
				})
				.finally(() => {
					polling = undefined;
					if (!closed) cancelNextPoll = runLater(intervalMs, run);
				});
		};

		show({ fill: 'blue', shape: 'ring', text: RED._('remoteit-events.status.starting') });
		// The first poll once the whole flow runs, so that a Catch node hears about a failure.
		RED.events.once('flows:started', run);

		this.on('close', (removed, done) => {
			closed = true;
			if (removed) cursorsInProcess.delete(this.id);
			RED.events.removeListener('flows:started', run);
			cancelNextPoll?.();
			this.status({});
			void (polling ?? Promise.resolve()).then(() => done());
		});
	}

	RED.nodes.registerType('remoteit-events', RemoteItEventsNode);
};

/** The dialog's settings; flow JSON is hand-editable, so each is checked and named as the dialog shows it. */
function settingsFrom(RED: NodeRedRuntime, definition: EventsDefinition): EventsSettings {
	const kind = definition.event ?? 'deviceOffline';
	if (!isEventKind(kind)) {
		throw new RemoteItValidationError('event', RED._('remoteit-events.errors.event'));
	}
	const nameContains = definition.deviceNameContains ?? '';
	if (typeof nameContains !== 'string') {
		throw new RemoteItValidationError(
			'deviceNameContains',
			RED._('remoteit-events.errors.deviceNameContains'),
		);
	}
	return {
		filter: { kind, deviceNameContains: nameContains.trim() },
		intervalMs: intervalSecondsFrom(RED, definition.interval) * 1000,
	};
}

function intervalSecondsFrom(RED: NodeRedRuntime, value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_POLL_SECONDS;
	const seconds =
		typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')
			? Number(value)
			: Number.NaN;
	if (!isWholeNumberIn(seconds, MIN_POLL_SECONDS, MAX_POLL_SECONDS)) {
		throw new RemoteItValidationError(
			'interval',
			RED._('remoteit-events.errors.interval', { min: MIN_POLL_SECONDS, max: MAX_POLL_SECONDS }),
		);
	}
	return seconds;
}
