/**
 * Bad input an n8n user could type or an expression could produce, table-driven and run through n8n's real engine.
 * Each case: the run ends with an error whose message starts with the parameter's display name, no request
 * reaches remote.it, and the engine finishes the run normally (no crash, no unhandled rejection).
 */
import { NodeHelpers, type IDataObject, type INode, type INodeParameters } from 'n8n-workflow';

import { RemoteIt } from '../../nodes/RemoteIt/RemoteIt.node';

import { readRequestLog } from '../support/emulator-control';
import { accessKeyCredentials } from './support/credentials';
import { useEmulatorWithN8n } from './support/emulator-fixture';
import { SEED, byId, byName, connectParameters, fromList } from './support/parameters';
import { runWorkflow } from './support/run-workflow';
import { collectUnexpectedFailures } from '../support/unexpected-failures';

const emulator = useEmulatorWithN8n();
const unexpected = collectUnexpectedFailures();
afterEach(() => expect(unexpected).toEqual([]));

/** The bad value travels in the item (`$json.value`), as an expression would bring it; `v` reads it. */
const v = '={{ $json.value }}';

interface Case {
	parameters: INodeParameters;
	/** The node's version; the one a new node gets when absent. */
	typeVersion?: number;
	value?: unknown;
	message: RegExp;
}

const connectTo = (
	service: INodeParameters['service'],
	extra: INodeParameters = {},
): INodeParameters => connectParameters(service as never, extra);
const ssh = byId(SEED.gatewaySsh);
const restricted = (value: unknown): Case => ({
	parameters: connectTo(ssh, { accessMode: 'restricted', hostIp: v }),
	value,
	message: /^IP Address: /,
});
const connectOption = (name: string, value: unknown, message: RegExp): Case => ({
	parameters: connectTo(ssh, { options: { [name]: v } }),
	value,
	message,
});
const disconnectWith = (connectionId: unknown, serviceId: unknown, message: RegExp): Case => ({
	parameters: {
		resource: 'connection',
		operation: 'disconnect',
		connectionId: '={{ $json.value.c }}',
		serviceId: '={{ $json.value.s }}',
	},
	value: { c: connectionId, s: serviceId },
	message,
});
const getDevice = (locator: INodeParameters['device'], value: unknown, message: RegExp): Case => ({
	parameters: { resource: 'device', operation: 'get', device: locator },
	value,
	message,
});
const listDevices = (extra: INodeParameters, value: unknown, message: RegExp): Case => ({
	parameters: { resource: 'device', operation: 'getAll', ...extra },
	value,
	message,
});
const tagChange = (
	operation: 'addTags' | 'removeTags',
	tags: unknown,
	value: unknown,
	message: RegExp,
	device: INodeParameters['device'] = byId(SEED.gatewayDevice),
): Case => ({
	parameters: { resource: 'device', operation, device, tags: tags as INodeParameters['tags'] },
	value,
	message,
});
const listConnections = (extra: INodeParameters, value: unknown, message: RegExp): Case => ({
	parameters: { resource: 'connection', operation: 'getAll', ...extra },
	value,
	message,
});

const NOT_AN_ID = /^Service: "[^"]*" is not a remote\.it id: expected 8 colon-separated hex octets/;
const SERVICE_EMPTY = /^Service: is empty: choose one from the list or enter an ID or name/;

