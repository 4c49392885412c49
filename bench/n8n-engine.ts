/**
 * Real n8n for the wire benchmarks: the engine from the cache (as test/e2e uses it), this package installed from its
 * tarball, bench credentials and workflows imported and activated, then `n8n start`. It inherits the bench's
 * NODE_EXTRA_CA_CERTS, so it trusts the emulator's throw-away CA like any other HTTPS API.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureEngine } from '../dev/engines/install';
import { freePort } from '../dev/launch/free-port';
import type { CredentialJson, WorkflowJson } from '../dev/n8n/demo/demo-data';
import {
	createN8nHome,
	importCredentials,
	importWorkflows,
	runN8n,
	type N8nHome,
} from '../dev/n8n/n8n-cli';
import { startN8nServer, type N8nServer } from '../dev/n8n/n8n-server';
import { packLocalPackage } from '../dev/package/local-package';
import { nowMs } from './measure';

export interface RunningN8n {
	server: N8nServer;
	/** N8N_USER_FOLDER (n8n's sqlite database is `<it>/.n8n/database.sqlite`), removed by `close`. */
	userFolder: string;
	/** What n8n saved of its last failed execution (the error's messages), to tell a failed run from a slow one. */
	lastFailure(): string;
	/** The n8n process id, to read its memory. */
	pid(): number | undefined;
	/** POSTs `{ items }` to a webhook; the items the workflow answered with, and the wall time. */
	post(
		path: string,
		items: unknown[],
	): Promise<{ ms: number; status: number; output: Array<Record<string, unknown>> }>;
	close(): Promise<void>;
}

const log = (line: string): void => {
	process.stderr.write(`[bench] ${line}\n`);
};

/** A free port can be taken by another process before n8n binds it (the machine is shared): try again. */
async function startWithRetries(home: N8nHome): Promise<N8nServer> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startN8nServer(home, { port: await freePort() });
		} catch (error) {
			if (attempt >= 3 || !/already in use|EADDRINUSE/.test(String(error))) throw error;
			log('a port was taken meanwhile; starting n8n again');
		}
	}
}

/**
 * The messages in n8n's saved data of its last execution that did not succeed, read from its sqlite database with
 * the sqlite3 command (n8n saves failed executions by default). The data is in n8n's "flatted" form: a JSON array
 * whose strings are the values.
 */
function lastFailedExecution(userFolder: string): string {
	const database = join(userFolder, '.n8n', 'database.sqlite');
	const query =
		"select e.id || ' ' || e.status || char(10) || d.data from execution_entity e join execution_data d " +
		"on d.executionId = e.id where e.status != 'success' order by e.id desc limit 1;";
	const run = spawnSync('sqlite3', [database, query], { encoding: 'utf8' });
	if (run.error || run.status !== 0)
		return `(could not read n8n's database: ${run.error?.message ?? run.stderr})`;
	const [head, ...rest] = run.stdout.split('\n');
	if (!head) return '(no failed execution saved)';
	let values: unknown[] = [];
	try {
		values = JSON.parse(rest.join('\n')) as unknown[];
	} catch {
		return `execution ${head}: ${rest.join('\n').slice(0, 1500)}`;
	}
	const messages = [
		...new Set(
			values.filter(
				(value): value is string =>
					typeof value === 'string' &&
					/error|fail|refus|timed? ?out|ECONN|EPROTO|socket|remote\.it/i.test(value),
			),
		),
	];
	return `execution ${head}:\n${messages.slice(0, 15).join('\n').slice(0, 3000)}`;
}

export async function startBenchN8n(
	credentials: CredentialJson[],
	workflows: WorkflowJson[],
	env: Record<string, string> = {},
): Promise<RunningN8n> {
	const engine = await ensureEngine('n8n', { log });
	const tarball = packLocalPackage('n8n-nodes-remoteit', log);
	const home = { ...createN8nHome(engine, tarball), env };
	const cleanUp = () => {
		rmSync(home.userFolder, { recursive: true, force: true });
		rmSync(dirname(tarball), { recursive: true, force: true });
	};
	try {
		await importCredentials(home, credentials);
		await importWorkflows(home, workflows);
		const activated = await runN8n(home, ['update:workflow', '--all', '--active=true']);
		if (activated.code !== 0)
			throw new Error(
				`activating the bench workflows failed:\n${activated.stdout}${activated.stderr}`,
			);
		log(`starting ${engine.name} …`);
		const server = await startWithRetries(home);
		return {
			server,
			userFolder: home.userFolder,
			lastFailure: () => lastFailedExecution(home.userFolder),
			pid: () => server.pid,
			post: async (path, items) => {
				const start = nowMs();
				const response = await fetch(`${server.url}/webhook/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ items }),
				});
				const text = await response.text();
				const ms = nowMs() - start;
				let output: Array<Record<string, unknown>> = [];
				try {
					const parsed = JSON.parse(text) as unknown;
					output = Array.isArray(parsed)
						? (parsed as Array<Record<string, unknown>>)
						: [parsed as Record<string, unknown>];
				} catch {
					output = [{ error: text.slice(0, 300) }];
				}
				return { ms, status: response.status, output };
			},
			close: async () => {
				await server.stop();
				cleanUp();
			},
		};
	} catch (error) {
		cleanUp();
		throw error;
	}
}
