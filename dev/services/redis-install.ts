/**
 * Installs Debian's Redis once into the engine cache, without root: `apt-get download` of the packages in
 * dev/pins/redis/debian-packages.json, `dpkg -x` of each into `<cache>/redis-<hash>/root`. The hash covers that file,
 * the Debian release and the architecture. Like the engines (dev/engines/install.ts), the install goes into a
 * `.partial-<pid>` folder renamed when complete, under a lock so two runs never install at once.
 */
import { execFileSync } from 'node:child_process';
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
import { basename, dirname, join } from 'node:path';
import { repositoryRoot } from '../engines/catalog';
import { cacheRoot } from '../engines/install';
import { withLock } from '../engines/lock';
import { formatDuration, runCommand } from '../engines/run-command';

export interface InstalledRedis {
	/** "redis-server 7.0.15 (Debian redis-tools 5:7.0.15-1~deb12u7)" */
	label: string;
	dir: string;
	serverBinary: string;
	cliBinary: string;
	/** LD_LIBRARY_PATH holding the unpacked libraries (jemalloc, lzf). */
	env: Record<string, string>;
}

interface PackageList {
	packages: string[];
	binary: string;
	libraries: string;
}

const COMPLETE_MARKER = '.installed.json';
const MANIFEST = join(repositoryRoot, 'dev', 'pins', 'redis', 'debian-packages.json');
/** What a user must do when the fetch cannot work: named in every error of this file. */
const REDIS_INSTALL_HINT =
	"the queue-mode launcher and tests fetch Redis from Debian's packages: run `apt-get update` once as root " +
	'(on Debian or Ubuntu), then run again';

function readList(): PackageList {
	return JSON.parse(readFileSync(MANIFEST, 'utf8')) as PackageList;
}

function osRelease(): string {
	try {
		return readFileSync('/etc/os-release', 'utf8');
	} catch {
		return '';
	}
}

export function redisCacheDir(): string {
	const key = createHash('sha256')
		.update(readFileSync(MANIFEST))
		.update(osRelease())
		.update(`${process.platform}-${process.arch}`)
		.digest('hex')
		.slice(0, 12);
	return join(cacheRoot(), `redis-${key}`);
}

function installedAt(dir: string): InstalledRedis {
	const list = readList();
	const marker = JSON.parse(readFileSync(join(dir, COMPLETE_MARKER), 'utf8')) as { label: string };
	const root = join(dir, 'root');
	return {
		label: marker.label,
		dir,
		serverBinary: join(root, list.binary),
		cliBinary: join(root, dirname(list.binary), 'redis-cli'),
		env: {
			LD_LIBRARY_PATH: [join(root, list.libraries), process.env.LD_LIBRARY_PATH]
				.filter(Boolean)
				.join(':'),
		},
	};
}

function has(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** apt-get finds no package until `apt-get update` has run once; only root may run it. */
function aptKnows(name: string): boolean {
	try {
		return /Candidate: (?!\(none\))/.test(
			execFileSync('apt-cache', ['policy', name], { encoding: 'utf8' }),
		);
	} catch {
		return false;
	}
}

async function installInto(partial: string, log: (line: string) => void): Promise<string> {
	const list = readList();
	const common = {
		cwd: partial,
		env: { ...process.env },
		logFile: join(partial, 'install.log'),
		log,
	};
	if (!list.packages.every(aptKnows)) {
		if (process.getuid?.() !== 0)
			throw new Error(
				`apt-get knows no ${list.packages.join(', ')} (its package lists are empty); ${REDIS_INSTALL_HINT}`,
			);
		log('apt-get update (the package lists are empty)…');
		await runCommand('apt-get', ['update'], {
			...common,
			activity: 'updating the apt package lists',
		});
	}
	const debs = join(partial, 'debs');
	mkdirSync(debs);
	await runCommand('apt-get', ['download', ...list.packages], {
		...common,
		cwd: debs,
		activity: `downloading ${list.packages.join(', ')}`,
	});
	for (const deb of readdirSync(debs).filter((file) => file.endsWith('.deb'))) {
		await runCommand('dpkg', ['-x', join(debs, deb), join(partial, 'root')], {
			...common,
			activity: `unpacking ${deb}`,
		});
	}
	const serverDeb = readdirSync(debs).find((file) => file.startsWith(`${list.packages[0]}_`)) ?? '';
	const version = execFileSync('dpkg-deb', ['-f', join(debs, serverDeb), 'Version'], {
		encoding: 'utf8',
	}).trim();
	rmSync(debs, { recursive: true, force: true });
	const binary = join(partial, 'root', list.binary);
	const env = { ...process.env, LD_LIBRARY_PATH: join(partial, 'root', list.libraries) };
	let printed: string;
	try {
		printed = execFileSync(binary, ['--version'], { encoding: 'utf8', env });
	} catch (error) {
		let missing: string[] = [];
		try {
			missing = execFileSync('ldd', [binary], { encoding: 'utf8', env })
				.split('\n')
				.filter((line) => line.includes('not found'));
		} catch {
			// No ldd, or no binary: the error below says the binary does not run.
		}
		throw new Error(
			`the unpacked redis-server does not run (${(error as Error).message.split('\n')[0]}); missing libraries: ${missing.join('; ') || 'none found'}; ${REDIS_INSTALL_HINT}`,
		);
	}
	const serverVersion = /v=(\S+)/.exec(printed)?.[1] ?? '?';
	return `redis-server ${serverVersion} (Debian ${list.packages[0]} ${version})`;
}

/** Returns the cached Redis, installing it first when the cache lacks it. */
export async function ensureRedis(
	options: { log?: (line: string) => void } = {},
): Promise<InstalledRedis> {
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const dir = redisCacheDir();
	if (existsSync(join(dir, COMPLETE_MARKER))) return installedAt(dir);
	if (process.platform !== 'linux' || !has('apt-get') || !has('dpkg')) {
		throw new Error(
			"Redis comes from Debian's packages (apt-get download, dpkg -x), and this machine has no apt-get or dpkg: " +
				'run the queue-mode launcher and tests on Debian or Ubuntu',
		);
	}
	mkdirSync(cacheRoot(), { recursive: true });
	return withLock(
		`${dir}.lock`,
		() => log('waiting for another process installing Redis…'),
		async () => {
			if (existsSync(join(dir, COMPLETE_MARKER))) return installedAt(dir);
			const prefix = `${basename(dir)}.partial-`;
			for (const entry of readdirSync(dirname(dir))) {
				if (entry.startsWith(prefix))
					rmSync(join(dirname(dir), entry), { recursive: true, force: true });
			}
			const partial = `${dir}.partial-${process.pid}`;
			mkdirSync(partial, { recursive: true });
			const started = Date.now();
			log(`installing Redis from Debian's packages into ${dir} (first run only)`);
			const label = await installInto(partial, log);
			writeFileSync(
				join(partial, COMPLETE_MARKER),
				JSON.stringify({ label, at: new Date().toISOString() }),
			);
			if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
			renameSync(partial, dir);
			log(`installed ${label} in ${formatDuration(Date.now() - started)}`);
			return installedAt(dir);
		},
	);
}
