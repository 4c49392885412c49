/**
 * The n8n workflows the wire benchmark runs, as `n8n import:workflow` takes them. Each starts with a webhook that
 * receives `{ items: [{ serviceId }] }` and answers with every item of the last node, so the bench times a whole
 * execution and sees every item's outcome. "Hand-built" is what users build without this package: an HTTP Request
 * login, then an HTTP Request connect per item with the token in a header (remote.it REST v27); with an access key,
 * a Code node that signs each item's GraphQL connect, then an HTTP Request per item.
 */
import type { WorkflowJson } from '../dev/n8n/demo/demo-data';

export interface BenchAccount {
	email: string;
	password: string;
	developerKey: string;
	accessKeyId: string;
	secretAccessKey: string;
}

type Node = WorkflowJson['nodes'][number];
const REMOTE_IT = 'n8n-nodes-remoteit.remoteIt';

let nodeIds = 0;
function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: Record<string, unknown>,
	extra: Record<string, unknown> = {},
): Node {
	nodeIds++;
	return {
		id: `00000000-0000-4000-8000-${String(nodeIds).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [nodeIds * 200, 0],
		parameters,
		...extra,
	};
}

function webhook(path: string): Node {
	return node(
		'Webhook',
		'n8n-nodes-base.webhook',
		2,
		{ httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		{ webhookId: `b0000000-0000-4000-8000-${path.padStart(12, '0').slice(-12)}` },
	);
}

const splitOut = (field: string): Node =>
	node('Split Out', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: field, options: {} });

/** A straight line of nodes, plus extra connections. */
function workflow(
	id: string,
	name: string,
	nodes: Node[],
	extra: Record<string, unknown> = {},
): WorkflowJson {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		if (extra[nodes[i].name]) continue;
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id,
		name,
		active: true,
		nodes,
		connections: { ...connections, ...extra },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

export function nodeWorkflow(
	id: string,
	path: string,
	credential: { id: string; name: string },
	parallelRequests?: number,
): WorkflowJson {
	return workflow(id, `bench: remote.it node ${path}`, [
		webhook(path),
		splitOut('body.items'),
		node(
			'Connect',
			REMOTE_IT,
			1,
			{
				resource: 'connection',
				operation: 'connect',
				service: { __rl: true, mode: 'id', value: '={{ $json.serviceId }}' },
				options: parallelRequests === undefined ? {} : { parallelRequests },
			},
			{ credentials: { remoteItApi: credential } },
		),
	]);
}

export type HandBuiltStyle = 'default' | 'batching' | 'loop';

function httpConnect(
	apiUrl: string,
	account: BenchAccount,
	style: HandBuiltStyle,
	continueOnFail: boolean,
): Node {
	const options =
		style === 'batching' ? { batching: { batch: { batchSize: 10, batchInterval: 0 } } } : {};
	return node(
		'Connect',
		'n8n-nodes-base.httpRequest',
		4.2,
		{
			method: 'POST',
			url: `${apiUrl}/apv/v27/device/connect`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'developerkey', value: account.developerKey },
					{ name: 'token', value: "={{ $('Login').first().json.token }}" },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ deviceaddress: $json.serviceId, wait: "true" }) }}',
			options,
		},
		continueOnFail ? { onError: 'continueRegularOutput' } : {},
	);
}

/** Webhook → Login → the items again (Set) → Split Out → Connect, batched or in a Loop Over Items as chosen. */
export function handBuiltWorkflow(
	id: string,
	path: string,
	apiUrl: string,
	account: BenchAccount,
	style: HandBuiltStyle,
	continueOnFail = false,
): WorkflowJson {
	const login = node('Login', 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: `${apiUrl}/apv/v27/user/login`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'developerkey', value: account.developerKey }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: JSON.stringify({ username: account.email, password: account.password }),
		options: {},
	});
	const items = node('Items', 'n8n-nodes-base.set', 3.4, {
		mode: 'manual',
		assignments: {
			assignments: [
				{
					id: 'c0000000-0000-4000-8000-000000000001',
					name: 'items',
					value: "={{ $('Webhook').first().json.body.items }}",
					type: 'array',
				},
			],
		},
		options: {},
	});
	const connect = httpConnect(apiUrl, account, style, continueOnFail);
	if (style !== 'loop') {
		return workflow(id, `bench: hand-built ${style}`, [
			webhook(path),
			login,
			items,
			splitOut('items'),
			connect,
		]);
	}
	const loop = node('Loop Over Items', 'n8n-nodes-base.splitInBatches', 3, { options: {} });
	const done = node('Done', 'n8n-nodes-base.noOp', 1, {});
	return workflow(
		id,
		'bench: hand-built loop',
		[webhook(path), login, items, splitOut('items'), loop, connect, done],
		{
			'Loop Over Items': {
				main: [
					[{ node: 'Done', type: 'main', index: 0 }],
					[{ node: 'Connect', type: 'main', index: 0 }],
				],
			},
			Connect: { main: [[{ node: 'Loop Over Items', type: 'main', index: 0 }]] },
		},
	);
}

/**
 * The Code node an access-key user writes: remote.it's documented draft-cavage signature (docs/remoteit-api.md §1, §4)
 * over each item's GraphQL connect, keyed with the secret's base64-decoded bytes. n8n's Crypto node cannot do it
 * (its HMAC takes the secret as text), so the Code node needs `require('crypto')`, which n8n 1.x allows only with
 * NODE_FUNCTION_ALLOW_BUILTIN=crypto ("Enable modules in Code node" in n8n's docs). Its task runner has no global
 * `URL`, so the host is written out.
 */
function signingCode(apiUrl: string, account: BenchAccount): string {
	return `const crypto = require('crypto');
const keyId = ${JSON.stringify(account.accessKeyId)};
const secret = Buffer.from(${JSON.stringify(account.secretAccessKey)}, 'base64');
const host = ${JSON.stringify(new URL(apiUrl).host)};
const query = 'mutation query($serviceId: String!, $hostIP: String!) { connect(serviceId: $serviceId, hostIP: $hostIP) { id created host port reverseProxy timeout } }';
return $input.all().map((item) => {
  const body = JSON.stringify({ query, variables: { serviceId: item.json.serviceId, hostIP: '255.255.255.255' } });
  const date = new Date().toUTCString();
  const signingString = [
    '(request-target): post /graphql/v1',
    'host: ' + host,
    'date: ' + date,
    'content-type: application/json',
    'content-length: ' + Buffer.byteLength(body),
  ].join('\\n');
  const signature = crypto.createHmac('sha256', secret).update(signingString).digest('base64');
  const authorization = 'Signature keyId="' + keyId + '",algorithm="hmac-sha256",headers="(request-target) host date content-type content-length",signature="' + signature + '"';
  return { json: { body, date, authorization } };
});`;
}

/** Webhook → Split Out → Sign (Code) → Connect (HTTP Request, all items at once): GraphQL signed with the access key. */
export function signedHandBuiltWorkflow(
	id: string,
	path: string,
	apiUrl: string,
	account: BenchAccount,
): WorkflowJson {
	const sign = node('Sign', 'n8n-nodes-base.code', 2, { jsCode: signingCode(apiUrl, account) });
	const connect = node('Connect', 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url: `${apiUrl}/graphql/v1`,
		sendHeaders: true,
		headerParameters: {
			parameters: [
				{ name: 'Date', value: '={{ $json.date }}' },
				{ name: 'Authorization', value: '={{ $json.authorization }}' },
			],
		},
		sendBody: true,
		contentType: 'raw',
		rawContentType: 'application/json',
		body: '={{ $json.body }}',
		options: {},
	});
	return workflow(id, 'bench: hand-built, access key', [
		webhook(path),
		splitOut('body.items'),
		sign,
		connect,
	]);
}
