/**
 * n8n in queue mode, as users scale it out: one main (`n8n start`: editor, triggers, webhooks) and several
 * workers (`n8n worker`) sharing a PostgreSQL database, a Redis queue and one encryption key. Each process has
 * its own user folder with this package installed where Community Nodes puts it, as separate hosts would.
 * Shared by `npm run start:queue` and the queue-mode e2e test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InstalledEngine } from '../engines/install';
import { type EngineProcess, spawnEngine, stopEngine } from '../launch/engine-process';
import { freePort } from '../launch/free-port';
import { type RunningPostgres, startPostgres } from '../services/postgres';
import { type RunningRedis, startRedis } from '../services/redis';
import { type N8nHome, createN8nHome, n8nBinary, n8nEnvironment } from './n8n-cli';
import { type N8nServer, startN8nServer } from './n8n-server';

export interface QueueWorker {
	/** "worker-1", "worker-2", …: how the launcher and the tests name it. */
	name: string;
	home: N8nHome;
	process: EngineProcess;
	/** The executions this worker started so far, from its "Worker started execution <id>" log lines. */
	executions(): string[];
}

export interface QueueCluster {
	postgres: RunningPostgres;
	redis: RunningRedis;
	/** The main's home: `import:*` and `update:workflow` through it reach the shared database. */
	home: N8nHome;
	main: N8nServer;
	workers: QueueWorker[];
	/** Stops the main and starts it again on the same port (workers, database and queue keep running). */
	restartMain(): Promise<N8nServer>;
	/** Which worker started each execution id. */
	workerOf(executionId: string): string | undefined;
	stop(): Promise<void>;
}

export interface QueueOptions {
	engine: InstalledEngine;
	tarball: string;
	workers: number;
	/** Jobs one worker runs at once (`n8n worker --concurrency`); n8n warns below 5. */
	concurrency?: number;
	port?: number;
	log?: (line: string) => void;
	/** Each process's output, e.g. to the terminal with a "[worker-1]" prefix. */
	echo?: (processName: string, text: string) => void;
	/**
	 * Also hands each stop step, as soon as there is one, to a launcher's cleanup list (dev/launch/lifecycle), so a
	 * Ctrl-C during start-up stops what is running and removes its folders. Every step may run twice.
	 */
	onStop?: (step: () => Promise<void>) => void;
	/** Runs once database and queue are up, before any n8n process starts: import credentials and workflows here. */
	prepare?: (
		home: N8nHome,
		services: { postgres: RunningPostgres; redis: RunningRedis },
	) => Promise<void>;
}

const STARTED_EXECUTION = /Worker started execution (\d+) \(job/g;

/** Everything main and workers must agree on: the database, the queue and the key credentials are encrypted with. */
function sharedEnvironment(postgres: RunningPostgres, redis: RunningRedis): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		DB_POSTGRESDB_DATABASE: postgres.database,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// One key for every process: a credential encrypted by main must decrypt on each worker.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('base64url'),
		// Manual runs from the editor go to the workers too, as n8n recommends for queue mode.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

async function waitForWorker(
	worker: EngineProcess,
	name: string,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!worker.output().includes('n8n worker is now ready')) {
		if (worker.child.exitCode !== null)
			throw new Error(
				`n8n ${name} exited (code ${worker.child.exitCode}) before it was ready:\n${worker.output()}`,
			);
		if (Date.now() > deadline)
			throw new Error(`n8n ${name} was not ready within ${timeoutMs / 1000}s:\n${worker.output()}`);
		await sleep(500);
	}
}

async function startWorker(
	engine: InstalledEngine,
	tarball: string,
	env: Record<string, string>,
	name: string,
	options: QueueOptions,
): Promise<QueueWorker> {
	const home: N8nHome = { ...createN8nHome(engine, tarball), env };
	const args = [n8nBinary(engine), 'worker', `--concurrency=${options.concurrency ?? 5}`];
	// Each worker runs its own task broker (Code nodes); the default port would collide between workers.
	const workerEnv = n8nEnvironment(home, {
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
	});
	const worker = spawnEngine(
		engine.nodeBinary,
		args,
		workerEnv,
		options.echo && ((text) => options.echo?.(name, text)),
	);
	const executions = (): string[] =>
		[...worker.output().matchAll(STARTED_EXECUTION)].map((match) => match[1] as string);
	return { name, home, process: worker, executions };
}

export async function startQueueCluster(options: QueueOptions): Promise<QueueCluster> {
	const { engine, tarball } = options;
	const log = options.log ?? (() => undefined);
	const stops: Array<() => Promise<void>> = [];
	const track = (...steps: Array<() => Promise<void>>): void => {
		stops.push(...steps);
		for (const step of steps) options.onStop?.(step);
	};
	const stop = async (): Promise<void> => {
		for (const step of stops.splice(0).reverse()) await step();
	};
	try {
		const [postgres, redis] = await Promise.all([startPostgres({ log }), startRedis({ log })]);
		track(
			() => postgres.stop(),
			() => redis.stop(),
		);
		log(
			`PostgreSQL ${postgres.label.split(' ').pop() ?? ''} on 127.0.0.1:${postgres.port}, ${redis.label} on 127.0.0.1:${redis.port}`,
		);
		const env = sharedEnvironment(postgres, redis);
		const home: N8nHome = {
			...createN8nHome(engine, tarball, mkdtempSync(join(tmpdir(), 'remoteit-n8n-main-'))),
			env,
		};
		track(async () => rmSync(home.userFolder, { recursive: true, force: true }));
		await options.prepare?.(home, { postgres, redis });

		const port = options.port ?? (await freePort());
		const echoMain = options.echo && ((text: string) => options.echo?.('main', text));
		log(`starting the n8n main on port ${port} and ${options.workers} workers…`);
		let main = await startN8nServer(home, { port, echo: echoMain });
		track(() => main.stop());
		const workers: QueueWorker[] = [];
		for (let index = 1; index <= options.workers; index++) {
			const worker = await startWorker(engine, tarball, env, `worker-${index}`, options);
			workers.push(worker);
			track(async () => {
				await stopEngine(worker.process.child, 20_000);
				rmSync(worker.home.userFolder, { recursive: true, force: true });
			});
		}
		await Promise.all(workers.map((worker) => waitForWorker(worker.process, worker.name, 180_000)));

		const cluster: QueueCluster = {
			postgres,
			redis,
			home,
			workers,
			get main() {
				return main;
			},
			async restartMain() {
				await main.stop();
				main = await startN8nServer(home, { port, echo: echoMain });
				return main;
			},
			workerOf: (executionId) =>
				workers.find((worker) => worker.executions().includes(executionId))?.name,
			stop,
		};
		return cluster;
	} catch (error) {
		await stop();
		throw error;
	}
}