const cases: Array<[string, Case]> = [
	// Connect › Service, By ID
	['Service: a word', { parameters: connectTo(byId(v)), value: 'not-an-id', message: NOT_AN_ID }],
	['Service: empty', { parameters: connectTo(byId(v)), value: '', message: SERVICE_EMPTY }],
	['Service: spaces', { parameters: connectTo(byId(v)), value: '   ', message: SERVICE_EMPTY }],
	[
		'Service: seven octets',
		{ parameters: connectTo(byId(v)), value: '80:00:00:00:01:00:00', message: NOT_AN_ID },
	],
	[
		'Service: nine octets',
		{ parameters: connectTo(byId(v)), value: '80:00:00:00:01:00:00:02:03', message: NOT_AN_ID },
	],
	[
		'Service: non-hex',
		{ parameters: connectTo(byId(v)), value: 'zz:00:00:00:01:00:00:02', message: NOT_AN_ID },
	],
	[
		'Service: dashes',
		{ parameters: connectTo(byId(v)), value: '80-00-00-00-01-00-00-02', message: NOT_AN_ID },
	],
	[
		'Service: 5000 characters',
		{
			parameters: connectTo(byId(v)),
			value: '8'.repeat(5000),
			message: /^Service: The service id is too long \(at most 100/,
		},
	],
	[
		'Service: a control character',
		{
			parameters: connectTo(byId(v)),
			value: '80:00:00:00:01:00:00:0\u00002',
			message: /^Service: The service id contains control characters/,
		},
	],
	['Service: a number', { parameters: connectTo(byId(v)), value: 12345, message: NOT_AN_ID }],
	[
		'Service: an object',
		{
			parameters: connectTo(byId(v)),
			value: { id: SEED.gatewaySsh },
			message: /^Service: must be an ID or a name, not an object/,
		},
	],
	[
		'Service: a list',
		{
			parameters: connectTo(byId(v)),
			value: [SEED.gatewaySsh],
			message: /^Service: must be an ID or a name, not a list/,
		},
	],
	['Service: null', { parameters: connectTo(byId(v)), value: null, message: SERVICE_EMPTY }],
	['Service: a boolean', { parameters: connectTo(byId(v)), value: true, message: SERVICE_EMPTY }],
	[
		'Service: From List, garbage',
		{ parameters: connectTo(fromList(v)), value: 'garbage', message: NOT_AN_ID },
	],
	// Connect › Service, By Name
	[
		'Service By Name: no slash',
		{
			parameters: connectTo(byName(v)),
			value: 'factory-gateway',
			message:
				/^Service: "factory-gateway" is neither a service id nor "device name\/service name"/,
		},
	],
	[
		'Service By Name: device only',
		{
			parameters: connectTo(byName(v)),
			value: 'factory-gateway/',
			message: /^Service: "factory-gateway\/" is neither/,
		},
	],
	[
		'Service By Name: service only',
		{ parameters: connectTo(byName(v)), value: '/SSH', message: /^Service: "\/SSH" is neither/ },
	],
	[
		'Service By Name: 600 characters',
		{
			parameters: connectTo(byName(v)),
			value: `${'d'.repeat(300)}/${'s'.repeat(300)}`,
			message: /^Service: The service id or "device name\/service name" is too long/,
		},
	],
	[
		'Service By Name: a control character',
		{
			parameters: connectTo(byName(v)),
			value: 'gate\u0007way/SSH',
			message: /^Service: .*contains control characters/,
		},
	],
	// Connect › Access Mode and IP Address
	[
		'Access Mode: unknown',
		{
			parameters: connectTo(ssh, { accessMode: v, hostIp: '203.0.113.7' }),
			value: 'everyone',
			message: /^Access Mode: accessMode must be one of: latching, public, restricted/,
		},
	],
	[
		'Access Mode: wrong case',
		{
			parameters: connectTo(ssh, { accessMode: v, hostIp: '203.0.113.7' }),
			value: 'PUBLIC',
			message: /^Access Mode: accessMode must be one of/,
		},
	],
	[
		'Access Mode: a number',
		{
			parameters: connectTo(ssh, { accessMode: v, hostIp: '203.0.113.7' }),
			value: 3,
			message: /^Access Mode: accessMode must be one of/,
		},
	],
	[
		'Reachable Timeout: a word',
		{
			parameters: connectTo(ssh, { options: { waitUntilReachable: true, reachableTimeout: v } }),
			value: 'soon',
			message: /^Reachable Timeout \(Seconds\): must be a whole number from 1 to 600, not "soon"/,
		},
	],
	[
		'Reachable Timeout: an hour',
		{
			parameters: connectTo(ssh, { options: { waitUntilReachable: true, reachableTimeout: v } }),
			value: 3600,
			message: /^Reachable Timeout \(Seconds\): must be a whole number from 1 to 600, not "3600"/,
		},
	],
	['IP Address: empty', { ...restricted(''), message: /^IP Address: is empty/ }],
	[
		'IP Address: a word',
		{
			...restricted('office'),
			message: /^IP Address: hostIp must be an IPv4 address like 203\.0\.113\.7/,
		},
	],
	[
		'IP Address: 256.1.1.1',
		{ ...restricted('256.1.1.1'), message: /^IP Address: hostIp must be an IPv4/ },
	],
	[
		'IP Address: three parts',
		{ ...restricted('1.2.3'), message: /^IP Address: hostIp must be an IPv4/ },
	],
	[
		'IP Address: leading zero',
		{ ...restricted('01.2.3.4'), message: /^IP Address: hostIp must be an IPv4/ },
	],
	[
		'IP Address: 0.0.0.0',
		{
			...restricted('0.0.0.0'),
			message: /^IP Address: 0\.0\.0\.0 is not a single address; choose accessMode "public"/,
		},
	],
	[
		'IP Address: 255.255.255.255',
		{
			...restricted('255.255.255.255'),
			message:
				/^IP Address: 255\.255\.255\.255 is not a single address; choose accessMode "latching"/,
		},
	],
	['IP Address: IPv6', { ...restricted('::1'), message: /^IP Address: hostIp must be an IPv4/ }],
	['IP Address: a number', { ...restricted(1234), message: /^IP Address: hostIp must be an IPv4/ }],
	[
		'IP Address: an object',
		{ ...restricted({ ip: '1.2.3.4' }), message: /^IP Address: must be text, not an object/ },
	],
	// Connect › Options
	[
		'Proxy Type: unknown',
		connectOption(
			'proxyType',
			'tunnel',
			/^Proxy Type: proxyType must be one of: auto, port, reverse/,
		),
	],
	['Proxy Type: a number', connectOption('proxyType', 5, /^Proxy Type: proxyType must be one of/)],
	[
		'Parallel Requests: 0',
		connectOption(
			'parallelRequests',
			0,
			/^Parallel Requests: must be a whole number from 1 to 100, not "0"/,
		),
	],
	[
		'Parallel Requests: 101',
		connectOption(
			'parallelRequests',
			101,
			/^Parallel Requests: must be a whole number from 1 to 100/,
		),
	],
	[
		'Parallel Requests: 1.5',
		connectOption('parallelRequests', 1.5, /^Parallel Requests: must be a whole number/),
	],
	[
		'Parallel Requests: words',
		connectOption('parallelRequests', 'five', /^Parallel Requests: must be a whole number/),
	],
	[
		'Timeout: 0',
		connectOption(
			'requestTimeout',
			0,
			/^Timeout \(Seconds\): must be a whole number from 1 to 600, not "0"/,
		),
	],
	[
		'Timeout: negative',
		connectOption('requestTimeout', -5, /^Timeout \(Seconds\): must be a whole number/),
	],
	[
		'Timeout: above ten minutes',
		connectOption(
			'requestTimeout',
			601,
			/^Timeout \(Seconds\): must be a whole number from 1 to 600, not "601"/,
		),
	],
	[
		'Timeout: words',
		connectOption('requestTimeout', 'soon', /^Timeout \(Seconds\): must be a whole number/),
	],
	[
		'Timeout: fractional',
		connectOption('requestTimeout', 1.5, /^Timeout \(Seconds\): must be a whole number/),
	],
	[
		'Timeout: milliseconds in a node of version 1',
		{
			...connectOption(
				'timeout',
				600001,
				/^Timeout \(Milliseconds\): must be a whole number from 1 to 600000, not "600001"/,
			),
			typeVersion: 1,
		},
	],
	// Numbers as text, as expressions bring them from query strings and forms: only whole numbers in range
	[
		'Limit: a fraction as text',
		listDevices({ limit: v }, '10.5', /^Limit: must be a whole number from 1 to 1000, not "10\.5"/),
	],
	[
		'Limit: an exponent as text',
		listDevices({ limit: v }, '1e1', /^Limit: must be a whole number from 1 to 1000, not "1e1"/),
	],
	[
		'Limit: hex as text',
		listDevices({ limit: v }, '0x10', /^Limit: must be a whole number from 1 to 1000, not "0x10"/),
	],
	['Limit: "0"', listDevices({ limit: v }, '0', /^Limit: must be a whole number from 1 to 1000/)],
	[
		'Limit: "1001"',
		listDevices({ limit: v }, '1001', /^Limit: must be a whole number from 1 to 1000/),
	],
	[
		'Parallel Requests: "-1"',
		connectOption('parallelRequests', '-1', /^Parallel Requests: must be a whole number/),
	],
	[
		'Timeout: "0"',
		connectOption('requestTimeout', '0', /^Timeout \(Seconds\): must be a whole number/),
	],
	[
		'Access Mode: unknown, without an IP Address',
		{
			parameters: connectTo(ssh, { accessMode: v }),
			value: 'everyone',
			message: /^Access Mode: /,
		},
	],
	// Disconnect
	[
		'Connection ID: empty',
		disconnectWith(
			'',
			SEED.gatewaySsh,
			/^Connection ID: is empty: pass the "id" that Connect returned$/,
		),
	],
	[
		'Connection ID: a space',
		disconnectWith(
			'A B',
			SEED.gatewaySsh,
			/^Connection ID: The connection id may only hold letters, digits/,
		),
	],
	[
		'Connection ID: a semicolon',
		disconnectWith('a;b', SEED.gatewaySsh, /^Connection ID: The connection id may only hold/),
	],
	[
		'Connection ID: 200 characters',
		disconnectWith(
			'A'.repeat(200),
			SEED.gatewaySsh,
			/^Connection ID: The connection id is too long/,
		),
	],
	[
		'Connection ID: an object',
		disconnectWith({ id: 'A' }, SEED.gatewaySsh, /^Connection ID: must be text, not an object/),
	],
	[
		'Connection ID: a list',
		disconnectWith(['A'], SEED.gatewaySsh, /^Connection ID: must be text, not a list/),
	],
	[
		'Service ID: empty',
		disconnectWith('ABC', '', /^Service ID: is empty: pass the "serviceId" that Connect returned$/),
	],
	['Service ID: a word', disconnectWith('ABC', 'bad', /^Service ID: "bad" is not a remote\.it id/)],
	[
		'Service ID: seven octets',
		disconnectWith(
			'ABC',
			'80:00:00:00:01:00:00',
			/^Service ID: "80:00:00:00:01:00:00" is not a remote\.it id/,
		),
	],
	['Service ID: a number', disconnectWith('ABC', 5, /^Service ID: "5" is not a remote\.it id/)],
	[
		'Service ID: an object',
		disconnectWith('ABC', { id: SEED.gatewaySsh }, /^Service ID: must be text, not an object/),
	],
	[
		'Disconnect Timeout: 0',
		{
			parameters: {
				resource: 'connection',
				operation: 'disconnect',
				connectionId: 'ABC',
				serviceId: SEED.gatewaySsh,
				options: { requestTimeout: v },
			},
			value: 0,
			message: /^Timeout \(Seconds\): must be a whole number from 1 to 600/,
		},
	],
	// Device › Get
	[
		'Device By ID: a word',
		getDevice(byId(v), 'not-an-id', /^Device: "not-an-id" is not a remote\.it id/),
	],
	['Device By ID: empty', getDevice(byId(v), '', /^Device: is empty/)],
	[
		'Device By ID: two octets',
		getDevice(byId(v), '80:00', /^Device: "80:00" is not a remote\.it id/),
	],
	[
		'Device By ID: nine octets',
		getDevice(byId(v), '80:00:00:00:01:00:00:01:01', /^Device: .* is not a remote\.it id/),
	],
	[
		'Device From List: garbage',
		getDevice(fromList(v), 'garbage', /^Device: "garbage" is not a remote\.it id/),
	],
	[
		'Device By Name: 600 characters',
		getDevice(byName(v), 'n'.repeat(600), /^Device: The device id or name is too long/),
	],
	[
		'Device By Name: a control character',
		getDevice(
			byName(v),
			'gate\u0000way',
			/^Device: The device id or name contains control characters/,
		),
	],
	[
		'Device By ID: an object',
		getDevice(
			byId(v),
			{ id: SEED.gatewayDevice },
			/^Device: must be an ID or a name, not an object/,
		),
	],
	// Device › Get Many
	[
		'Limit: 0',
		listDevices({ limit: v }, 0, /^Limit: must be a whole number from 1 to 1000, not "0"/),
	],
	['Limit: 1001', listDevices({ limit: v }, 1001, /^Limit: must be a whole number from 1 to 1000/)],
	['Limit: fractional', listDevices({ limit: v }, 2.5, /^Limit: must be a whole number/)],
	['Limit: words', listDevices({ limit: v }, 'ten', /^Limit: must be a whole number/)],
	[
		'Status: active',
		listDevices(
			{ filters: { status: v } },
			'active',
			/^Status: must be "online" or "offline", not "active"/,
		),
	],
	[
		'Status: maybe',
		listDevices({ filters: { status: v } }, 'maybe', /^Status: must be "online" or "offline"/),
	],
	[
		'Status: a number',
		listDevices(
			{ filters: { status: v } },
			1,
			/^Status: must be "online" or "offline", not a number/,
		),
	],
	[
		'Name Contains: a number',
		listDevices(
			{ filters: { nameContains: v } },
			123,
			/^Name Contains: must be text, not a number/,
		),
	],
	[
		'Name Contains: an object',
		listDevices(
			{ filters: { nameContains: v } },
			{ a: 1 },
			/^Name Contains: must be text, not an object/,
		),
	],
	[
		'Name Contains: 300 characters',
		listDevices(
			{ filters: { nameContains: v } },
			'n'.repeat(300),
			/^Name Contains: name is too long \(at most 255/,
		),
	],
	[
		'Name Contains: a control character',
		listDevices(
			{ filters: { nameContains: v } },
			'a\u0007b',
			/^Name Contains: name contains control characters/,
		),
	],
	// Device › Get Many › Filters › Tags and Tag Match; Device › Add Tags and Remove Tags
	[
		'Tags: text',
		listDevices(
			{ filters: { tags: v } },
			'line-3',
			/^Tags: must be a list of tag names, not text \("line-3"\)/,
		),
	],
	[
		'Tags: an object',
		listDevices(
			{ filters: { tags: v } },
			{ name: 'line-3' },
			/^Tags: must be a list of tag names, not an object/,
		),
	],
	[
		'Tags: a blank entry',
		listDevices({ filters: { tags: ['line-3', v] } }, '   ', /^Tags: entry 2 is blank/),
	],
	['Tags: an empty entry', listDevices({ filters: { tags: [v] } }, '', /^Tags: entry 1 is blank/)],
	[
		'Tags: a number entry',
		listDevices({ filters: { tags: [v] } }, 3, /^Tags: entry 1 must be a tag name, not a number/),
	],
	[
		'Tag Match: some',
		listDevices(
			{ filters: { tags: ['line-3'], tagMatch: v } },
			'some',
			/^Tag Match: must be "any" or "all", not "some"/,
		),
	],
	[
		'Tag Match: a list',
		listDevices(
			{ filters: { tags: ['line-3'], tagMatch: v } },
			['all'],
			/^Tag Match: must be "any" or "all", not a list/,
		),
	],
	['Add Tags: none', tagChange('addTags', [], undefined, /^Tags: must name at least one tag/)],
	[
		'Add Tags: text',
		tagChange('addTags', v, 'a, b', /^Tags: must be a list of tag names, not text/),
	],
	['Add Tags: a blank tag', tagChange('addTags', [v], ' ', /^Tags: entry 1 is blank/)],
	[
		'Add Tags: a device that is no id',
		tagChange('addTags', ['x'], 'gateway', /^Device: "gateway" is not a remote\.it id/, byId(v)),
	],
	[
		'Remove Tags: an object',
		tagChange(
			'removeTags',
			v,
			{ tags: ['x'] },
			/^Tags: must be a list of tag names, not an object/,
		),
	],
	[
		'Remove Tags: 300 characters',
		tagChange('removeTags', [v], 't'.repeat(300), /^Tags: entry 1 is longer than 255 characters/),
	],
	// Connection › Get Many
	[
		'Connections Limit: 0',
		listConnections({ limit: v }, 0, /^Limit: must be a whole number from 1 to 1000/),
	],
	[
		'Connections Limit: words',
		listConnections({ limit: v }, 'all', /^Limit: must be a whole number/),
	],
	[
		'Connections Timeout: 0',
		listConnections(
			{ options: { requestTimeout: v } },
			0,
			/^Timeout \(Seconds\): must be a whole number from 1 to 600/,
		),
	],
];

describe('bad input to the remote.it node', () => {
	it.each(cases)('%s', async (_what, testCase) => {
		await readRequestLog(emulator.url, { clear: true });
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [{ value: testCase.value } as IDataObject],
			nodes: [
				{
					name: 'remote.it',
					parameters: testCase.parameters,
					...(testCase.typeVersion !== undefined ? { typeVersion: testCase.typeVersion } : {}),
				},
			],
		});
		expect(result.run.status).toBe('error');
		const message = result.error()?.message ?? '';
		expect(message).toMatch(testCase.message);
		expect(message).not.toMatch(/undefined|\[object Object\]|is not a function/);
		expect(await readRequestLog(emulator.url)).toEqual([]);
	});

	it('holds at least 60 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(60);
	});
});

