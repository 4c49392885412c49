import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { remoteItApiTest } from '../shared/credentialTest';
import { TRIGGER_DESCRIPTION } from '../shared/panelDescriptions';
import { tagMatchParameter, tagsParameter } from '../shared/tagParameters';
import { EVENT_SELECTIONS, TRIGGER_SUBTITLE } from './eventSelection';
import { pollEvents } from './pollEvents';

/** Starts workflows from remote.it's event log (GraphQL `events`, docs/remoteit-api.md §3), which it polls. */
export class RemoteItTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'remote.it Trigger',
		name: 'remoteItTrigger',
		icon: { light: 'file:../../icons/remoteit.svg', dark: 'file:../../icons/remoteit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: TRIGGER_SUBTITLE,
		description: TRIGGER_DESCRIPTION,
		documentationUrl: 'https://github.com/remoteit/n8n-nodes-remoteit#remoteit-trigger',
		defaults: { name: 'remote.it Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'remoteItApi', required: true, testedBy: 'remoteItApiTest' }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'deviceOffline',
				options: EVENT_SELECTIONS.map(({ name, value, action, description }) => ({
					name,
					value,
					action,
					description,
				})),
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Device Name Contains',
						name: 'deviceNameContains',
						type: 'string',
						default: '',
						placeholder: 'gateway',
						description: 'Only events of devices whose name contains this text (case-insensitive)',
					},
					tagsParameter(
						'Only events of devices carrying these tags when the event is read (names as in remote.it, case counts)',
					),
					tagMatchParameter,
				],
			},
		],
	};

	methods = {
		credentialTest: { remoteItApiTest },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollEvents.call(this);
	}
}
