import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as connection from './actions/connection/Connection.resource';
import * as device from './actions/device/Device.resource';
import { remoteItApiTest } from '../shared/credentialTest';
import { NODE_DESCRIPTION } from '../shared/panelDescriptions';
import { router } from './actions/router';
import { searchDevices, searchServices } from './methods/listSearch';

export class RemoteIt implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'remote.it',
		name: 'remoteIt',
		icon: { light: 'file:../../icons/remoteit.svg', dark: 'file:../../icons/remoteit.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		// The service or device the node targets ("factory-gateway / SSH"), else "operation: resource". The target
		// alone: the canvas cuts subtitles at about 28 characters, and n8n names a node after the action picked
		// ("Connect to a service"). `$parameter.service` is a resource locator's bare value (an id), so a name picked
		// From List comes from the stored locator ($parameter.toJSON(), its cachedResultName), without the
		// "(offline)" the picker added. A literal here: n8n's package scanner looks for one.
		subtitle:
			'={{ (l => l && l.mode === "list" && l.cachedResultName ? l.cachedResultName.replace(/ \\(offline\\)$/, "") : "")($parameter.toJSON().service || $parameter.toJSON().device) || $parameter["service"] || $parameter["device"] || $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: NODE_DESCRIPTION,
		documentationUrl: 'https://github.com/remoteit/n8n-nodes-remoteit#using-it-in-n8n',
		defaults: { name: 'remote.it' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'remoteItApi', required: true, testedBy: 'remoteItApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Connection', value: 'connection' },
					{ name: 'Device', value: 'device' },
				],
				default: 'connection',
			},
			...connection.description,
			...device.description,
		],
	};

	methods = {
		listSearch: { searchServices, searchDevices },
		credentialTest: { remoteItApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
