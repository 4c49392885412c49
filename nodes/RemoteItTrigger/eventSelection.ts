import type { EventKind } from '../../client';

/** What the "Event" parameter offers; which remote.it events each kind means is client/account/event-watch.ts's `EVENT_KINDS`. */
export interface EventSelection {
	name: string;
	value: EventKind;
	/** The label in n8n's node panel; without it n8n makes "On <name in lower case>" ("On device state changed any"). */
	action: string;
	/** The canvas subtitle: short, as the canvas cuts subtitles at about 28 characters. */
	subtitle: string;
	description: string;
}

export const EVENT_SELECTIONS: EventSelection[] = [
	{
		name: 'Device Went Offline',
		value: 'deviceOffline',
		subtitle: 'device went offline',
		action: 'When a device goes offline',
		description: 'A device stopped reporting to remote.it',
	},
	{
		name: 'Device Came Online',
		value: 'deviceOnline',
		subtitle: 'device came online',
		action: 'When a device comes online',
		description: 'A device started reporting to remote.it again',
	},
	{
		name: 'Device Went Offline or Came Online',
		value: 'deviceStateChanged',
		subtitle: 'device offline or online',
		action: 'When a device goes offline or comes online',
		description: 'A device went offline or came online',
	},
	{
		name: 'Connection Opened',
		value: 'connectionOpened',
		subtitle: 'connection opened',
		action: 'When a connection is opened',
		description: 'Someone on the account opened a proxy connection to a service',
	},
];

export function eventSelectionFor(value: string): EventSelection | undefined {
	return EVENT_SELECTIONS.find((selection) => selection.value === value);
}

/** The canvas subtitle expression: the chosen event's short label (the raw value, such as "deviceOffline", reads badly). */
export const TRIGGER_SUBTITLE = `={{ (${JSON.stringify(
	Object.fromEntries(EVENT_SELECTIONS.map(({ value, subtitle }) => [value, subtitle])),
)})[$parameter["event"]] || $parameter["event"] }}`;
