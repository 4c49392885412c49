import type { RemoteItEvent, RemoteItEventType } from '../../client';

/** What the "Event" parameter offers, and which remote.it events each choice starts the workflow on. */
export interface EventSelection {
	name: string;
	value: string;
	/** The label in n8n's node panel; without it n8n makes "On <name in lower case>" ("On device state changed any"). */
	action: string;
	description: string;
	/** The event kinds to ask remote.it for (contract section 3). */
	types: RemoteItEventType[];
	matches(event: RemoteItEvent): boolean;
}

export const EVENT_SELECTIONS: EventSelection[] = [
	{
		name: 'Device Went Offline',
		value: 'deviceOffline',
		action: 'When a device goes offline',
		description: 'A device stopped reporting to remote.it',
		types: ['DEVICE_STATE'],
		matches: (event) => event.state === 'inactive',
	},
	{
		name: 'Device Came Online',
		value: 'deviceOnline',
		action: 'When a device comes online',
		description: 'A device started reporting to remote.it again',
		types: ['DEVICE_STATE'],
		matches: (event) => event.state === 'active',
	},
	{
		name: 'Device Went Offline or Came Online',
		value: 'deviceStateChanged',
		action: 'When a device goes offline or comes online',
		description: 'A device went offline or came online',
		types: ['DEVICE_STATE'],
		matches: () => true,
	},
	{
		name: 'Connection Opened',
		value: 'connectionOpened',
		action: 'When a connection is opened',
		description: 'Someone on the account opened a proxy connection to a service',
		types: ['DEVICE_CONNECT'],
		matches: (event) => event.state === 'connected',
	},
];

export function eventSelectionFor(value: string): EventSelection | undefined {
	return EVENT_SELECTIONS.find((selection) => selection.value === value);
}
