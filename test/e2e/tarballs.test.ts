/**
 * What `npm run pack` publishes: exactly two tarballs in artifacts/, each holding only what its engine loads plus
 * README, LICENSE and CHANGELOG, at most 80 kB; the n8n one installs by Community Nodes' procedure with nothing in
 * its node_modules. (`npm run pack` = `npm run build` + `gulp pack`; the build is ensured first.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../../dev/engines/catalog';
import { installAsCommunityNode } from '../../dev/package/community-node-install';
import { ensureBuilt, N8N_PACKAGE, NODE_RED_PACKAGE } from '../../dev/package/local-package';

const { version } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
	version: string;
};
const artifacts = join(repositoryRoot, 'artifacts');
const tarballOf = (name: string): string => join(artifacts, `${name}-${version}.tgz`);
const MAX_PACKED_BYTES = 80 * 1000;

type Manifest = Record<string, unknown> & {
	dependencies?: Record<string, string>;
	files?: string[];
};

function entries(tarball: string): string[] {
	return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((entry) => entry.replace(/^package\//, ''))
		.sort();
}

function fileIn(tarball: string, entry: string): string {
	return execFileSync('tar', ['-xzOf', tarball, `package/${entry}`], { encoding: 'utf8' });
}

let scratch: string;

beforeAll(() => {
	ensureBuilt((line) => process.stderr.write(`[tarballs] ${line}\n`));
	execFileSync('npx', ['gulp', 'pack'], {
		cwd: repositoryRoot,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	scratch = mkdtempSync(join(tmpdir(), 'remoteit-tarballs-'));
}, 5 * 60_000);

afterAll(() => {
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('npm run pack', () => {
	it('writes exactly the two tarballs, each at most 80 kB', () => {
		expect(readdirSync(artifacts).sort()).toEqual([
			`${N8N_PACKAGE}-${version}.tgz`,
			`${NODE_RED_PACKAGE}-${version}.tgz`,
		]);
		for (const name of [N8N_PACKAGE, NODE_RED_PACKAGE]) {
			expect(statSync(tarballOf(name)).size).toBeLessThanOrEqual(MAX_PACKED_BYTES);
		}
	});

	it.each([N8N_PACKAGE, NODE_RED_PACKAGE])(
		'%s holds README, LICENSE, CHANGELOG, no source maps and no .d.ts',
		(name) => {
			const files = entries(tarballOf(name));
			expect(files).toEqual(
				expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']),
			);
			expect(files.filter((file) => /\.map$|\.d\.ts$|\.ts$/.test(file))).toEqual([]);
			const withMapComment = files.filter(
				(file) =>
					file.endsWith('.js') && fileIn(tarballOf(name), file).includes('sourceMappingURL'),
			);
			expect(withMapComment).toEqual([]);
		},
	);

	it('the n8n package: its nodes, credential, icons and the client files they load; no axios, no timers', () => {
		const tarball = tarballOf(N8N_PACKAGE);
		const files = entries(tarball);
		const manifest = JSON.parse(fileIn(tarball, 'package.json')) as Manifest & {
			n8n: { nodes: string[]; credentials: string[] };
		};
		expect(manifest).toMatchObject({
			name: N8N_PACKAGE,
			version,
			peerDependencies: { 'n8n-workflow': '*' },
		});
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.author).toEqual({
			name: expect.any(String),
			email: expect.stringMatching(/^\S+@\S+\.\S+$/),
		});
		expect(files).toEqual(
			expect.arrayContaining([
				...manifest.n8n.nodes,
				...manifest.n8n.credentials,
				'dist/icons/remoteit.svg',
				'dist/icons/remoteit.dark.svg',
			]),
		);
		expect(
			files.filter(
				(file) =>
					!/^dist\/(nodes\/RemoteIt|nodes\/RemoteItTrigger|nodes\/shared|credentials|icons|client)\//.test(
						file,
					) && file.startsWith('dist/'),
			),
		).toEqual([]);
		expect(files.filter((file) => /client\/transport\/|node-red|emulator/.test(file))).toEqual([]);
		const shipped = files
			.filter((file) => file.endsWith('.js'))
			.map((file) => [file, fileIn(tarball, file)] as const);
		expect(
			shipped
				.filter(([, code]) =>
					/\b(setTimeout|clearTimeout|setInterval|setImmediate)\s*\(|require\("(axios|node:events|events)"\)/.test(
						code,
					),
				)
				.map(([file]) => file),
		).toEqual([]);
	});

	it('the Node-RED package: the six nodes with their editor files and examples; axios its only dependency', () => {
		const tarball = tarballOf(NODE_RED_PACKAGE);
		const files = entries(tarball);
		const manifest = JSON.parse(fileIn(tarball, 'package.json')) as Manifest & {
			'node-red': { version: string; nodes: Record<string, string> };
		};
		expect(manifest.dependencies).toEqual({ axios: expect.any(String) });
		expect(manifest.peerDependencies).toBeUndefined();
		expect(Object.keys(manifest['node-red'].nodes).sort()).toEqual([
			'remoteit-config',
			'remoteit-connect',
			'remoteit-connections',
			'remoteit-devices',
			'remoteit-disconnect',
			'remoteit-events',
		]);
		for (const file of Object.values(manifest['node-red'].nodes)) {
			expect(files).toEqual(expect.arrayContaining([file, file.replace(/\.js$/, '.html')]));
		}
		// Every example flow in the repository ships, and nothing else sits beside them.
		const examples = readdirSync(join(repositoryRoot, 'examples')).map(
			(name) => `examples/${name}`,
		);
		expect(files.filter((file) => file.startsWith('examples/')).sort()).toEqual(examples.sort());
		expect(
			files.filter((file) => /RemoteIt\/|RemoteItTrigger|credentials\/|emulator/.test(file)),
		).toEqual([]);
	});

	it(
		"the n8n package installs by Community Nodes' procedure with nothing in its node_modules",
		() => {
			const packageFolder = installAsCommunityNode(
				join(scratch, '.n8n', 'nodes'),
				tarballOf(N8N_PACKAGE),
			);
			const nodeModules = join(packageFolder, 'node_modules');
			expect(
				existsSync(nodeModules)
					? readdirSync(nodeModules).filter((entry) => !entry.startsWith('.'))
					: [],
			).toEqual([]);
			expect(
				JSON.parse(readFileSync(join(scratch, '.n8n', 'nodes', 'package.json'), 'utf8')),
			).toEqual({
				name: 'installed-nodes',
				private: true,
				dependencies: { [N8N_PACKAGE]: version },
			});
		},
		2 * 60_000,
	);
});
