/**
 * Bad input a Node-RED user could send or save, table-driven. Each case: the message reaches the Catch node with
 * a clear message that starts with where the value came from (`msg.payload.serviceId`) or the dialog field and
 * its property (`Allowed IP (hostIp)`), no request reaches remote.it, and the runtime keeps going.
 */
import type { NodeMessage } from '../../nodes/node-red/lib/node-red-api';
import { readRequestLog } from '../support/emulator-control';
import { useDemoWithNodeRed } from './support/emulator-fixture';
import {
	connectNode,
	accessKeyCredentials,
	flowAround,
	loadFlow,
	nextMessage,
	nodeById,
	eventually,
	sentHistory,
	statusHistory,
	type FlowNode,
} from './support/flow-harness';
import { collectUnexpectedFailures } from '../support/unexpected-failures';
import { SSH } from '../support/demo';

const { emulator, account } = useDemoWithNodeRed();
const unexpected = collectUnexpectedFailures();
afterEach(() => expect(unexpected).toEqual([]));

interface Case {
	node?: Partial<FlowNode>;
	account?: Partial<FlowNode>;
	msg: () => NodeMessage;
	flow?: Record<string, unknown>;
	message: RegExp;
}

const connect = (overrides: Partial<FlowNode> = {}): FlowNode =>
	connectNode({ id: 'node', ...overrides });
const disconnect = (overrides: Partial<FlowNode> = {}): FlowNode => ({
	id: 'node',
	type: 'remoteit-disconnect',
	connection: 'payload',
	connectionType: 'msg',
	serviceId: '',
	...overrides,
});
const devices = (overrides: Partial<FlowNode> = {}): FlowNode => ({
	id: 'node',
	type: 'remoteit-devices',
	nameFilter: '',
	state: 'all',
	limit: 50,
	output: 'array',
	...overrides,
});

/** A payload nested `depth` levels deep. */
function deep(depth: number): Record<string, unknown> {
	let value: Record<string, unknown> = { leaf: true };
	for (let i = 0; i < depth; i += 1) value = { next: value };
	return value;
}

/** An object whose every property read throws, as a getter a library left on a message might. */
function throwingGetter(): Record<string, unknown> {
	const value = {};
	for (const key of ['serviceId', 'id', 'connectionId']) {
		Object.defineProperty(value, key, {
			enumerable: true,
			get: () => {
				throw new Error('getter exploded');
			},
		});
	}
	return value;
}

const NOT_AN_ID = /is not a remote\.it id: expected 8 colon-separated hex octets/;
const payload = (value: unknown) => () => ({ payload: value });

