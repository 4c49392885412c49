/** The example flows Node-RED offers under Import > Examples: valid, covering every node, free of credentials. */
import fs from 'node:fs';
import path from 'node:path';

const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');
type FlowNode = {
	id: string;
	type: string;
	z?: string;
	wires?: string[][];
	scope?: string[];
	account?: string;
	credentials?: unknown;
};

const examples = fs
	.readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			[
				file,
				JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as FlowNode[],
			] as const,
	);

describe('examples/', () => {
	it('cover every remote.it node', () => {
		const types = new Set(examples.flatMap(([, flow]) => flow.map((node) => node.type)));
		for (const type of [
			'remoteit-config',
			'remoteit-connect',
			'remoteit-disconnect',
			'remoteit-devices',
			'remoteit-events',
			'remoteit-connections',
		])
			expect(types).toContain(type);
		expect(types).toContain('catch');
	});

	it.each(examples)('%s is a self-contained flow', (_file, flow) => {
		const ids = new Set(flow.map((node) => node.id));
		expect(ids.size).toBe(flow.length);
		const tabs = flow.filter((node) => node.type === 'tab');
		expect(tabs).toHaveLength(1);
		for (const node of flow) {
			if (node.z !== undefined) expect(node.z).toBe(tabs[0].id);
			for (const target of (node.wires ?? []).flat()) expect(ids).toContain(target);
			for (const target of node.scope ?? []) expect(ids).toContain(target);
			if (node.type.startsWith('remoteit-') && node.type !== 'remoteit-config') {
				expect(flow.find((candidate) => candidate.id === node.account)?.type).toBe(
					'remoteit-config',
				);
			}
		}
	});

	it.each(examples)('%s carries no credentials', (_file, flow) => {
		for (const node of flow) expect(node.credentials).toBeUndefined();
		const account = flow.find((node) => node.type === 'remoteit-config');
		expect(Object.keys(account ?? {}).sort()).toEqual([
			'apiUrl',
			'authMethod',
			'id',
			'name',
			'timeout',
			'type',
		]);
	});
});