describe('with Continue On Fail', () => {
	it('gives each bad item its own error naming the parameter, and the good items still connect', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [
				{ value: SEED.gatewaySsh },
				{ value: 'nope' },
				{ value: { id: 1 } },
				{ value: SEED.piSsh },
			],
			nodes: [{ name: 'Connect', parameters: connectTo(byId(v)), continueOnFail: true }],
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Connect').map((item) => item.json.serviceId ?? item.json.error)).toEqual([
			SEED.gatewaySsh,
			expect.stringMatching(NOT_AN_ID),
			expect.stringMatching(/^Service: must be an ID or a name, not an object/),
			SEED.piSsh,
		]);
	});
});

describe('values an expression may bring that are fine', () => {
	it.each([
		['Online', true],
		['OFFLINE', false],
		[' online ', true],
	])('Status %j filters as asked', async (status, online) => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [{ value: status }],
			nodes: [
				{
					name: 'Devices',
					parameters: {
						resource: 'device',
						operation: 'getAll',
						returnAll: true,
						filters: { status: v },
					},
				},
			],
		});
		expect(result.error()).toBeUndefined();
		const devices = result.output('Devices').map((item) => item.json.online);
		expect(devices.length).toBeGreaterThan(0);
		expect(devices.every((value) => value === online)).toBe(true);
	});

	it('takes a Limit given as text ("2"), as a webhook\'s query brings it', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [{ value: '2' }],
			nodes: [
				{ name: 'Devices', parameters: { resource: 'device', operation: 'getAll', limit: v } },
			],
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Devices')).toHaveLength(2);
	});

	it('takes Parallel Requests, Timeout and Reachable Timeout given as text', async () => {
		const result = await runWorkflow({
			credentials: accessKeyCredentials(emulator),
			items: [{ value: { parallel: ' 5 ', timeout: '30', reachable: '5' } }],
			nodes: [
				{
					name: 'Connect',
					parameters: connectTo(byId(SEED.gatewayWebUi), {
						options: {
							parallelRequests: '={{ $json.value.parallel }}',
							requestTimeout: '={{ $json.value.timeout }}',
							waitUntilReachable: true,
							reachableTimeout: '={{ $json.value.reachable }}',
						},
					}),
				},
			],
		});
		expect(result.error()).toBeUndefined();
		expect(result.output('Connect')[0]?.json.serviceId).toBe(SEED.gatewayWebUi);
	});

	it.each(['latching', 'public'])(
		'runs Access Mode {{ "%s" }} set by expression, with no IP Address',
		async (mode) => {
			const parameters = connectTo(ssh, { accessMode: `={{ "${mode}" }}` });
			// What n8n checks before it runs a workflow: no parameter issue (an "IP Address is required" blocked it).
			const node: INode = {
				id: '1',
				name: 'Connect',
				type: 'n8n-nodes-remoteit.remoteIt',
				typeVersion: 1.1,
				position: [0, 0],
				parameters,
			};
			const { description } = new RemoteIt();
			expect(
				NodeHelpers.getNodeParametersIssues(description.properties, node, description),
			).toBeNull();
			const result = await runWorkflow({
				credentials: accessKeyCredentials(emulator),
				nodes: [{ name: 'Connect', parameters }],
			});
			expect(result.error()).toBeUndefined();
			expect(result.output('Connect')[0]?.json.accessMode).toBe(mode);
		},
	);
});