const connectCases: Array<[string, Case]> = [
	[
		'an id that is not one',
		{ msg: payload('not-an-id'), message: /^msg\.payload: "not-an-id" is not a remote\.it id/ },
	],
	[
		'an empty string',
		{ msg: payload(''), message: /^msg\.payload: remote\.it connect needs a service here/ },
	],
	[
		'only spaces',
		{ msg: payload('   '), message: /^msg\.payload: remote\.it connect needs a service/ },
	],
	[
		'a number',
		{ msg: payload(12345), message: /^msg\.payload: remote\.it connect needs a service/ },
	],
	[
		'a boolean',
		{ msg: payload(true), message: /^msg\.payload: remote\.it connect needs a service/ },
	],
	['null', { msg: payload(null), message: /^msg\.payload: remote\.it connect needs a service/ }],
	[
		'no payload at all',
		{
			msg: () => ({ topic: 'none' }),
			message: /^msg\.payload: remote\.it connect needs a service/,
		},
	],
	['a list', { msg: payload([SSH]), message: /^msg\.payload: remote\.it connect needs a service/ }],
	[
		'an empty object',
		{ msg: payload({}), message: /^msg\.payload: remote\.it connect needs a service/ },
	],
	[
		'an object with a bad serviceId',
		{
			msg: payload({ serviceId: 'bad' }),
			message: /^msg\.payload\.serviceId: "bad" is not a remote\.it id/,
		},
	],
	[
		'an object with a numeric serviceId',
		{
			msg: payload({ serviceId: 42 }),
			message: /^msg\.payload: remote\.it connect needs a service/,
		},
	],
	[
		'an object with a bad id',
		{ msg: payload({ id: 'nope' }), message: /^msg\.payload\.id: "nope" is not a remote\.it id/ },
	],
	[
		'an inherited serviceId only',
		{
			msg: payload(Object.create({ serviceId: SSH })),
			message: /^msg\.payload: remote\.it connect needs a service/,
		},
	],
	['seven octets', { msg: payload('80:00:00:00:01:00:00'), message: NOT_AN_ID }],
	['nine octets', { msg: payload('80:00:00:00:01:00:00:02:03'), message: NOT_AN_ID }],
	['dashes for colons', { msg: payload('80-00-00-00-01-00-00-02'), message: NOT_AN_ID }],
	['non-hex octets', { msg: payload('zz:00:00:00:01:00:00:02'), message: NOT_AN_ID }],
	[
		'5000 characters',
		{
			msg: payload('8'.repeat(5000)),
			message: /^msg\.payload: The service id is too long \(at most 100 characters\)/,
		},
	],
	[
		'a control character',
		{
			msg: payload('80:00:00:00:01:00:00:0\u00002'),
			message: /^msg\.payload: The service id contains control characters/,
		},
	],
	[
		'a device name with no service',
		{
			msg: payload('factory-gateway/'),
			message:
				/^msg\.payload: "factory-gateway\/" is neither a service id nor "device name\/service name"/,
		},
	],
	[
		'a service name with no device',
		{ msg: payload('/SSH'), message: /^msg\.payload: "\/SSH" is neither a service id/ },
	],
	[
		'a name of 600 characters',
		{
			msg: payload(`${'d'.repeat(300)}/${'s'.repeat(300)}`),
			message: /^msg\.payload: The service id or "device name\/service name" is too long/,
		},
	],
	[
		'a payload 5000 levels deep',
		{ msg: payload(deep(5000)), message: /^msg\.payload: remote\.it connect needs a service/ },
	],
	[
		'a payload whose getters throw',
		{
			msg: payload(throwingGetter()),
			message: /^msg\.payload\.serviceId: could not be read \(getter exploded\)/,
		},
	],
	[
		'a bad id in msg.topic',
		{
			node: { service: 'topic' },
			msg: () => ({ topic: 'bad' }),
			message: /^msg\.topic: "bad" is not a remote\.it id/,
		},
	],
	[
		'nothing in flow context',
		{
			node: { service: 'target', serviceType: 'flow' },
			msg: payload(SSH),
			message: /^flow\.target: remote\.it connect needs a service/,
		},
	],
	[
		'a bad id in flow context',
		{
			node: { service: 'target', serviceType: 'flow' },
			flow: { target: 'bad' },
			msg: payload(SSH),
			message: /^flow\.target: "bad" is not/,
		},
	],
	[
		'a malformed msg path',
		{
			node: { service: 'target..id', serviceType: 'msg' },
			msg: payload(SSH),
			message:
				/^Service \(service\): could not read msg\.target\.\.id: Invalid property expression/,
		},
	],
	[
		'broken JSONata',
		{
			node: { service: 'payload.(', serviceType: 'jsonata' },
			msg: payload(SSH),
			message: /^Service \(service\): could not read the JSONata expression: \S/,
		},
	],
	[
		'JSONata that fails when it runs',
		{
			node: { service: '$number("abc")', serviceType: 'jsonata' },
			msg: payload(SSH),
			message: /^Service \(service\): could not read the JSONata expression: \S/,
		},
	],
	[
		'a bad configured service',
		{
			node: { service: 'bad', serviceType: 'str' },
			msg: payload(SSH),
			message: /^the configured service: "bad" is not a remote\.it id/,
		},
	],
	[
		'an unknown access mode',
		{
			node: { accessMode: 'everyone' },
			msg: payload(SSH),
			message: /^Access \(accessMode\): accessMode must be one of: latching, public, restricted/,
		},
	],
	[
		'a numeric access mode',
		{
			node: { accessMode: 3 },
			msg: payload(SSH),
			message: /^Access \(accessMode\): accessMode must be one of/,
		},
	],
	[
		'restricted without an IP',
		{
			node: { accessMode: 'restricted', hostIp: '' },
			msg: payload(SSH),
			message: /^Allowed IP \(hostIp\): Restricted access needs hostIp/,
		},
	],
	[
		'restricted to a word',
		{
			node: { accessMode: 'restricted', hostIp: 'office' },
			msg: payload(SSH),
			message: /^Allowed IP \(hostIp\): hostIp must be an IPv4 address/,
		},
	],
	[
		'restricted to a number in flow JSON',
		{
			node: { accessMode: 'restricted', hostIp: 12345 },
			msg: payload(SSH),
			message: /^Allowed IP \(hostIp\): hostIp must be an IPv4 address/,
		},
	],
	[
		'restricted to 256.0.0.1',
		{
			node: { accessMode: 'restricted', hostIp: '256.0.0.1' },
			msg: payload(SSH),
			message: /^Allowed IP \(hostIp\): hostIp must be an IPv4/,
		},
	],
	[
		'restricted to 0.0.0.0',
		{
			node: { accessMode: 'restricted', hostIp: '0.0.0.0' },
			msg: payload(SSH),
			message:
				/^Allowed IP \(hostIp\): 0\.0\.0\.0 is not a single address; choose accessMode "public"/,
		},
	],
	[
		'restricted to 255.255.255.255',
		{
			node: { accessMode: 'restricted', hostIp: '255.255.255.255' },
			msg: payload(SSH),
			message: /^Allowed IP \(hostIp\): 255\.255\.255\.255 is not a single address/,
		},
	],
	[
		'a wait of words in flow JSON',
		{
			node: { waitReachable: true, reachableTimeout: 'soon' },
			msg: payload(SSH),
			message:
				/^Wait, at most \(reachableTimeout, in seconds\): must be a whole number from 1 to 600$/,
		},
	],
	[
		'a wait of a second and a half',
		{
			node: { waitReachable: true, reachableTimeout: '1.5' },
			msg: payload(SSH),
			message:
				/^Wait, at most \(reachableTimeout, in seconds\): must be a whole number from 1 to 600$/,
		},
	],
	[
		'a wait of an hour',
		{
			node: { waitReachable: true, reachableTimeout: 3600 },
			msg: payload(SSH),
			message:
				/^Wait, at most \(reachableTimeout, in seconds\): must be a whole number from 1 to 600$/,
		},
	],
	[
		'restricted to an IPv6 address',
		{
			node: { accessMode: 'restricted', hostIp: '::1' },
			msg: payload(SSH),
			message: /^Allowed IP \(hostIp\): hostIp must be an IPv4/,
		},
	],
	[
		'an unknown proxy type',
		{
			node: { proxyType: 'tunnel' },
			msg: payload(SSH),
			message: /^Proxy \(proxyType\): proxyType must be one of: auto, port, reverse/,
		},
	],
	[
		'a numeric proxy type',
		{
			node: { proxyType: 5 },
			msg: payload(SSH),
			message: /^Proxy \(proxyType\): proxyType must be one of/,
		},
	],
];

