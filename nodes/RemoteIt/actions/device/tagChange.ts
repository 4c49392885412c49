import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	updateDisplayOptions,
} from 'n8n-workflow';

import { LABELLED_BY_SHELL, tagNamesOf, type RemoteItClient } from '../../../../client';
import {
	DEVICE_AS_TOOL,
	askedAsTool,
	deviceLocator,
	operationOptions,
	toolDescription,
} from '../common/descriptions';
import { readLocator } from '../common/parameters';
import { tagsParameter } from '../../../shared/tagParameters';

const CHANGES = {
	addTags: {
		summary:
			'Add tags to a device; a tag the account does not have yet is made. Needs the device (its ID or name) and the tags. Returns deviceId and the tags added.',
		device: 'The device to tag',
		tags: 'The tags to add; a tag the account does not have yet is made (names as in remote.it, case counts)',
		toolTag: 'The tag to add, as named in remote.it (case counts)',
		outputKey: 'added',
	},
	removeTags: {
		summary:
			'Take tags off a device; the account keeps them. Needs the device (its ID or name) and the tags. Returns deviceId and the tags removed.',
		device: 'The device to take the tags off',
		tags: 'The tags to take off the device; the account keeps them',
		toolTag: 'The tag to take off, as named in remote.it (case counts)',
		outputKey: 'removed',
	},
} as const;

/** Add Tags and Remove Tags: one device per item, its id as remote.it's `serviceId` (docs/remoteit-api.md §3a). */
export function tagChangeOperation(operation: keyof typeof CHANGES): {
	summary: string;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: RemoteItClient, itemIndex: number): Promise<IDataObject>;
} {
	const change = CHANGES[operation];
	return {
		summary: change.summary,
		description: updateDisplayOptions({ show: { resource: ['device'], operation: [operation] } }, [
			toolDescription(change.summary),
			...askedAsTool(deviceLocator(change.device), 'device', DEVICE_AS_TOOL),
			// On the tool, one tag a call: $fromAI has no list type.
			...askedAsTool({ ...tagsParameter(change.tags), required: true }, 'tag', change.toolTag),
			operationOptions,
		]),
		async execute(this: IExecuteFunctions, client: RemoteItClient, itemIndex: number) {
			const device = readLocator(this, 'device', 'Device', itemIndex);
			const tags = tagNamesOf(this.getNodeParameter('tags', itemIndex, []), LABELLED_BY_SHELL.tags);
			// A name is looked up; From List and By ID hold an id, which the client checks without a request.
			const deviceId =
				device.mode === 'name' ? (await client.getDevice(device.value, 'name')).id : device.value;
			const done =
				operation === 'addTags'
					? await client.addTags(deviceId, tags)
					: await client.removeTags(deviceId, tags);
			return { deviceId: done.deviceIds[0], [change.outputKey]: done.tags };
		},
	};
}
