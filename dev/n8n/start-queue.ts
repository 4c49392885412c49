/**
 * `npm run start:queue`: the `npm start` demo with n8n scaled out in queue mode: one main (editor, webhooks,
 * triggers) and two workers (`n8n worker`) sharing a PostgreSQL database and a Redis queue, all started here
 * (dev/n8n/n8n-queue.ts) and stopped by Ctrl-C. Prints which worker ran each execution.
 */
import { ensureEngine } from '../engines/install';
import { demoAccount } from '../launch/demo-account';
import { stopRunningEngines } from '../launch/engine-process';
import { onStop, portFromEnv, runLauncher, say, stopEverything } from '../launch/lifecycle';
import { packAndStartEmulator } from '../launch/package-and-emulator';
import { withProgress } from '../launch/progress';
import { N8N_PACKAGE } from '../package/local-package';
import { WEBHOOK_PATH, demoCredentials, demoWorkflowIds, demoWorkflows } from './demo/demo-data';
import { activateWorkflow, importCredentials, importWorkflows } from './n8n-cli';
import { startQueueCluster } from './n8n-queue';
import { setUpOwner } from './n8n-server';

/** The demo login printed at the end; it guards only this throw-away local instance. */
const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Remoteit-demo-1',
};
const WORKERS = 2;
const FINISHED_EXECUTION = /Worker finished execution (\d+) \(job/g;

/** Each process's output with its name in front, plus a line naming the worker of every finished execution. */
function echo(processName: string, text: string): void {
	process.stdout.write(text.replace(/^(?=.)/gm, `[${processName}] `));
	for (const match of text.matchAll(FINISHED_EXECUTION))
		say(`execution ${match[1]} ran on ${processName}`);
}

async function main(): Promise<void> {
	// Registered first, so it runs last: whatever process a Ctrl-C during start-up left running.
	onStop(() => stopRunningEngines(20_000));
	const engine = await ensureEngine('n8n', { log: say });
	const { tarball, emulator } = await packAndStartEmulator(N8N_PACKAGE, { database: engine });
	const cluster = await startQueueCluster({
		engine,
		tarball,
		workers: WORKERS,
		port: portFromEnv('N8N_PORT', 5678),
		log: say,
		echo,
		onStop,
		prepare: (home) =>
			withProgress(
				'importing the demo credentials and workflows into PostgreSQL',
				say,
				async () => {
					await importCredentials(home, demoCredentials(demoAccount(emulator.seed), emulator.url));
					await importWorkflows(home, demoWorkflows(emulator.url));
					await activateWorkflow(home, demoWorkflowIds.webhookConnect);
				},
			),
	});
	for (const server of [
		cluster.main.exited,
		...cluster.workers.map(
			(worker) => new Promise((resolveExit) => worker.process.child.on('exit', resolveExit)),
		),
	]) {
		void server.then(() => stopEverything(1));
	}
	await setUpOwner(cluster.main, DEMO_OWNER);
	printBanner(cluster.main.url, cluster.postgres.port, cluster.redis.port);
}

function printBanner(url: string, postgresPort: number, redisPort: number): void {
	say('');
	say(
		`n8n editor: ${url}/ (queue mode: main + ${WORKERS} workers, PostgreSQL on 127.0.0.1:${postgresPort}, Redis on 127.0.0.1:${redisPort})`,
	);
	say(`login:      ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
	say('workflows:  "remote.it: SSH into a device", "remote.it: query a database behind NAT",');
	say('            "remote.it: call a device\'s web UI", "remote.it: device inventory",');
	say(
		'            "remote.it: connect on webhook" (active), "remote.it: custom GraphQL call with the credential"',
	);
	say(
		`webhook:    curl -X POST ${url}/webhook/${WEBHOOK_PATH} -H 'content-type: application/json' -d '{"serviceId":"80:00:00:00:01:00:00:02"}'`,
	);
	say(
		'            each call is one execution; "execution N ran on worker-K" names the worker that ran it.',
	);
	say('Ctrl-C stops n8n, the workers, PostgreSQL, Redis and the emulator.');
}

runLauncher(main);