const disconnectCases: Array<[string, Case]> = [
	[
		'an empty string',
		{ msg: payload(''), message: /^msg\.payload: remote\.it disconnect needs a connection here/ },
	],
	[
		'a number',
		{ msg: payload(123), message: /^msg\.payload: remote\.it disconnect needs a connection/ },
	],
	[
		'null',
		{ msg: payload(null), message: /^msg\.payload: remote\.it disconnect needs a connection/ },
	],
	[
		'a list',
		{ msg: payload(['abc']), message: /^msg\.payload: remote\.it disconnect needs a connection/ },
	],
	[
		'an empty object',
		{ msg: payload({}), message: /^msg\.payload: remote\.it disconnect needs a connection/ },
	],
	[
		'an inherited id only',
		{
			msg: payload(Object.create({ id: 'ABC', serviceId: SSH })),
			message: /^msg\.payload: remote\.it disconnect needs a connection/,
		},
	],
	[
		'a connection id with a space',
		{
			msg: payload({ id: 'A B', serviceId: SSH }),
			message: /^msg\.payload\.id: The connection id may only hold letters, digits/,
		},
	],
	[
		'a connection id of 200 characters',
		{
			msg: payload({ id: 'A'.repeat(200), serviceId: SSH }),
			message: /^msg\.payload\.id: The connection id is too long/,
		},
	],
	[
		'a connectionId with a semicolon',
		{
			msg: payload({ connectionId: 'a;b', serviceId: SSH }),
			message: /^msg\.payload\.connectionId: The connection id may only hold/,
		},
	],
	[
		'a bad serviceId in the connection',
		{
			msg: payload({ id: 'ABC', serviceId: 'bad' }),
			message: /^msg\.payload\.serviceId: "bad" is not a remote\.it id/,
		},
	],
	[
		'a bare id and no service id anywhere',
		{
			msg: payload('ABC'),
			message:
				/needs the service id of the connection: pass the connection object, set msg\.serviceId, or fill in Service ID/,
		},
	],
	[
		'a bare id and a bad msg.serviceId',
		{
			msg: () => ({ payload: 'ABC', serviceId: 'bad' }),
			message: /^msg\.serviceId: "bad" is not a remote\.it id/,
		},
	],
	[
		'a bare id and a bad configured Service ID',
		{
			node: { serviceId: 'bad' },
			msg: payload('ABC'),
			message: /^Service ID \(serviceId\): "bad" is not a remote\.it id/,
		},
	],
	[
		'a bare id with a semicolon',
		{
			msg: () => ({ payload: 'a;b', serviceId: SSH }),
			message: /^msg\.payload: The connection id may only hold/,
		},
	],
	[
		'a bare id and a numeric Service ID in flow JSON',
		{
			node: { serviceId: 5 },
			msg: payload('ABC'),
			message: /needs the service id of the connection/,
		},
	],
	[
		'a payload 5000 levels deep',
		{
			msg: payload(deep(5000)),
			message: /^msg\.payload: remote\.it disconnect needs a connection/,
		},
	],
	[
		'a payload whose getters throw',
		{
			msg: payload(throwingGetter()),
			message: /^msg\.payload\.id: could not be read \(getter exploded\)/,
		},
	],
	[
		'a malformed msg path',
		{
			node: { connection: 'proxy[', connectionType: 'msg' },
			msg: payload('x'),
			message:
				/^Connection \(connection\): could not read msg\.proxy\[: Invalid property expression/,
		},
	],
	[
		'nothing in flow context',
		{
			node: { connection: 'proxy', connectionType: 'flow' },
			msg: payload('x'),
			message: /^flow\.proxy: remote\.it disconnect needs a connection/,
		},
	],
];

const tagged = (tags: unknown, extra: Partial<FlowNode> = {}): Partial<FlowNode> => ({
	tags: typeof tags === 'string' ? tags : JSON.stringify(tags),
	tagsType: 'json',
	...extra,
});
const deviceCases: Array<[string, Case]> = [
	[
		'Get with an empty payload',
		{
			node: { action: 'get' },
			msg: payload(' '),
			message:
				/^msg\.payload: remote\.it devices \(Get\) needs a device here: its id, its name, or a device with an id$/,
		},
	],
	[
		'Get with a number',
		{
			node: { action: 'get' },
			msg: payload(42),
			message:
				/^msg\.payload: remote\.it devices \(Get\) needs a device here: its id, its name, or a device with an id$/,
		},
	],
	[
		'Get with a list',
		{
			node: { action: 'get' },
			msg: payload(['factory-gateway']),
			message:
				/^msg\.payload: remote\.it devices \(Get\) needs a device here: its id, its name, or a device with an id$/,
		},
	],
	[
		'Get with an object without an id',
		{
			node: { action: 'get' },
			msg: payload({ name: 'factory-gateway' }),
			message:
				/^msg\.payload: remote\.it devices \(Get\) needs a device here: its id, its name, or a device with an id$/,
		},
	],
	[
		'Get with a name of 600 characters',
		{ node: { action: 'get' }, msg: payload('x'.repeat(600)), message: /^msg\.payload: / },
	],
	[
		'Tags that are not JSON',
		{
			node: tagged('line-3'),
			msg: payload(1),
			message: /^Tags \(tags\): is not a JSON list such as \["line-3"\]/,
		},
	],
	[
		'Tags given as JSON text',
		{
			node: tagged('"line-3"'),
			msg: payload(1),
			message: /^Tags \(tags\): must be a list of tag names, not text/,
		},
	],
	[
		'Tags given as an object',
		{
			node: tagged({ name: 'line-3' }),
			msg: payload(1),
			message: /^Tags \(tags\): must be a list of tag names, not an object/,
		},
	],
	[
		'a blank tag',
		{ node: tagged(['line-3', ' ']), msg: payload(1), message: /^Tags \(tags\): entry 2 is blank/ },
	],
	[
		'Tags from msg that are text',
		{
			node: { tags: 'wanted', tagsType: 'msg' },
			msg: () => ({ payload: 1, wanted: 'line-3,office' }),
			message: /^msg\.wanted: must be a list of tag names, not text/,
		},
	],
	[
		'Tags from msg that are an object',
		{
			node: { tags: 'wanted', tagsType: 'msg' },
			msg: () => ({ payload: 1, wanted: { any: ['line-3'] } }),
			message: /^msg\.wanted: must be a list of tag names, not an object/,
		},
	],
	[
		'a tag match other than any or all',
		{
			node: tagged(['line-3'], { tagMatch: 'some' }),
			msg: payload(1),
			message: /^Tag match \(tagMatch\): must be "any" or "all", not "some"/,
		},
	],
	[
		'an unknown action',
		{
			node: { action: 'deleteDevices' },
			msg: payload(1),
			message: /^Action \(action\): must be "list", "get", "addTags" or "removeTags"/,
		},
	],
	[
		'Add tags with no tags',
		{
			node: tagged([], { action: 'addTags' }),
			msg: payload('80:00:00:00:01:00:00:01'),
			message: /^Tags \(tags\): must name at least one tag/,
		},
	],
	[
		'Add tags to a payload that names no device',
		{
			node: tagged(['x'], { action: 'addTags' }),
			msg: payload(true),
			message: /^msg\.payload: needs a device id, or a device with an id/,
		},
	],
	[
		'Add tags to an empty list',
		{
			node: tagged(['x'], { action: 'addTags' }),
			msg: payload([]),
			message: /^msg\.payload: is an empty list/,
		},
	],
	[
		'Remove tags from a device whose id is not one',
		{
			node: tagged(['x'], { action: 'removeTags' }),
			msg: payload([{ id: 'gateway' }]),
			message: /^msg\.payload: "gateway" is not a remote\.it id/,
		},
	],
	[
		'an unknown state',
		{
			node: { state: 'maybe' },
			msg: payload(1),
			message: /^State \(state\): must be "all", "online" or "offline"/,
		},
	],
	[
		'a numeric state',
		{ node: { state: 5 }, msg: payload(1), message: /^State \(state\): must be/ },
	],
	[
		'a numeric name filter',
		{
			node: { nameFilter: 123 },
			msg: payload(1),
			message: /^Name contains \(nameFilter\): must be text/,
		},
	],
	[
		'an object name filter',
		{
			node: { nameFilter: { a: 1 } },
			msg: payload(1),
			message: /^Name contains \(nameFilter\): must be text/,
		},
	],
	[
		'a name filter of 300 characters',
		{
			node: { nameFilter: 'n'.repeat(300) },
			msg: payload(1),
			message: /^Name contains \(nameFilter\): name is too long \(at most 255/,
		},
	],
	[
		'a name filter with a control character',
		{
			node: { nameFilter: 'a\u0007b' },
			msg: payload(1),
			message: /^Name contains \(nameFilter\): name contains control characters/,
		},
	],
	[
		'a negative limit',
		{
			node: { limit: -1 },
			msg: payload(1),
			message: /^Limit \(limit\): must be a whole number from 1 to 1000, or 0 for all/,
		},
	],
	[
		'a fractional limit',
		{ node: { limit: 1.5 }, msg: payload(1), message: /^Limit \(limit\): must be a whole number/ },
	],
	[
		'a limit in words',
		{
			node: { limit: 'ten' },
			msg: payload(1),
			message: /^Limit \(limit\): must be a whole number/,
		},
	],
	[
		'a limit above 1000',
		{
			node: { limit: 1001 },
			msg: payload(1),
			message: /^Limit \(limit\): must be a whole number from 1 to 1000/,
		},
	],
	[
		'an object limit',
		{
			node: { limit: { n: 1 } },
			msg: payload(1),
			message: /^Limit \(limit\): must be a whole number/,
		},
	],
];

const events = (overrides: Partial<FlowNode> = {}): FlowNode => ({
	id: 'node',
	type: 'remoteit-events',
	event: 'deviceOffline',
	deviceNameContains: '',
	tags: '[]',
	tagsType: 'json',
	tagMatch: 'any',
	interval: 60,
	...overrides,
});

const INTERVAL =
	/^Poll every \(interval, in seconds\): must be a whole number of seconds from 10 to 86400$/;

/** The events node has no input: its settings are checked when it starts, before its first poll. */
const eventsCases: Array<[string, { node: Partial<FlowNode>; message: RegExp }]> = [
	['an interval given as text', { node: { interval: 'ten' }, message: INTERVAL }],
	['an interval with a unit', { node: { interval: '1m' }, message: INTERVAL }],
	['an interval below the minimum', { node: { interval: 5 }, message: INTERVAL }],
	['an interval of 0', { node: { interval: '0' }, message: INTERVAL }],
	['an interval above a day', { node: { interval: 86_401 }, message: INTERVAL }],
	['a fractional interval', { node: { interval: 30.5 }, message: INTERVAL }],
	['an interval given as an object', { node: { interval: { seconds: 60 } }, message: INTERVAL }],
	['an interval given as true', { node: { interval: true }, message: INTERVAL }],
	[
		'an unknown event kind',
		{ node: { event: 'deviceShared' }, message: /^Event \(event\): must be deviceOffline, / },
	],
	['a numeric event kind', { node: { event: 3 }, message: /^Event \(event\): must be/ }],
	[
		'a numeric device name filter',
		{
			node: { deviceNameContains: 42 },
			message: /^Device name contains \(deviceNameContains\): must be text$/,
		},
	],
	[
		'tags that are not JSON',
		{ node: { tags: 'line-3, gateway' }, message: /^Tags \(tags\): is not a JSON list/ },
	],
	[
		'tags given as text',
		{
			node: { tags: '"line-3"' },
			message: /^Tags \(tags\): must be a list of tag names, not text/,
		},
	],
	[
		'tags given as an object',
		{
			node: { tags: '{"name":"line-3"}' },
			message: /^Tags \(tags\): must be a list of tag names, not an object/,
		},
	],
	[
		'a blank tag',
		{ node: { tags: '["line-3"," "]' }, message: /^Tags \(tags\): entry 2 is blank/ },
	],
	[
		'a tag match other than any or all',
		{ node: { tags: '["line-3"]', tagMatch: 'some' }, message: /^Tag match \(tagMatch\): must be/ },
	],
];

const accountCases: Array<[string, Case]> = [
	[
		'a disabled account',
		{
			account: { d: true, name: 'plant account' },
			msg: payload(SSH),
			message:
				/^Account \(account\): the remote\.it account "plant account" is disabled: enable it in its edit dialog and deploy/,
		},
	],
	[
		'a Timeout of a billion seconds',
		{
			account: { timeout: 1e9 },
			msg: payload(SSH),
			message:
				/^Timeout \(timeout\) of the remote\.it account: must be a number of seconds above 0 and at most 600/,
		},
	],
	[
		'a negative Timeout',
		{
			account: { timeout: -1 },
			msg: payload(SSH),
			message: /^Timeout \(timeout\) of the remote\.it account: must be/,
		},
	],
	[
		'a Timeout in words',
		{
			account: { timeout: 'soon' },
			msg: payload(SSH),
			message: /^Timeout \(timeout\) of the remote\.it account: must be/,
		},
	],
	[
		'a Timeout below a millisecond',
		{
			account: { timeout: 0.0001 },
			msg: payload(SSH),
			message: /^Timeout \(timeout\) of the remote\.it account: must be/,
		},
	],
	[
		'an ftp API URL',
		{
			account: { apiUrl: 'ftp://api.example' },
			msg: payload(SSH),
			message:
				/^API URL \(apiUrl\) of the remote\.it account: The API URL must start with https:\/\//,
		},
	],
	[
		'a plain-http API URL elsewhere',
		{
			account: { apiUrl: 'http://api.example' },
			msg: payload(SSH),
			message:
				/^API URL \(apiUrl\) of the remote\.it account: Plain http:\/\/ is only allowed for a loopback/,
		},
	],
	[
		'an API URL that is no URL',
		{
			account: { apiUrl: 'not a url' },
			msg: payload(SSH),
			message: /^API URL \(apiUrl\) of the remote\.it account: The API URL is not a valid URL/,
		},
	],
	[
		'an API URL with credentials',
		{
			account: { apiUrl: 'https://user:pw@api.example' },
			msg: payload(SSH),
			message:
				/^API URL \(apiUrl\) of the remote\.it account: The API URL must not contain credentials/,
		},
	],
	[
		'an unknown authentication method',
		{
			account: { authMethod: 'magic' },
			msg: payload(SSH),
			message:
				/^Authentication \(authMethod\) of the remote\.it account: .*no valid authentication method/,
		},
	],
];

/** Resolves with the next Catch message, or fails naming what never came. */
async function caughtWithin(ms: number): Promise<NodeMessage> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			nextMessage('caught'),
			new Promise<never>((_, reject) => {
				timer = setTimeout(
					() => reject(new Error(`no message reached the Catch node within ${ms} ms`)),
					ms,
				);
			}),
		]);
	} finally {
		clearTimeout(timer);
	}
}

