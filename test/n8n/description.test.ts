import {
	FROM_AI_AUTO_GENERATED_MARKER,
	NodeHelpers,
	Workflow,
	traverseNodeParameters,
	type FromAIArgument,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { DEFAULT_DEVICE_LIMIT } from '../../client';
import { RemoteIt } from '../../nodes/RemoteIt/RemoteIt.node';
import { RemoteItApi } from '../../credentials/RemoteItApi.credentials';
import { RemoteItTrigger } from '../../nodes/RemoteItTrigger/RemoteItTrigger.node';

const { description } = new RemoteIt();

function operations(resource: string): INodePropertyOptions[] {
	const property = description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return (property?.options ?? []) as INodePropertyOptions[];
}

const OPERATIONS = [
	['connection', 'connect'],
	['connection', 'disconnect'],
	['connection', 'getAll'],
	['device', 'addTags'],
	['device', 'get'],
	['device', 'getAll'],
	['device', 'removeTags'],
] as const;

type Operation = (typeof OPERATIONS)[number];

/**
 * The node's parameters at their defaults as n8n fills them when a workflow runs (new Workflow: NodeHelpers.
 * getNodeParameters), on the node itself or on its AI-agent tool, which n8n names "<name>Tool" (convertNodeToAiTool).
 */
function nodeAt(
	[resource, operation]: Operation,
	{ asTool = false, set = {} }: { asTool?: boolean; set?: INodeParameters } = {},
): { node: INode; nodeType: INodeType } {
	const nodeType = {
		description: { ...description, name: asTool ? `${description.name}Tool` : description.name },
	} as INodeType;
	const node: INode = {
		id: '1',
		name: 'remote.it',
		type: `CUSTOM.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation, ...set },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return { node, nodeType };
}

const parametersOf = (
	operation: Operation,
	options?: { asTool?: boolean; set?: INodeParameters },
): INodeParameters => nodeAt(operation, options).node.parameters;
const CONNECT = OPERATIONS[0];
const DISCONNECT = OPERATIONS[1];
const DEVICE_GET = OPERATIONS[4];
const DEVICE_GET_MANY = OPERATIONS[5];

describe('node description', () => {
	it('offers Connect, Disconnect and Get Many connections; Add Tags, Get, Get Many and Remove Tags devices, named as the node picker shows them', () => {
		expect(operations('connection').map((o) => [o.name, o.action])).toEqual([
			['Connect', 'Connect to a service'],
			['Disconnect', 'Disconnect from a service'],
			['Get Many', 'Get many connections'],
		]);
		expect(operations('device').map((o) => [o.name, o.action])).toEqual([
			['Add Tags', 'Add tags to a device'],
			['Get', 'Get a device'],
			['Get Many', 'Get many devices'],
			['Remove Tags', 'Remove tags from a device'],
		]);
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(resource?.default).toBe('connection');
		expect(description.properties.find((p) => p.name === 'operation')?.default).toBe('connect');
	});

	it('is usable as an AI tool, with a description on every operation and parameter', () => {
		expect(description.usableAsTool).toBe(true);
		for (const resource of ['connection', 'device']) {
			for (const operation of operations(resource))
				expect(operation.description?.length).toBeGreaterThan(20);
		}
		const parameters = description.properties.filter(
			(p) => !['resource', 'operation'].includes(p.name),
		);
		const undescribed = parameters.filter(
			(p: INodeProperties) => !p.description && p.type !== 'collection',
		);
		expect(undescribed.map((p) => p.name)).toEqual([]);
	});

	it('subtitles the canvas node with the service or device it targets, as the editor evaluates it', () => {
		const nodeTypes = {
			getByName: () => new RemoteIt(),
			getByNameAndVersion: () => new RemoteIt(),
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const subtitleOf = (parameters: INodeParameters): unknown => {
			const node: INode = {
				id: '1',
				name: 'remote.it',
				type: 'CUSTOM.remoteIt',
				typeVersion: 1,
				position: [0, 0],
				parameters,
			};
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			return workflow.expression.getSimpleParameterValue(
				node,
				description.subtitle,
				'internal',
				{},
			);
		};
		const picked = (cachedResultName: string) => ({
			__rl: true,
			mode: 'list',
			value: '80:00:00:00:01:00:00:02',
			cachedResultName,
		});
		expect(
			subtitleOf({
				resource: 'connection',
				operation: 'connect',
				service: picked('factory-gateway / SSH'),
			}),
		).toBe('factory-gateway / SSH');
		// The picker marks offline services; the canvas keeps the name only (the state changes, the name does not).
		expect(
			subtitleOf({
				resource: 'connection',
				operation: 'connect',
				service: picked('camera-nvr / RTSP (offline)'),
			}),
		).toBe('camera-nvr / RTSP');
		// A locator switched to By ID keeps no picked name in view: the id typed is what runs.
		expect(
			subtitleOf({
				resource: 'connection',
				operation: 'connect',
				service: { ...picked('factory-gateway / SSH'), mode: 'id' },
			}),
		).toBe('80:00:00:00:01:00:00:02');
		expect(
			subtitleOf({
				resource: 'device',
				operation: 'get',
				device: {
					__rl: true,
					mode: 'list',
					value: '80:00:00:00:01:00:00:01',
					cachedResultName: 'factory-gateway',
				},
			}),
		).toBe('factory-gateway');
		expect(
			subtitleOf({
				resource: 'connection',
				operation: 'connect',
				service: { __rl: true, mode: 'name', value: 'camera-nvr/SSH' },
			}),
		).toBe('camera-nvr/SSH');
		expect(
			subtitleOf({
				resource: 'device',
				operation: 'get',
				device: { __rl: true, mode: 'id', value: '80:00:00:00:01:00:00:01' },
			}),
		).toBe('80:00:00:00:01:00:00:01');
		expect(subtitleOf({ resource: 'connection', operation: 'disconnect' })).toBe(
			'disconnect: connection',
		);
	});

	describe("the editor's messages for a fixed Service or Device value (n8n's own parameter check)", () => {
		const issuesOf = (parameters: INodeParameters): string[] => {
			const node: INode = {
				id: '1',
				name: 'remote.it',
				type: 'CUSTOM.remoteIt',
				typeVersion: 1,
				position: [0, 0],
				parameters,
			};
			const issues = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
			return Object.values(issues?.parameters ?? {}).flat();
		};
		const connect = (mode: string, value: string) =>
			issuesOf({
				resource: 'connection',
				operation: 'connect',
				service: { __rl: true, mode, value },
			});
		const getDevice = (mode: string, value: string) =>
			issuesOf({ resource: 'device', operation: 'get', device: { __rl: true, mode, value } });

		it.each([
			['list', '80:00:00:00:01:00:00:02'],
			['id', '80:00:00:00:01:00:00:02'],
			['id', ' 80:00:00:00:01:00:0a:ff '],
			['name', 'factory-gateway/SSH'],
			['name', 'office-desktop / RDP'],
			['id', '={{ $json.serviceId }}'],
		])('accepts %s "%s"', (mode, value) => {
			expect(connect(mode, value)).toEqual([]);
		});

		it.each(['list', 'id', 'name'])(
			'names an empty %s value once, as n8n says it for every required field',
			(mode) => {
				expect(connect(mode, '')).toEqual(['Parameter "Service" is required.']);
				expect(getDevice(mode, '')).toEqual(['Parameter "Device" is required.']);
			},
		);

		it.each(['80:00:00:00:01', 'factory-gateway/SSH', '80-00-00-00-01-00-00-02'])(
			'says what an ID looks like for "%s"',
			(value) => {
				expect(connect('id', value)).toEqual([
					'Not a remote.it service ID: expected 8 hex octets separated by colons, like 80:00:00:00:01:00:00:02',
				]);
				expect(getDevice('id', value)).toEqual([
					'Not a remote.it device ID: expected 8 hex octets separated by colons, like 80:00:00:00:01:00:00:01',
				]);
			},
		);

		it.each(['factory-gateway', 'factory-gateway/', '/SSH', ' / '])(
			'says what a service name looks like for "%s"',
			(value) => {
				expect(connect('name', value)).toEqual([
					'Expected the device name, a slash, then the service name, like factory-gateway/SSH',
				]);
			},
		);

		it('takes any device name', () => {
			expect(getDevice('name', 'factory-gateway')).toEqual([]);
		});

		it("offers labels that fit n8n's 92 px mode selector", () => {
			const service = description.properties.find((p) => p.name === 'service');
			expect(service?.modes?.map((m) => [m.name, m.displayName])).toEqual([
				['list', 'From List'],
				['id', 'By ID'],
				['name', 'Name'],
			]);
		});
	});

	it('defaults Disconnect to the fields Connect outputs', () => {
		expect(parametersOf(DISCONNECT)).toEqual({
			resource: 'connection',
			operation: 'disconnect',
			connectionId: '={{ $json.id }}',
			serviceId: '={{ $json.serviceId }}',
			options: {},
		});
	});

	it("defaults every Limit to the client's DEFAULT_DEVICE_LIMIT", () => {
		const limits = description.properties.filter((p) => p.name === 'limit');
		expect(limits.length).toBeGreaterThan(0);
		for (const limit of limits) expect(limit.default).toBe(DEFAULT_DEVICE_LIMIT);
	});

	const optionsOf = (operation: string): INodeProperties[] =>
		(description.properties.find(
			(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes(operation),
		)?.options ?? []) as INodeProperties[];

	/** The options n8n offers under "Add option" for a node of `typeVersion` whose options hold `values`. */
	const offered = (operation: string, typeVersion: number, values: INodeParameters = {}) => {
		const node = { typeVersion } as INode;
		return optionsOf(operation)
			.filter((option) => NodeHelpers.displayParameter(values, option, node, description))
			.map((option) => option.displayName);
	};

	it.each(['connect', 'disconnect', 'getAll', 'get', 'addTags', 'removeTags'])(
		'offers %s a Timeout in seconds, like Reachable Timeout; version 1 nodes keep theirs in milliseconds',
		(operation) => {
			expect(description.version).toEqual([1, 1.1]);
			expect(description.defaultVersion).toBe(1.1);
			const byName = Object.fromEntries(optionsOf(operation).map((o) => [o.name, o]));
			expect(byName.requestTimeout).toMatchObject({
				displayName: 'Timeout (Seconds)',
				default: 30,
			});
			expect(byName.requestTimeout.typeOptions).toEqual({ minValue: 1, maxValue: 600 });
			expect(byName.timeout).toMatchObject({
				displayName: 'Timeout (Milliseconds)',
				default: 30000,
			});
			expect(offered(operation, 1.1)).toContain('Timeout (Seconds)');
			expect(offered(operation, 1.1)).not.toContain('Timeout (Milliseconds)');
			expect(offered(operation, 1)).toContain('Timeout (Milliseconds)');
			expect(offered(operation, 1)).not.toContain('Timeout (Seconds)');
		},
	);

	it('offers Reachable Timeout only once Wait Until Reachable is on (or set by an expression)', () => {
		expect(offered('connect', 1.1)).not.toContain('Reachable Timeout (Seconds)');
		expect(offered('connect', 1.1, { waitUntilReachable: false })).not.toContain(
			'Reachable Timeout (Seconds)',
		);
		expect(offered('connect', 1.1, { waitUntilReachable: true })).toContain(
			'Reachable Timeout (Seconds)',
		);
		expect(offered('connect', 1.1, { waitUntilReachable: '={{ $json.wait }}' })).toContain(
			'Reachable Timeout (Seconds)',
		);
	});

	it('does not require IP Address, so an Access Mode set by expression can run', () => {
		const hostIp = description.properties.find((p) => p.name === 'hostIp');
		expect(hostIp?.required).toBeUndefined();
		expect(hostIp?.displayOptions?.show?.accessMode).toEqual(['restricted']);
	});
});

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe("as an AI agent's tool, at its defaults", () => {
	/** What n8n offers the model as the tool's parameters: one per $fromAI() key (n8n-core createNodeAsTool). */
	const toolParameters = (operation: Operation, set: INodeParameters = {}): FromAIArgument[] => {
		const found: FromAIArgument[] = [];
		traverseNodeParameters(parametersOf(operation, { asTool: true, set }), found);
		return found;
	};
	const toolDescriptionOf = (operation: Operation): string => {
		const { node, nodeType } = nodeAt(operation, { asTool: true });
		return NodeHelpers.getToolDescriptionForNode(node, nodeType);
	};

	it('offers the model the parameters each operation needs', () => {
		expect(
			OPERATIONS.map((operation) => [...operation, toolParameters(operation).map((p) => p.key)]),
		).toEqual([
			['connection', 'connect', ['service']],
			['connection', 'disconnect', ['connectionId', 'serviceId']],
			['connection', 'getAll', []],
			['device', 'addTags', ['device', 'tag']],
			['device', 'get', ['device']],
			['device', 'getAll', []],
			['device', 'removeTags', ['device', 'tag']],
		]);
	});

	it('tells the model what to pass, and where it comes from', () => {
		const described = (operation: Operation) =>
			Object.fromEntries(toolParameters(operation).map((p) => [p.key, [p.type, p.description]]));
		expect(described(CONNECT)).toEqual({
			service: ['string', expect.stringMatching(/service ID .* or device name\/service name/)],
		});
		expect(described(DISCONNECT)).toEqual({
			connectionId: ['string', 'The id that Connect returned'],
			serviceId: ['string', 'The serviceId that Connect returned'],
		});
		expect(described(DEVICE_GET)).toEqual({
			device: ['string', expect.stringMatching(/device ID .* or the device name/)],
		});
	});

	it('writes each default as the editor writes a field handed to the model, so it shows it as one', () => {
		const written = [
			parametersOf(CONNECT, { asTool: true }).service,
			parametersOf(DISCONNECT, { asTool: true }).connectionId,
		];
		expect(written).toEqual([
			expect.objectContaining({
				value: expect.stringMatching(
					`^={{ ${escapeRegExp(FROM_AI_AUTO_GENERATED_MARKER)} \\$fromAI\\(`,
				),
			}),
			expect.stringMatching(`^={{ ${escapeRegExp(FROM_AI_AUTO_GENERATED_MARKER)} \\$fromAI\\(`),
		]);
	});

	it("describes each tool with its operation's description: what it does, needs and returns", () => {
		for (const operation of OPERATIONS) {
			const [resource, name] = operation;
			const option = operations(resource).find((o) => o.value === name);
			expect({ operation, tool: toolDescriptionOf(operation) }).toEqual({
				operation,
				tool: option?.description,
			});
		}
		const connect = toolDescriptionOf(CONNECT);
		for (const field of ['host', 'port', 'url', 'id', 'serviceId', 'expiresAt'])
			expect(connect).toMatch(new RegExp(`\\b${field}\\b`));
		expect(connect).toMatch(/Close it with Disconnect/);
		expect(toolDescriptionOf(DISCONNECT)).toMatch(
			/Needs the id and serviceId that Connect returned/,
		);
		// A model reads every tool's description on every turn.
		for (const operation of OPERATIONS)
			expect(toolDescriptionOf(operation).length).toBeLessThanOrEqual(250);
	});

	it("adds the fields a user hands to the model with $fromAI (README's recipes), and drops those fixed", () => {
		const keys = (operation: Operation, set: INodeParameters) =>
			toolParameters(operation, set).map((p) => p.key);
		expect(
			keys(CONNECT, {
				accessMode: "={{ $fromAI('accessMode', 'latching, public or restricted', 'string') }}",
			}),
		).toEqual(['service', 'accessMode']);
		expect(
			keys(DEVICE_GET_MANY, {
				filters: {
					nameContains: "={{ $fromAI('nameContains', 'Part of the device name', 'string') }}",
				},
			}),
		).toEqual(['nameContains']);
		const picked = { __rl: true, mode: 'list', value: '80:00:00:00:01:00:00:02' };
		expect(keys(CONNECT, { service: picked })).toEqual([]);
	});

	it('shows no parameter issue on the tool at its defaults, as the editor checks it', () => {
		for (const operation of OPERATIONS) {
			const { node, nodeType } = nodeAt(operation, { asTool: true });
			const issues = NodeHelpers.getNodeParametersIssues(
				nodeType.description.properties,
				node,
				nodeType.description,
			);
			expect({ operation, issues }).toEqual({ operation, issues: null });
		}
	});

	it('leaves the node itself as it was: $json defaults, no tool description', () => {
		for (const operation of OPERATIONS) {
			const parameters = parametersOf(operation);
			expect(JSON.stringify(parameters)).not.toMatch(/fromAI/);
			expect(parameters.toolDescription).toBeUndefined();
		}
		expect(parametersOf(CONNECT).service).toEqual({ __rl: true, mode: 'list', value: '' });
	});
});

describe('tags', () => {
	// As the node shows them; its AI-agent tool asks the model for one tag instead.
	const tagFields = () =>
		description.properties
			.flatMap((p) => [p, ...((p.options ?? []) as INodeProperties[])])
			.filter((p) => p.name === 'tags' && p.displayOptions?.show?.['@tool']?.[0] !== true);

	it("offers Tags as a list of names, with Tag Match any/all, on Get Many and as the tag operations' input", () => {
		const fields = tagFields();
		expect(fields).toHaveLength(3);
		for (const field of fields)
			expect(field).toMatchObject({
				type: 'string',
				default: [],
				typeOptions: { multipleValues: true },
			});
		const filters = description.properties.find(
			(p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes('device'),
		);
		const match = (filters?.options as INodeProperties[]).find((o) => o.name === 'tagMatch');
		expect(match?.default).toBe('any');
		expect((match?.options as INodePropertyOptions[]).map((o) => o.value).sort()).toEqual([
			'all',
			'any',
		]);
	});
});

describe('node panel texts', () => {
	const trigger = new RemoteItTrigger().description;

	it('labels each Trigger event as a sentence (n8n uses `action`, else "On " + the lower-cased name)', () => {
		const event = trigger.properties.find((p) => p.name === 'event');
		expect((event?.options as INodePropertyOptions[]).map((o) => o.action)).toEqual([
			'When a device goes offline',
			'When a device comes online',
			'When a device goes offline or comes online',
			'When a connection is opened',
		]);
	});

	it('subtitles the Trigger on the canvas with the event chosen, in words', () => {
		const nodeTypes = {
			getByName: () => new RemoteItTrigger(),
			getByNameAndVersion: () => new RemoteItTrigger(),
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const subtitleOf = (event: string): unknown => {
			const node: INode = {
				id: '1',
				name: 'T',
				type: 'CUSTOM.remoteItTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { event },
			};
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			return workflow.expression.getSimpleParameterValue(node, trigger.subtitle, 'internal', {});
		};
		expect(
			['deviceOffline', 'deviceOnline', 'deviceStateChanged', 'connectionOpened'].map(subtitleOf),
		).toEqual([
			'device went offline',
			'device came online',
			'device offline or online',
			'connection opened',
		]);
	});

	it("gives the merged remote.it entry, which n8n describes with the Trigger's text, the node's own description first", () => {
		// n8n merges "<name>Trigger" into "<name>" when both exist, and then shows the Trigger's description.
		expect(trigger.name.replace('Trigger', '')).toBe(description.name);
		expect(trigger.description.startsWith(`${description.description}; `)).toBe(true);
		expect(trigger.description).toMatch(
			/start a workflow when a device goes offline or comes online, or a connection is opened$/,
		);
		expect(description.description).not.toMatch(/workflow|offline/);
	});
});

describe('credential description', () => {
	const credential = new RemoteItApi();
	const visibleFor = (method: string) =>
		credential.properties
			.filter((p) => !p.displayOptions || p.displayOptions.show?.authentication?.includes(method))
			.map((p) => p.name);

	it('shows only the fields each authentication method needs', () => {
		expect(visibleFor('accessKey')).toEqual([
			'authentication',
			'accessKeyId',
			'secretAccessKey',
			'developerKey',
			'apiUrl',
		]);
		expect(visibleFor('password')).toEqual([
			'authentication',
			'developerKey',
			'username',
			'password',
			'customRequestsNotice',
			'apiUrl',
		]);
		expect(visibleFor('token')).toEqual(['authentication', 'developerKey', 'token', 'apiUrl']);
	});

	it('masks every secret', () => {
		const secrets = credential.properties.filter((p) =>
			['secretAccessKey', 'developerKey', 'password', 'token'].includes(p.name),
		);
		expect(secrets.length).toBe(5);
		expect(secrets.every((p) => p.typeOptions?.password === true)).toBe(true);
	});

	it('warns two-factor accounts away from password login', () => {
		const username = credential.properties.find((p) => p.name === 'username');
		expect(username?.hint).toMatch(/two-factor/);
	});
});
