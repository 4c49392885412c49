/** A throw-away Redis on a free loopback port with a temporary data folder, for n8n's queue mode. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type EngineProcess, spawnEngine, stopEngine } from '../launch/engine-process';
import { freePort } from '../launch/free-port';
import { type InstalledRedis, ensureRedis } from './redis-install';

export interface RunningRedis {
	host: string;
	port: number;
	/** The data folder: `dump.rdb` lands here on SAVE (uncompressed, so it can be searched). */
	dataDir: string;
	label: string;
	/** Runs redis-cli against this server; resolves with what it printed. */
	cli(args: string[]): Promise<string>;
	/** `redis-cli monitor` until stopped: every command the server receives, with its arguments. */
	monitor(): EngineProcess;
	output(): string;
	stop(): Promise<void>;
}

function cli(redis: InstalledRedis, port: number, args: string[]): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		execFile(
			redis.cliBinary,
			['-h', '127.0.0.1', '-p', String(port), ...args],
			{ env: { ...process.env, ...redis.env }, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => {
				if (error)
					reject(new Error(`redis-cli ${args.join(' ')} failed: ${error.message}\n${stderr}`));
				else resolvePromise(stdout);
			},
		);
	});
}

async function waitUntilReady(server: EngineProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!server.output().includes('Ready to accept connections')) {
		if (server.child.exitCode !== null)
			throw new Error(
				`redis-server exited (code ${server.child.exitCode}) before it was ready:\n${server.output()}`,
			);
		if (Date.now() > deadline)
			throw new Error(
				`redis-server was not ready within ${timeoutMs / 1000}s:\n${server.output()}`,
			);
		await sleep(100);
	}
}

export async function startRedis(
	options: { log?: (line: string) => void; port?: number } = {},
): Promise<RunningRedis> {
	const redis = await ensureRedis({ log: options.log });
	const port = options.port ?? (await freePort());
	const dataDir = mkdtempSync(join(tmpdir(), 'remoteit-redis-'));
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--dir',
		dataDir,
		// No snapshots on a timer and no append-only file: a test or demo queue, gone when stopped.
		'--save',
		'',
		'--appendonly',
		'no',
		// Strings stored as written, so a search of a SAVEd dump finds any secret that reached Redis.
		'--rdbcompression',
		'no',
	];
	const server = spawnEngine(redis.serverBinary, args, { ...process.env, ...redis.env });
	const stop = async (): Promise<void> => {
		await stopEngine(server.child, 10_000);
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await waitUntilReady(server, 30_000);
	} catch (error) {
		await stop();
		throw error;
	}
	const monitor = (): EngineProcess =>
		spawnEngine(redis.cliBinary, ['-h', '127.0.0.1', '-p', String(port), 'monitor'], {
			...process.env,
			...redis.env,
		});
	return {
		host: '127.0.0.1',
		port,
		dataDir,
		label: redis.label,
		cli: (cliArgs) => cli(redis, port, cliArgs),
		monitor,
		output: server.output,
		stop,
	};
}
