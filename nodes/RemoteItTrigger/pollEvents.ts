import {
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
	NodeOperationError,
} from 'n8n-workflow';

import { MAX_PAGE_SIZE, type Device, type RemoteItClient, type RemoteItEvent } from '../../client';
import { toNodeError } from '../shared/errors';
import { createClientForExecution } from '../shared/transport';
import {
	advanceCursor,
	cursorAtNewest,
	isAfterCursor,
	readCursor,
	writeCursor,
} from './eventCursor';
import { eventSelectionFor, type EventSelection } from './eventSelection';

/** Events read per poll: one remote.it page at most (docs/remoteit-api.md §3). */
export const EVENTS_PER_POLL = MAX_PAGE_SIZE;
/** How far back "Fetch Test Event" looks for the latest matching event. */
const TEST_EVENT_WINDOW = 100;

interface TriggerFilters {
	deviceNameContains?: string;
}

/** A connection event names the service; the device is found in one device listing per poll, when needed. */
type DeviceOfService = Map<string, Device>;

/**
 * One poll: events after the stored cursor, matching the chosen event and filter, oldest first, one item each.
 * The first poll after activation only places the cursor at remote.it's newest event; a manual run ("Fetch Test
 * Event") returns the latest matching event and leaves the cursor alone.
 */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const selection = readSelection(this);
	const nameContains = (
		(this.getNodeParameter('filters', {}) as TriggerFilters).deviceNameContains ?? ''
	)
		.trim()
		.toLowerCase();
	try {
		const client = await createClientForExecution(this);
		const events =
			this.getMode() === 'manual'
				? await latestMatching(client, selection, nameContains)
				: await newMatching(this, client, selection, nameContains);
		return events.length === 0 ? null : [this.helpers.returnJsonArray(events)];
	} catch (error) {
		throw toNodeError(this, error, 0);
	}
}

function readSelection(context: IPollFunctions): EventSelection {
	const value = context.getNodeParameter('event') as string;
	const selection = eventSelectionFor(value);
	if (!selection)
		throw new NodeOperationError(
			context.getNode(),
			`Event: "${value}" is not an event this trigger knows`,
		);
	return selection;
}

async function latestMatching(
	client: RemoteItClient,
	selection: EventSelection,
	nameContains: string,
): Promise<IDataObject[]> {
	const events = await client.listEvents({ types: selection.types, size: TEST_EVENT_WINDOW });
	return (await outputItems(client, events.filter(selection.matches), nameContains)).slice(-1);
}

async function newMatching(
	context: IPollFunctions,
	client: RemoteItClient,
	selection: EventSelection,
	nameContains: string,
): Promise<IDataObject[]> {
	const staticData = context.getWorkflowStaticData('node');
	const types = selection.types.join(',');
	const cursor = readCursor(staticData, types);
	if (!cursor) {
		// Activation: remember where remote.it's log is now; only what happens from here on starts the workflow.
		writeCursor(
			staticData,
			cursorAtNewest(
				types,
				await client.listEvents({ types: selection.types, size: TEST_EVENT_WINDOW }),
			),
		);
		return [];
	}
	const listed = await client.listEvents({
		types: selection.types,
		minDate: cursor.timestamp ?? undefined,
		size: EVENTS_PER_POLL,
	});
	if (listed.length === EVENTS_PER_POLL) {
		context.logger.warn(
			`remote.it Trigger: more than ${EVENTS_PER_POLL} events since the last poll; older ones are skipped`,
		);
	}
	const fresh = listed.filter((event) => isAfterCursor(cursor, event));
	const items = await outputItems(client, fresh.filter(selection.matches), nameContains);
	// Written only once everything above succeeded: a failed poll is retried from the same place next time.
	writeCursor(staticData, advanceCursor(cursor, fresh));
	return items;
}

/** Output items, oldest first, for events (newest first) whose device name contains `nameContains`. */
async function outputItems(
	client: RemoteItClient,
	events: RemoteItEvent[],
	nameContains: string,
): Promise<IDataObject[]> {
	if (events.length === 0) return [];
	const devices = events.some((e) => e.type === 'DEVICE_CONNECT')
		? await devicesByService(client)
		: new Map();
	return events
		.map((event) => toOutputItem(event, devices))
		.filter((item) =>
			String(item.deviceName ?? '')
				.toLowerCase()
				.includes(nameContains),
		)
		.reverse();
}

async function devicesByService(client: RemoteItClient): Promise<DeviceOfService> {
	const devices = await client.listDevices({ returnAll: true });
	return new Map(
		devices.flatMap((device) =>
			device.services.map((service) => [service.id.toUpperCase(), device] as const),
		),
	);
}

/** `{ id, type, state, online, timestamp, deviceId, deviceName }`; connection events add the service. */
export function toOutputItem(event: RemoteItEvent, devices: DeviceOfService): IDataObject {
	const base = { id: event.id, type: event.type, state: event.state, timestamp: event.timestamp };
	if (event.type !== 'DEVICE_CONNECT') {
		return {
			...base,
			online: event.state === 'active',
			deviceId: event.target?.id ?? null,
			deviceName: event.target?.name ?? null,
		};
	}
	const device = event.target ? devices.get(event.target.id) : undefined;
	return {
		...base,
		// remote.it opens connections only to online devices.
		online: event.state === 'connected' ? true : (device?.online ?? null),
		deviceId: device?.id ?? null,
		deviceName: device?.name ?? null,
		serviceId: event.target?.id ?? null,
		serviceName: event.target?.name ?? null,
	};
}
