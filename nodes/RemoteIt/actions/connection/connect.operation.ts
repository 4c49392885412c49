import {
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	updateDisplayOptions,
} from 'n8n-workflow';

import type { AccessMode, ProxyType, RemoteItClient } from '../../../../client';
import { DEFAULT_REACHABLE_TIMEOUT_MS, MAX_REACHABLE_TIMEOUT_MS } from '../../../../client';
import {
	askedAsTool,
	millisecondsTimeoutOption,
	parallelRequestsOption,
	serviceLocator,
	timeoutOption,
	toolDescription,
} from '../common/descriptions';
import { readLocator, readRequiredText, wholeNumber } from '../common/parameters';

const DEFAULT_REACHABLE_TIMEOUT_SECONDS = DEFAULT_REACHABLE_TIMEOUT_MS / 1000;
const MAX_REACHABLE_TIMEOUT_SECONDS = MAX_REACHABLE_TIMEOUT_MS / 1000;

const displayOptions = { show: { resource: ['connection'], operation: ['connect'] } };

/** The Operation option's description, and what an agent reads about Connect as a tool. */
export const summary =
	'Open a proxy connection to a device service (SSH, HTTP, a database, ...). Needs the service: its ID or "device name/service name". Returns host, port, url, id, serviceId and expiresAt. Close it with Disconnect when done.';

const properties: INodeProperties[] = [
	toolDescription(summary),
	...askedAsTool(
		serviceLocator(
			'The device service to open a proxy connection to, for example SSH or HTTP on one of your devices',
		),
		'service',
		'The service ID (like 80:00:00:00:01:00:00:02) or device name/service name (like factory-gateway/SSH)',
	),
	{
		displayName: 'Access Mode',
		name: 'accessMode',
		type: 'options',
		default: 'latching',
		description:
			'Who may use the proxy. Applies to port proxies; HTTP(S) reverse proxies are always public.',
		options: [
			{
				name: 'Latching',
				value: 'latching',
				description:
					'The first source IP that uses the proxy owns it. Can break behind CGNAT or a VPN, where the IP changes.',
			},
			{
				name: 'Public',
				value: 'public',
				description: 'Anyone who knows the host and port can connect until the proxy expires',
			},
			{
				name: 'Restricted to IP',
				value: 'restricted',
				description: 'Only the given public IPv4 address can connect',
			},
		],
	},
	{
		displayName: 'IP Address',
		name: 'hostIp',
		type: 'string',
		default: '',
		// Not `required`: n8n shows a field whose condition is an expression, so a required one would block
		// every Access Mode set by expression; Connect refuses an empty IP Address itself.
		placeholder: '203.0.113.7',
		description: 'The public IPv4 address allowed to use the proxy. Required for Restricted to IP.',
		displayOptions: { show: { accessMode: ['restricted'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Response',
				name: 'includeRawResponse',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the remote.it API answer the connection was built from under "raw"',
			},
			parallelRequestsOption,
			{
				displayName: 'Proxy Type',
				name: 'proxyType',
				type: 'options',
				default: 'auto',
				description: 'What kind of proxy remote.it opens',
				options: [
					{
						name: 'Auto',
						value: 'auto',
						description: 'Reverse proxy for HTTP(S) services, port proxy otherwise',
					},
					{
						name: 'Port',
						value: 'port',
						description: 'A host and port for any TCP client (SSH, databases, ...)',
					},
					{ name: 'Reverse', value: 'reverse', description: 'An https:// URL, for web services' },
				],
			},
			{
				displayName: 'Reachable Timeout (Seconds)',
				name: 'reachableTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_REACHABLE_TIMEOUT_SECONDS },
				default: DEFAULT_REACHABLE_TIMEOUT_SECONDS,
				description:
					'How long Wait Until Reachable tries before it gives up and closes the connection',
				displayOptions: { show: { waitUntilReachable: [true] } },
			},
			{
				displayName: 'Reuse Existing Connection',
				name: 'reuseExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether to return a live connection to the same service that this n8n opened and remote.it still lists, instead of opening a new proxy',
			},
			{
				displayName: 'Wait Until Reachable',
				name: 'waitUntilReachable',
				type: 'boolean',
				default: false,
				description:
					"Whether to try the new proxy until it accepts a connection (or the timeout passes, which closes it) before the next node runs. With Latching access the probe itself latches the proxy to this n8n's address, so only use it when this n8n also uses the connection.",
			},
			timeoutOption,
			millisecondsTimeoutOption,
		],
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

interface ConnectOptionsParameter {
	includeRawResponse?: boolean;
	proxyType?: ProxyType;
	reuseExisting?: boolean;
	waitUntilReachable?: boolean;
	reachableTimeout?: unknown;
}

export async function execute(
	this: IExecuteFunctions,
	client: RemoteItClient,
	itemIndex: number,
): Promise<IDataObject> {
	const service = readLocator(this, 'service', 'Service', itemIndex);
	// By Name is looked up; From List and By ID hold an id.
	const serviceId = await client.serviceIdOf(
		service.value,
		service.mode === 'name' ? 'name' : 'id',
	);
	const accessMode = this.getNodeParameter('accessMode', itemIndex, 'latching') as AccessMode;
	const hostIp =
		accessMode === 'restricted'
			? readRequiredText(this, 'hostIp', 'IP Address', itemIndex)
			: undefined;
	const options = this.getNodeParameter('options', itemIndex, {}) as ConnectOptionsParameter;
	const connection = await client.connect(serviceId, {
		accessMode,
		...(hostIp !== undefined ? { hostIp } : {}),
		proxyType: options.proxyType ?? 'auto',
		reuse: options.reuseExisting ?? false,
		includeRaw: options.includeRawResponse ?? false,
		waitUntilReachable: options.waitUntilReachable ?? false,
		...(options.waitUntilReachable
			? { reachableTimeoutMs: readReachableTimeoutMs(this, options, itemIndex) }
			: {}),
	});
	return { ...connection } as IDataObject;
}

function readReachableTimeoutMs(
	context: IExecuteFunctions,
	options: ConnectOptionsParameter,
	itemIndex: number,
): number {
	const seconds = options.reachableTimeout ?? DEFAULT_REACHABLE_TIMEOUT_SECONDS;
	const parameter = 'Reachable Timeout (Seconds)';
	return wholeNumber(context, seconds, parameter, MAX_REACHABLE_TIMEOUT_SECONDS, itemIndex) * 1000;
}