async function runCase(node: FlowNode, testCase: Case): Promise<void> {
	await loadFlow(flowAround(node, emulator.url, testCase.account), accessKeyCredentials(account));
	const running = nodeById('node') as unknown as {
		context(): { flow: { set(key: string, value: unknown): void } };
	};
	for (const [key, value] of Object.entries(testCase.flow ?? {}))
		running.context().flow.set(key, value);
	await readRequestLog(emulator.url, { clear: true });
	const caught = caughtWithin(3000);
	nodeById('node').receive(testCase.msg());
	// Node-RED puts the error's name in front ("RemoteItValidationError: ..."): what follows is ours.
	const message = ((await caught).error as { message: string }).message.replace(/^\w*Error: /, '');
	expect(message).toMatch(testCase.message);
	expect(message).not.toMatch(/undefined|\[object Object\]|is not a function/);
	expect(await readRequestLog(emulator.url)).toEqual([]);
	expect(nodeById('node').id).toBe('node');
}

describe('bad input to remoteit-connect', () => {
	it.each(connectCases)('%s', (_what, testCase) => runCase(connect(testCase.node), testCase));
});

describe('bad input to remoteit-disconnect', () => {
	it.each(disconnectCases)('%s', (_what, testCase) => runCase(disconnect(testCase.node), testCase));
});

