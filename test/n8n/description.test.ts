import { Workflow, type INode, type INodeParameters, type INodeProperties, type INodePropertyOptions, type INodeTypes } from 'n8n-workflow';

import { RemoteIt } from '../../nodes/RemoteIt/RemoteIt.node';
import { RemoteItApi } from '../../credentials/RemoteItApi.credentials';

const { description } = new RemoteIt();

function operations(resource: string): INodePropertyOptions[] {
	const property = description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return (property?.options ?? []) as INodePropertyOptions[];
}

describe('node description', () => {
	it('offers the operations of issue 3, named as the node picker shows them', () => {
		expect(operations('connection').map((o) => [o.name, o.action])).toEqual([
			['Connect', 'Connect to a service'],
			['Disconnect', 'Disconnect from a service'],
			['Get Many', 'Get many connections'],
		]);
		expect(operations('device').map((o) => [o.name, o.action])).toEqual([
			['Get', 'Get a device'],
			['Get Many', 'Get many devices'],
		]);
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(resource?.default).toBe('connection');
		expect(description.properties.find((p) => p.name === 'operation')?.default).toBe('connect');
	});

	it('is usable as an AI tool, with a description on every operation and parameter', () => {
		expect(description.usableAsTool).toBe(true);
		for (const resource of ['connection', 'device']) {
			for (const operation of operations(resource)) expect(operation.description?.length).toBeGreaterThan(20);
		}
		const parameters = description.properties.filter((p) => !['resource', 'operation'].includes(p.name));
		const undescribed = parameters.filter((p: INodeProperties) => !p.description && p.type !== 'collection');
		expect(undescribed.map((p) => p.name)).toEqual([]);
	});

	it('subtitles the canvas node with the service or device it targets, as the editor evaluates it', () => {
		const nodeTypes = {
			getByName: () => new RemoteIt(),
			getByNameAndVersion: () => new RemoteIt(),
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes;
		const subtitleOf = (parameters: INodeParameters): unknown => {
			const node: INode = { id: '1', name: 'remote.it', type: 'CUSTOM.remoteIt', typeVersion: 1, position: [0, 0], parameters };
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
		};
		const service = { __rl: true, mode: 'list', value: '80:00:00:00:01:00:00:02', cachedResultName: 'factory-gateway / SSH' };
		expect(subtitleOf({ resource: 'connection', operation: 'connect', service })).toBe('connect: 80:00:00:00:01:00:00:02');
		expect(subtitleOf({ resource: 'connection', operation: 'connect', service: { __rl: true, mode: 'name', value: 'camera-nvr/SSH' } }))
			.toBe('connect: camera-nvr/SSH');
		expect(subtitleOf({ resource: 'device', operation: 'get', device: { __rl: true, mode: 'id', value: '80:00:00:00:01:00:00:01' } }))
			.toBe('get: 80:00:00:00:01:00:00:01');
		expect(subtitleOf({ resource: 'connection', operation: 'disconnect' })).toBe('disconnect: connection');
	});

	it('validates By ID against the 8-octet id pattern', () => {
		const service = description.properties.find((p) => p.name === 'service');
		const byId = service?.modes?.find((m) => m.name === 'id');
		const rule = byId?.validation?.[0] as unknown as { properties: { regex: string } };
		const regex = new RegExp(rule.properties.regex);
		expect(regex.test('80:00:00:00:01:00:00:02')).toBe(true);
		expect(regex.test(' 80:00:00:00:01:00:0a:ff ')).toBe(true);
		expect(regex.test('80:00:00:00:01:00:00')).toBe(false);
		expect(regex.test('factory-gateway/SSH')).toBe(false);
		expect(service?.modes?.map((m) => m.name)).toEqual(['list', 'id', 'name']);
	});

	it('defaults Disconnect to the fields Connect outputs', () => {
		const defaults = Object.fromEntries(
			description.properties.filter((p) => p.displayOptions?.show?.operation?.includes('disconnect')).map((p) => [p.name, p.default]),
		);
		expect(defaults).toEqual({ connectionId: '={{ $json.id }}', serviceId: '={{ $json.serviceId }}', options: {} });
	});
});

describe('credential description', () => {
	const credential = new RemoteItApi();
	const visibleFor = (method: string) =>
		credential.properties
			.filter((p) => !p.displayOptions || p.displayOptions.show?.authentication?.includes(method))
			.map((p) => p.name);

	it('shows only the fields each authentication method needs', () => {
		expect(visibleFor('accessKey')).toEqual(['authentication', 'accessKeyId', 'secretAccessKey', 'developerKey', 'apiUrl']);
		expect(visibleFor('password')).toEqual(['authentication', 'developerKey', 'username', 'password', 'customRequestsNotice', 'apiUrl']);
		expect(visibleFor('token')).toEqual(['authentication', 'developerKey', 'token', 'apiUrl']);
	});

	it('masks every secret', () => {
		const secrets = credential.properties.filter((p) => ['secretAccessKey', 'developerKey', 'password', 'token'].includes(p.name));
		expect(secrets.length).toBe(5);
		expect(secrets.every((p) => p.typeOptions?.password === true)).toBe(true);
	});

	it('warns two-factor accounts away from password login', () => {
		const username = credential.properties.find((p) => p.name === 'username');
		expect(username?.hint).toMatch(/two-factor/);
	});
});
