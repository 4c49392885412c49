/**
 * The two packages this repository publishes, as users get them: `npm run build` assembles each in
 * dist/packages/<name> (gulpfile.js), `npm pack` makes its tarball. The engines install a tarball with their own
 * procedures: community-node-install.ts (n8n) and palette-install.ts (Node-RED).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../engines/catalog';

export const N8N_PACKAGE = 'n8n-nodes-remoteit';
export const NODE_RED_PACKAGE = 'node-red-contrib-remoteit';
export type PackageName = typeof N8N_PACKAGE | typeof NODE_RED_PACKAGE;

/** What the packages are built from: a change to any of these makes dist/ stale. */
const SOURCES = [
	'client',
	'nodes',
	'credentials',
	'icons',
	'examples',
	'gulpfile.js',
	'package.json',
	'README.md',
	'CHANGELOG.md',
	'LICENSE',
];

export function packageDir(name: PackageName): string {
	return join(repositoryRoot, 'dist', 'packages', name);
}

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
		stat.mtimeMs,
	);
}

/** Runs `npm run build` when a package folder is missing or older than a source. */
export function ensureBuilt(log: (line: string) => void): void {
	const newestSource = Math.max(
		...SOURCES.map((source) => newestMtime(join(repositoryRoot, source))),
	);
	const built = ([N8N_PACKAGE, NODE_RED_PACKAGE] as const).map((name) =>
		join(packageDir(name), 'package.json'),
	);
	if (built.every((manifest) => existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource))
		return;
	log('building the packages (npm run build)…');
	try {
		execFileSync('npm', ['run', 'build'], {
			cwd: repositoryRoot,
			stdio: ['ignore', 'pipe', 'pipe'],
			encoding: 'utf8',
		});
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		throw new Error(`npm run build failed:\n${stdout}${stderr}`);
	}
}

/** `npm pack` of one package into a temporary folder; returns the tarball's path. */
export function packLocalPackage(name: PackageName, log: (line: string) => void): string {
	ensureBuilt(log);
	const destination = mkdtempSync(join(tmpdir(), 'remoteit-pack-'));
	const output = execFileSync(
		'npm',
		['pack', '--json', '--pack-destination', destination, packageDir(name)],
		{
			cwd: repositoryRoot,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const [packed] = JSON.parse(output) as Array<{ filename: string }>;
	if (!packed) throw new Error(`npm pack produced no tarball for ${name}`);
	return join(destination, packed.filename);
}