describe('bad settings of remoteit-devices', () => {
	it.each(deviceCases)('%s', (_what, testCase) => runCase(devices(testCase.node), testCase));
});

describe('bad settings of remoteit-events', () => {
	it.each(eventsCases)('%s', async (_what, testCase) => {
		await readRequestLog(emulator.url, { clear: true });
		await loadFlow(flowAround(events(testCase.node), emulator.url), accessKeyCredentials(account));
		await eventually(() => sentHistory('catch-errors').length > 0, 'the Catch node');
		const [caught, ...more] = sentHistory('catch-errors');
		expect(more).toEqual([]);
		// Settings are checked when the node starts; tags when a poll reads them (a flow property may change).
		expect(caught.topic).toBe('tags' in testCase.node ? 'deviceOffline' : 'configuration');
		const message = (caught.error as { message: string }).message.replace(/^\w*Error: /, '');
		expect(message).toMatch(testCase.message);
		expect(statusHistory('node').at(-1)).toEqual({
			fill: 'red',
			shape: 'ring',
			text: 'invalid input',
		});
		expect(await readRequestLog(emulator.url)).toEqual([]);
	});
});

describe('bad settings of the remote.it account', () => {
	it.each(accountCases)('%s', (_what, testCase) => runCase(connect(testCase.node), testCase));
});

