/**
 * The Redis and PostgreSQL that n8n's queue mode runs on (dev/services): real servers from the engine cache, on
 * free loopback ports with temporary data folders that a stop removes.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ensureEngine } from '../../dev/engines/install';
import { type RunningPostgres, startPostgres } from '../../dev/services/postgres';
import { type RunningRedis, startRedis } from '../../dev/services/redis';
import { ensureRedis, redisCacheDir } from '../../dev/services/redis-install';
import { queryPostgres } from './support/postgres-query';

function accepts(port: number): Promise<boolean> {
	return new Promise((resolvePromise) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), resolvePromise(true)));
		socket.once('error', () => resolvePromise(false));
	});
}

const DEAD_PID = 2 ** 22 + 1; // above Linux's pid_max, so never a live process

describe('queue-mode services', () => {
	let redis: RunningRedis | undefined;
	let postgres: RunningPostgres | undefined;

	afterAll(async () => {
		await redis?.stop();
		await postgres?.stop();
	});

	it(
		"installs Redis into an empty cache once (a dead run's partial install and lock removed), then reuses it",
		async () => {
			const previousRoot = process.env.REMOTEIT_ENGINE_CACHE;
			const root = mkdtempSync(join(tmpdir(), 'remoteit-redis-cache-'));
			process.env.REMOTEIT_ENGINE_CACHE = root;
			try {
				const dir = redisCacheDir();
				mkdirSync(join(`${dir}.partial-${DEAD_PID}`, 'root'), { recursive: true });
				mkdirSync(`${dir}.lock`);
				writeFileSync(join(`${dir}.lock`, 'pid'), String(DEAD_PID));
				const lines: string[] = [];
				const installed = await ensureRedis({ log: (line) => lines.push(line) });
				expect(installed.dir).toBe(dir);
				expect(lines.some((line) => line.startsWith('installed redis-server '))).toBe(true);
				expect(
					execFileSync(installed.serverBinary, ['--version'], {
						encoding: 'utf8',
						env: { ...process.env, ...installed.env },
					}),
				).toMatch(/^Redis server v=\d+\./);
				expect(readdirSync(root).filter((entry) => entry.startsWith(basename(dir)))).toEqual([
					basename(dir),
				]);

				const installedAt = statSync(join(dir, '.installed.json')).mtimeMs;
				const again: string[] = [];
				await ensureRedis({ log: (line) => again.push(line) });
				expect({
					lines: again,
					installedAt: statSync(join(dir, '.installed.json')).mtimeMs,
				}).toEqual({ lines: [], installedAt });
			} finally {
				if (previousRoot === undefined) delete process.env.REMOTEIT_ENGINE_CACHE;
				else process.env.REMOTEIT_ENGINE_CACHE = previousRoot;
				rmSync(root, { recursive: true, force: true });
			}
		},
		5 * 60_000,
	);

	it(
		"runs Debian's redis-server: stores and reads a value, then stops and leaves nothing behind",
		async () => {
			redis = await startRedis();
			expect(redis.label).toMatch(/^redis-server \d+\.\d+\.\d+ \(Debian redis-server /);
			expect((await redis.cli(['SET', 'queue-test', 'value-1'])).trim()).toBe('OK');
			expect((await redis.cli(['GET', 'queue-test'])).trim()).toBe('value-1');
			expect((await redis.cli(['CONFIG', 'GET', 'bind'])).split('\n')[1]).toBe('127.0.0.1');
			const { port, dataDir } = redis;
			await redis.stop();
			redis = undefined;
			expect({ listening: await accepts(port), dataDir: existsSync(dataDir) }).toEqual({
				listening: false,
				dataDir: false,
			});
		},
		5 * 60_000,
	);

	it(
		'runs PostgreSQL with password login on loopback only, then stops and leaves nothing behind',
		async () => {
			postgres = await startPostgres();
			const n8n = await ensureEngine('n8n');
			const [row] = await queryPostgres(
				n8n,
				postgres,
				"SELECT version() AS version, current_setting('listen_addresses') AS listen",
			);
			expect(row).toEqual({
				version: expect.stringMatching(/^PostgreSQL 17\./),
				listen: '127.0.0.1',
			});
			await expect(
				queryPostgres(n8n, { ...postgres, password: 'not-the-password' }, 'SELECT 1'),
			).rejects.toThrow(/password authentication failed/);
			const { port, dataDir } = postgres;
			await postgres.stop();
			postgres = undefined;
			expect({ listening: await accepts(port), dataDir: existsSync(dataDir) }).toEqual({
				listening: false,
				dataDir: false,
			});
		},
		5 * 60_000,
	);
});
