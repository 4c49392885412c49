import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { removeN8nUserFolder } from './support/n8n-environment';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';

/** The n8n package as gulp assembles it (and `npm pack` packs it). */
const packageDir = resolve(__dirname, '../../dist/packages/n8n-nodes-remoteit');

/**
 * Loads the built package the way n8n loads an installed community package (n8n-core's PackageDirectoryLoader
 * reading package.json's `n8n` section), so paths, icons and the codex are checked as n8n resolves them.
 * `npm test` builds first; after editing sources, run `npm run build` before this file alone.
 */
describe('the package as n8n loads it', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		if (!existsSync(join(packageDir, 'dist/nodes/RemoteIt/RemoteIt.node.js'))) {
			throw new Error('dist/packages/n8n-nodes-remoteit is missing: run `npm run build` first');
		}
		loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
	});
	afterAll(removeN8nUserFolder);

	it('registers the remote.it node and credential under the package name', () => {
		expect(loader.packageName).toBe('n8n-nodes-remoteit');
		expect(Object.keys(loader.nodeTypes)).toEqual(['remoteIt', 'remoteItTrigger']);
		expect(Object.keys(loader.credentialTypes)).toEqual(['remoteItApi']);
		expect(loader.known.credentials.remoteItApi.supportedNodes).toEqual([
			'remoteIt',
			'remoteItTrigger',
		]);
	});

	it('resolves light and dark icons to files inside the package', () => {
		const credential = loader.types.credentials[0];
		for (const iconUrl of [...loader.types.nodes.map((node) => node.iconUrl), credential.iconUrl]) {
			expect(iconUrl).toEqual({ light: expect.any(String), dark: expect.any(String) });
			const { light, dark } = iconUrl as { light: string; dark: string };
			for (const url of [light, dark]) {
				expect(url.startsWith('icons/n8n-nodes-remoteit/')).toBe(true);
				expect(existsSync(join(packageDir, url.replace('icons/n8n-nodes-remoteit/', '')))).toBe(
					true,
				);
			}
		}
	});

	it('attaches the codex: categories and the "remote.it Connect" alias', () => {
		const codex = (
			loader.types.nodes[0] as INodeTypeDescription & {
				codex?: { categories?: string[]; alias?: string[] };
			}
		).codex;
		expect(codex?.categories).toEqual(expect.arrayContaining(['Development']));
		expect(codex?.alias).toContain('remote.it Connect');
	});

	it('registers the remote.it Trigger as a polling node with its codex', () => {
		const trigger = loader.types.nodes.find(
			(node) => node.name === 'remoteItTrigger',
		) as INodeTypeDescription & { codex?: { categories?: string[] } };
		expect(trigger).toMatchObject({
			displayName: 'remote.it Trigger',
			polling: true,
			group: ['trigger'],
			inputs: [],
		});
		expect(trigger.codex?.categories).toEqual(expect.arrayContaining(['Development']));
		expect(typeof loader.getNode('remoteItTrigger').type).toBe('object');
	});

	it('exposes the list-search methods the resource locators name', () => {
		const node = loader.getNode('remoteIt').type as {
			methods?: { listSearch?: Record<string, unknown> };
		};
		expect(Object.keys(node.methods?.listSearch ?? {}).sort()).toEqual([
			'searchDevices',
			'searchServices',
		]);
	});
});
