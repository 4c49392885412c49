/**
 * The package in n8n 1.123.x and 2.x scaled out in queue mode, as users run it: one main (webhooks, triggers), two
 * workers, PostgreSQL and Redis, all real (dev/n8n/n8n-queue.ts). The emulator plays remote.it; Redis' MONITOR
 * records every command for the secrets check. Runs on 2 cores in about three minutes per engine.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRemoteItClient } from '../../client/transport';
import { type RunningEmulator, DEMO_SEED_PATH, loadSeedFile, startEmulator } from '../../emulator';
import type { EngineName } from '../../dev/engines/catalog';
import { type InstalledEngine, ensureEngine } from '../../dev/engines/install';
import { type DemoAccount, demoAccount, secretsOf } from '../../dev/launch/demo-account';
import { type EngineProcess, stopEngine } from '../../dev/launch/engine-process';
import {
	activateWorkflow,
	executeWorkflow,
	importCredentials,
	importWorkflows,
} from '../../dev/n8n/n8n-cli';
import { type QueueCluster, startQueueCluster } from '../../dev/n8n/n8n-queue';
import { postToWebhook } from '../../dev/n8n/n8n-server';
import { N8N_PACKAGE, packLocalPackage } from '../../dev/package/local-package';
import { listEmulatorConnections, readRequestLog, setOnline } from '../support/emulator-control';
import { secretsIn } from './support/engine-fixture';
import { type StoredExecution, itemsOf, storedExecutions } from './support/n8n-executions';
import { WRONG_SECRET } from './support/n8n-fixtures';
import {
	BAD_CREDENTIAL_WEBHOOK_PATH,
	LOAD_WEBHOOK_PATH,
	queueCredentials,
	queueWorkflowIds,
	queueWorkflows,
	rackServices,
	seedWithRacks,
} from './support/n8n-queue-fixtures';
import { dumpPostgres } from './support/postgres-query';

const CALLS = 20;
const ITEMS_PER_CALL = 50;
const WORKERS = 2;
const SETUP_TIMEOUT_MS = 15 * 60_000;
const TEST_TIMEOUT_MS = 6 * 60_000;

const say = (line: string): void => {
	process.stderr.write(`[e2e queue] ${line}\n`);
};

/** Polls `read` until `done` holds for its value, or fails after `timeoutMs` showing the last value. */
async function eventually<T>(
	read: () => Promise<T>,
	done: (value: T) => boolean,
	timeoutMs: number,
	what: string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline)
			throw new Error(
				`${what} within ${timeoutMs / 1000}s; last seen: ${JSON.stringify(value).slice(0, 2000)}`,
			);
		await sleep(1000);
	}
}

function filesUnder(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		const stat = statSync(path);
		if (stat.isDirectory()) return filesUnder(path);
		return stat.isFile() ? [path] : []; // not the server's socket
	});
}

/**
 * The Trigger test polls every 5 seconds, which n8n 1.x accepts (its check only refuses a `*` in the seconds
 * field). n8n 2.x refuses every poll interval under a minute, so there the same test would wait minutes per poll:
 * it runs on 1.x only, the rest on both.
 */
