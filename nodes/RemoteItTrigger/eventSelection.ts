import type { RemoteItEvent, RemoteItEventType } from '../../client/core';

/** What the "Event" parameter offers, and which remote.it events each choice starts the workflow on. */
export interface EventSelection {
	name: string;
	value: string;
	description: string;
	/** The event kinds to ask remote.it for (docs/remoteit-api.md §3). */
	types: RemoteItEventType[];
	matches(event: RemoteItEvent): boolean;
}

export const EVENT_SELECTIONS: EventSelection[] = [
	{
		name: 'Device Went Offline',
		value: 'deviceOffline',
		description: 'A device stopped reporting to remote.it',
		types: ['DEVICE_STATE'],
		matches: (event) => event.state === 'inactive',
	},
	{
		name: 'Device Came Online',
		value: 'deviceOnline',
		description: 'A device started reporting to remote.it again',
		types: ['DEVICE_STATE'],
		matches: (event) => event.state === 'active',
	},
	{
		name: 'Device State Changed (Any)',
		value: 'deviceStateChanged',
		description: 'A device went offline or came online',
		types: ['DEVICE_STATE'],
		matches: () => true,
	},
	{
		name: 'Connection Opened',
		value: 'connectionOpened',
		description: 'Someone on the account opened a proxy connection to a service',
		types: ['DEVICE_CONNECT'],
		matches: (event) => event.state === 'connected',
	},
];

export function eventSelectionFor(value: string): EventSelection | undefined {
	return EVENT_SELECTIONS.find((selection) => selection.value === value);
}
