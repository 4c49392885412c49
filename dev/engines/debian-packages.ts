/**
 * Installs a pinned list of Debian packages once into the engine cache, without root: `apt-get download` of the
 * packages in dev/pins/<name>/debian-packages.json, `dpkg -x` of each into `<cache>/<name>-<hash>/root`. The hash covers
 * that file, the Debian release and the architecture. Like the engines (install.ts), the install goes into a
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
import { repositoryRoot } from './catalog';
import { cacheRoot, lockWaitLine } from './install';
import { withLock } from './lock';
import { formatDuration, runCommand } from './run-command';

export type DebianPackagesName = 'redis' | 'chromium';

/** dev/pins/<name>/debian-packages.json */
interface PackageList {
	/** The first names the program (its Debian version goes into the label). */
	packages: string[];
	/** The program, relative to the unpacked root. */
	binary: string;
	/** Folders of the unpacked libraries, relative to the unpacked root. */
	libraries: string | string[];
}

export interface DebianProgram {
	/** What the caller makes of the program's `--version` line, e.g. "redis-server 7.0.15". */
	describe: (printedVersion: string) => string;
	/** What a user must do when the fetch cannot work: named in every error. */
	hint: string;
}

export interface UnpackedPackages {
	/** "redis-server 7.0.15 (Debian redis-server 5:7.0.15-1~deb12u7)" */
	label: string;
	dir: string;
	/** The unpacked file system. */
	root: string;
	binary: string;
	/** LD_LIBRARY_PATH holding the unpacked libraries. */
	env: Record<string, string>;
}

const COMPLETE_MARKER = '.installed.json';

function manifestPath(name: DebianPackagesName): string {
	return join(repositoryRoot, 'dev', 'pins', name, 'debian-packages.json');
}

function readList(name: DebianPackagesName): PackageList {
	return JSON.parse(readFileSync(manifestPath(name), 'utf8')) as PackageList;
}

function osRelease(): string {
	try {
		return readFileSync('/etc/os-release', 'utf8');
	} catch {
		return '';
	}
}

export function debianPackagesDir(name: DebianPackagesName): string {
	const key = createHash('sha256')
		.update(readFileSync(manifestPath(name)))
		.update(osRelease())
		.update(`${process.platform}-${process.arch}`)
		.digest('hex')
		.slice(0, 12);
	return join(cacheRoot(), `${name}-${key}`);
}

function libraryEnv(list: PackageList, root: string): Record<string, string> {
	const folders = typeof list.libraries === 'string' ? [list.libraries] : list.libraries;
	return {
		LD_LIBRARY_PATH: [...folders.map((folder) => join(root, folder)), process.env.LD_LIBRARY_PATH]
			.filter(Boolean)
			.join(':'),
	};
}

function unpackedAt(name: DebianPackagesName, dir: string): UnpackedPackages {
	const list = readList(name);
	const marker = JSON.parse(readFileSync(join(dir, COMPLETE_MARKER), 'utf8')) as { label: string };
	const root = join(dir, 'root');
	return {
		label: marker.label,
		dir,
		root,
		binary: join(root, list.binary),
		env: libraryEnv(list, root),
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

async function installInto(
	name: DebianPackagesName,
	partial: string,
	program: DebianProgram,
	log: (line: string) => void,
): Promise<string> {
	const list = readList(name);
	const common = {
		cwd: partial,
		env: { ...process.env },
		logFile: join(partial, 'install.log'),
		log,
	};
	if (!list.packages.every(aptKnows)) {
		if (process.getuid?.() !== 0)
			throw new Error(
				`apt-get knows no ${list.packages.join(', ')} (its package lists are empty); ${program.hint}`,
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
		activity: `downloading ${list.packages.length} Debian packages (${list.packages[0]}…)`,
	});
	for (const deb of readdirSync(debs).filter((file) => file.endsWith('.deb'))) {
		await runCommand('dpkg', ['-x', join(debs, deb), join(partial, 'root')], {
			...common,
			activity: `unpacking ${deb}`,
		});
	}
	const mainDeb = readdirSync(debs).find((file) => file.startsWith(`${list.packages[0]}_`)) ?? '';
	const version = execFileSync('dpkg-deb', ['-f', join(debs, mainDeb), 'Version'], {
		encoding: 'utf8',
	}).trim();
	rmSync(debs, { recursive: true, force: true });
	const binary = join(partial, 'root', list.binary);
	const env = { ...process.env, ...libraryEnv(list, join(partial, 'root')) };
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
			`the unpacked ${basename(list.binary)} does not run (${(error as Error).message.split('\n')[0]}); missing libraries: ${missing.join('; ') || 'none found'}; ${program.hint}`,
		);
	}
	return `${program.describe(printed.trim())} (Debian ${list.packages[0]} ${version})`;
}

/** Returns the unpacked packages, installing them first when the cache lacks them. */
export async function ensureDebianPackages(
	name: DebianPackagesName,
	program: DebianProgram,
	options: { log?: (line: string) => void } = {},
): Promise<UnpackedPackages> {
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const dir = debianPackagesDir(name);
	if (existsSync(join(dir, COMPLETE_MARKER))) return unpackedAt(name, dir);
	if (process.platform !== 'linux' || !has('apt-get') || !has('dpkg')) {
		throw new Error(
			`${name} comes from Debian's packages (apt-get download, dpkg -x), and this machine has no apt-get or dpkg: ` +
				'run on Debian or Ubuntu',
		);
	}
	mkdirSync(cacheRoot(), { recursive: true });
	return withLock(
		`${dir}.lock`,
		(wait) => log(lockWaitLine(name, wait)),
		async () => {
			if (existsSync(join(dir, COMPLETE_MARKER))) return unpackedAt(name, dir);
			const prefix = `${basename(dir)}.partial-`;
			for (const entry of readdirSync(dirname(dir))) {
				if (entry.startsWith(prefix))
					rmSync(join(dirname(dir), entry), { recursive: true, force: true });
			}
			const partial = `${dir}.partial-${process.pid}`;
			mkdirSync(partial, { recursive: true });
			const started = Date.now();
			log(`installing ${name} from Debian's packages into ${dir} (first run only)`);
			const label = await installInto(name, partial, program, log);
			writeFileSync(
				join(partial, COMPLETE_MARKER),
				JSON.stringify({ label, at: new Date().toISOString() }),
			);
			if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
			renameSync(partial, dir);
			log(`installed ${label} in ${formatDuration(Date.now() - started)}`);
			return unpackedAt(name, dir);
		},
	);
}