describe.each<[EngineName, string, { trigger: boolean }]>([
	['n8n', 'n8n 1.123.x on Node 20', { trigger: true }],
	['n8n-2', 'n8n 2.x on Node 24', { trigger: false }],
])(
	'%s (%s) in queue mode: one main, two workers, PostgreSQL and Redis',
	(engineName, _label, { trigger }) => {
		let engine: InstalledEngine;
		let tarball: string;
		let emulator: RunningEmulator;
		let account: DemoAccount;
		let cluster: QueueCluster;
		let redisMonitor: EngineProcess;
		/** Output of `n8n` commands run besides the servers (import, execute), for the secrets check. */
		const commandOutputs: string[] = [];

		const executionsOf = (workflowId: string): Promise<StoredExecution[]> =>
			storedExecutions(engine, cluster.postgres, workflowId);

		beforeAll(async () => {
			engine = await ensureEngine(engineName, { log: say });
			tarball = packLocalPackage(N8N_PACKAGE, say);
			emulator = await startEmulator({
				seed: seedWithRacks(loadSeedFile(DEMO_SEED_PATH), CALLS, ITEMS_PER_CALL),
			});
			account = demoAccount(emulator.seed);
			cluster = await startQueueCluster({
				engine,
				tarball,
				workers: WORKERS,
				log: say,
				prepare: async (home, { redis }) => {
					redisMonitor = redis.monitor();
					await importCredentials(home, queueCredentials(account, emulator.url));
					await importWorkflows(home, queueWorkflows());
					const active = [
						queueWorkflowIds.load,
						queueWorkflowIds.badCredential,
						...(trigger ? [queueWorkflowIds.trigger] : []),
					];
					for (const id of active) await activateWorkflow(home, id);
				},
			});
		}, SETUP_TIMEOUT_MS);

		afterAll(async () => {
			if (redisMonitor) await stopEngine(redisMonitor.child, 5_000);
			await cluster?.stop();
			await emulator?.close();
			if (tarball) rmSync(dirname(tarball), { recursive: true, force: true });
		}, 2 * 60_000);

		it(
			`runs ${CALLS} webhook calls of ${ITEMS_PER_CALL} items (Connect → Disconnect) on both workers, and leaves no connection open`,
			async () => {
				const loginsBefore = (await readRequestLog(emulator.url)).filter(
					(entry) => entry.auth === 'password-login',
				).length;
				const started = Date.now();
				const answers = await Promise.all(
					Array.from({ length: CALLS }, async (_, index) => {
						const services = rackServices(emulator.seed, index + 1).map((serviceId) => ({
							serviceId,
						}));
						const response = await postToWebhook(
							cluster.main,
							LOAD_WEBHOOK_PATH,
							{ services },
							5 * 60_000,
						);
						return {
							status: response.status,
							items: (await response.json()) as Array<Record<string, unknown>>,
							services,
						};
					}),
				);
				const seconds = (Date.now() - started) / 1000;

				for (const { status, items, services } of answers) {
					expect({ status, count: Array.isArray(items) ? items.length : items }).toEqual({
						status: 200,
						count: ITEMS_PER_CALL,
					});
					expect(items.map((item) => item.serviceId)).toEqual(
						services.map((service) => service.serviceId),
					);
					expect(
						items.every((item) => item.disconnected === true && typeof item.id === 'string'),
					).toBe(true);
				}
				const connectionIds = new Set(answers.flatMap(({ items }) => items.map((item) => item.id)));
				expect(connectionIds.size).toBe(CALLS * ITEMS_PER_CALL);
				expect(await listEmulatorConnections(emulator.url)).toEqual([]);

				const executions = await eventually(
					() => executionsOf(queueWorkflowIds.load),
					(list) => list.length === CALLS,
					60_000,
					`${CALLS} stored executions`,
				);
				expect(executions.map((execution) => execution.status)).toEqual(
					Array(CALLS).fill('success'),
				);
				const ranOn = executions.map((execution) => cluster.workerOf(execution.id));
				const perWorker = cluster.workers.map(
					(worker) => ranOn.filter((name) => name === worker.name).length,
				);
				// Every execution ran on a worker, and each worker ran some (one holds at most `concurrency` = 5 of the 20).
				expect({
					unattributed: ranOn.filter((name) => name === undefined).length,
					idleWorkers: perWorker.filter((count) => count === 0).length,
				}).toEqual({ unattributed: 0, idleWorkers: 0 });

				const logins =
					(await readRequestLog(emulator.url)).filter((entry) => entry.auth === 'password-login')
						.length - loginsBefore;
				say(
					`load: ${CALLS * ITEMS_PER_CALL} items in ${CALLS} executions (${cluster.workers.map((w, i) => `${w.name} ${perWorker[i]}`).join(', ')}), ` +
						`${logins} password logins, ${seconds.toFixed(1)} s wall`,
				);
				// Password tokens are cached per process and credential (client/auth/session.ts, docs/scaling.md "Logins"): every
				// execution a worker runs shares its one login, so the cluster logs in at most once per worker.
				expect(logins).toBeGreaterThanOrEqual(1);
				expect(logins).toBeLessThanOrEqual(WORKERS);
			},
			TEST_TIMEOUT_MS,
		);

		if (trigger) {
			it(
				'starts exactly one execution per remote.it event, on a worker, across a restart of the main',
				async () => {
					const client = createRemoteItClient({
						apiUrl: emulator.url,
						auth: {
							type: 'accessKey',
							accessKeyId: account.accessKeyId,
							secretAccessKey: account.secretAccessKey,
						},
					});
					const known = new Set(
						(await client.listEvents({ types: ['DEVICE_STATE'], size: 1000 })).map(
							(event) => event.id,
						),
					);
					const newEventIds = async (): Promise<string[]> =>
						(await client.listEvents({ types: ['DEVICE_STATE'], size: 1000 }))
							.map((event) => event.id)
							.filter((id) => !known.has(id));
					const delivered = async (): Promise<string[]> =>
						(await executionsOf(queueWorkflowIds.trigger)).flatMap((execution) =>
							itemsOf(execution, 'remote.it Trigger').map((item) => String(item.id)),
						);
					const deliveredAll =
						(expected: string[]) =>
						(ids: string[]): boolean =>
							expected.every((id) => ids.includes(id));

					// Two events while the main runs.
					await setOnline(emulator.url, '80:00:00:00:01:00:00:10', false);
					await setOnline(emulator.url, '80:00:00:00:01:00:00:20', false);
					let expected = await newEventIds();
					expect(expected).toHaveLength(2);
					await eventually(
						delivered,
						deliveredAll(expected),
						90_000,
						'the first two events delivered',
					);

					// One event while the main is down, one after it is back.
					await cluster.main.stop();
					await setOnline(emulator.url, '80:00:00:00:01:00:00:10', true);
					await cluster.restartMain();
					await setOnline(emulator.url, '80:00:00:00:01:00:00:20', true);
					expected = await newEventIds();
					expect(expected).toHaveLength(4);
					await eventually(delivered, deliveredAll(expected), 90_000, 'all four events delivered');
					await sleep(12_000); // two more polls: a duplicate would show now

					const ids = await delivered();
					expect(ids.filter((id) => expected.includes(id)).sort()).toEqual([...expected].sort());
					expect(ids.filter((id) => !expected.includes(id))).toEqual([]);
					const executions = (await executionsOf(queueWorkflowIds.trigger)).filter(
						(execution) => itemsOf(execution, 'remote.it Trigger').length > 0,
					);
					expect(
						executions
							.filter((execution) => cluster.workerOf(execution.id) === undefined)
							.map((execution) => execution.id),
					).toEqual([]);
					say(
						`trigger: ${expected.length} events, ${executions.length} executions (${executions.map((e) => `#${e.id} on ${cluster.workerOf(e.id)}`).join(', ')})`,
					);
				},
				TEST_TIMEOUT_MS,
			);
		}

		it(
			'fails a wrong secret on the worker with the same error as regular mode',
			async () => {
				const response = await postToWebhook(cluster.main, BAD_CREDENTIAL_WEBHOOK_PATH, {});
				commandOutputs.push(await response.text());
				expect(response.status).toBe(500);
				const [failed] = await eventually(
					() => executionsOf(queueWorkflowIds.badCredential),
					(list) => list.length === 1,
					60_000,
					'the failed execution stored',
				);
				expect(failed?.status).toBe('error');
				expect(cluster.workerOf(String(failed?.id))).toMatch(/^worker-\d$/);
				const queueError = failed?.run.data.resultData.error;

				// `n8n execute` runs in the CLI process even in queue mode: the regular-mode run of the same node.
				const regular = await executeWorkflow(cluster.home, queueWorkflowIds.badCredentialRegular);
				commandOutputs.push(regular.stdout, regular.stderr);
				const regularError = regular.run?.data.resultData.error;
				expect(regularError?.message).toMatch(/credential/i);
				expect({ message: queueError?.message, description: queueError?.description }).toEqual({
					message: regularError?.message,
					description: regularError?.description,
				});
				say(
					`wrong secret: "${queueError?.message}" on ${cluster.workerOf(String(failed?.id))}, the same in regular mode`,
				);
			},
			TEST_TIMEOUT_MS,
		);

		it(
			'lets no secret reach Redis, PostgreSQL or any log',
			async () => {
				const canaries = [...secretsOf(account), WRONG_SECRET];
				await cluster.redis.cli(['SAVE']);
				const redisDump = readFileSync(join(cluster.redis.dataDir, 'dump.rdb')).toString('latin1');
				const monitored = redisMonitor.output();
				expect(monitored).toContain('bull:jobs'); // the monitor saw the queue's traffic
				const tables = await dumpPostgres(engine, cluster.postgres);
				expect(tables).toContain(queueWorkflowIds.load); // the dump holds the workflows and executions
				const dataFiles = filesUnder(cluster.postgres.dataDir)
					.map((file) => readFileSync(file).toString('latin1'))
					.join('\n');
				const logs = [
					cluster.main.output(),
					...cluster.workers.map((worker) => worker.process.output()),
					cluster.redis.output(),
					cluster.postgres.output(),
					...commandOutputs,
				].join('\n');
				expect({
					redisMonitor: secretsIn(monitored, canaries),
					redisDump: secretsIn(redisDump, canaries),
					postgresTables: secretsIn(tables, canaries),
					postgresFiles: secretsIn(dataFiles, canaries),
					logs: secretsIn(logs, canaries),
				}).toEqual({
					redisMonitor: [],
					redisDump: [],
					postgresTables: [],
					postgresFiles: [],
					logs: [],
				});
			},
			TEST_TIMEOUT_MS,
		);
	},
);
