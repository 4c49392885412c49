import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	updateDisplayOptions,
} from 'n8n-workflow';

import {
	LABELLED_BY_SHELL,
	tagFilterOf,
	type ListDevicesOptions,
	type RemoteItClient,
} from '../../../../client';
import { parameterError } from '../../../shared/errors';
import { tagMatchParameter, tagsParameter } from '../../../shared/tagParameters';
import { operationOptions, returnAllAndLimit, toolDescription } from '../common/descriptions';
import { describeType, readPaging } from '../common/parameters';

const displayOptions = { show: { resource: ['device'], operation: ['getAll'] } };

/** The Operation option's description, and what an agent reads about it as a tool. */
export const summary =
	'List devices with their state (online or not), services and tags, optionally filtered by name, status or tags. A service\'s ID, or "device name/service name", is what Connect needs.';

const properties: INodeProperties[] = [
	toolDescription(summary),
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				placeholder: 'gateway',
				description: 'Only devices whose name contains this text (case-insensitive)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'online',
				description: 'Only devices that are online, or only those that are offline',
				options: [
					{ name: 'Online', value: 'online' },
					{ name: 'Offline', value: 'offline' },
				],
			},
			tagsParameter('Only devices carrying these tags (names as in remote.it, case counts)'),
			tagMatchParameter,
		],
	},
	operationOptions,
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Status as the editor offers it, and remote.it's device state for each (docs/remoteit-api.md §3). */
const STATES: Record<string, 'active' | 'inactive'> = { online: 'active', offline: 'inactive' };

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { returnAll, limit } = readPaging(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as Record<string, unknown>;
	const options: ListDevicesOptions = returnAll ? { returnAll } : { limit };
	const { nameContains, status } = filters;
	if (nameContains !== undefined && nameContains !== null && typeof nameContains !== 'string') {
		throw parameterError(
			this,
			'Name Contains',
			`must be text, not ${describeType(nameContains)}`,
			itemIndex,
		);
	}
	const name = nameContains?.trim();
	if (name) options.name = name;
	if (status !== undefined && status !== null && status !== '') {
		// An expression may well say "Online": case does not matter, anything else is refused rather than guessed.
		const state = typeof status === 'string' ? STATES[status.trim().toLowerCase()] : undefined;
		if (!state)
			throw parameterError(
				this,
				'Status',
				`must be "online" or "offline", not ${typeof status === 'string' ? JSON.stringify(status.slice(0, 40)) : describeType(status)}`,
				itemIndex,
			);
		options.state = state;
	}
	const tags = tagFilterOf(filters.tags, filters.tagMatch, LABELLED_BY_SHELL);
	if (tags) Object.assign(options, { tags: tags.tags, tagOperator: tags.operator });
	const devices = await client.listDevices(options);
	return devices.map((device) => ({ ...device }) as unknown as IDataObject);
}