it('holds at least 60 cases', () => {
	expect(
		connectCases.length +
			disconnectCases.length +
			deviceCases.length +
			eventsCases.length +
			accountCases.length,
	).toBeGreaterThanOrEqual(60);
});

it('still connects a good message after all that', async () => {
	await loadFlow(flowAround(connect(), emulator.url), accessKeyCredentials(account));
	const output = nextMessage('out');
	nodeById('node').receive({ payload: SSH });
	expect(((await output).payload as { serviceId: string }).serviceId).toBe(SSH);
});

it('hands the Catch node a copyable message, noting what could not be copied', async () => {
	await loadFlow(flowAround(connect(), emulator.url), accessKeyCredentials(account));
	const caught = caughtWithin(3000);
	nodeById('node').receive({ payload: deep(5000), topic: 'deep' });
	const msg = await caught;
	expect(msg.topic).toBe('deep');
	expect(msg.payload).toBe(
		'[msg.payload could not be copied for the Catch node: nested too deeply]',
	);
});

it('ignores a polluted Object.prototype.serviceId: an object payload without its own serviceId is refused', async () => {
	await loadFlow(flowAround(connect(), emulator.url), accessKeyCredentials(account));
	await readRequestLog(emulator.url, { clear: true });
	const caught = caughtWithin(3000);
	Object.defineProperty(Object.prototype, 'serviceId', {
		value: SSH,
		configurable: true,
		writable: true,
		enumerable: false,
	});
	try {
		nodeById('node').receive({ payload: { name: 'no service here' } });
		const message = ((await caught).error as { message: string }).message;
		expect(message).toMatch(/msg\.payload: remote\.it connect needs a service here/);
	} finally {
		delete (Object.prototype as Record<string, unknown>).serviceId;
	}
	expect(await readRequestLog(emulator.url)).toEqual([]);
});
