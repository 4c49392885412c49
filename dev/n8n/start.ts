/**
 * `npm start`: the package in a real n8n 1.123.x against the local remote.it emulator.
 * Builds and packs the package, starts the emulator with the demo seed, installs (first run) or reuses the
 * pinned n8n, installs the package where Community Nodes puts it, imports the demo credentials and workflows,
 * activates the webhook, Trigger and MCP workflows, starts n8n, creates the owner account, prints the editor URL,
 * login and MCP endpoint, then takes a device offline in the emulator and says when the Trigger workflow has run.
 * Ctrl-C stops everything and removes the temporary n8n user folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureEngine } from '../engines/install';
import { demoAccount } from '../launch/demo-account';
import { stopRunningEngines } from '../launch/engine-process';
import {
	onStop,
	portFromEnv,
	removeOnStop,
	runLauncher,
	say,
	stopEverything,
} from '../launch/lifecycle';
import { packAndStartEmulator } from '../launch/package-and-emulator';
import { withProgress } from '../launch/progress';
import { N8N_PACKAGE } from '../package/local-package';
import { WEBHOOK_PATH, demoCredentials, demoWorkflowIds, demoWorkflows } from './demo/demo-data';
import { mcpEndpointText, mcpToken } from './demo/mcp';
import { DATABASE_PASSWORD, DATABASE_USER, SSH_PASSWORD, SSH_USER } from '../device';
import { activateWorkflow, createN8nHome, importCredentials, importWorkflows } from './n8n-cli';
import { setUpOwner, startN8nServer } from './n8n-server';
import { runTriggerDemo } from './trigger-demo';

/** The demo login printed at the end; it guards only this throw-away local instance. */
const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'User',
	password: 'Remoteit-demo-1',
};

async function main(): Promise<void> {
	// Registered first, so it runs last: whatever engine a Ctrl-C during start-up left running.
	onStop(() => stopRunningEngines(20_000));
	const engine = await ensureEngine('n8n', { log: say });
	const { tarball, emulator } = await packAndStartEmulator(N8N_PACKAGE, { database: engine });

	const userFolder = mkdtempSync(join(tmpdir(), 'remoteit-n8n-demo-'));
	removeOnStop(userFolder);
	say(`installing the package as a community node into ${join(userFolder, '.n8n', 'nodes')}…`);
	const home = createN8nHome(engine, tarball, userFolder);
	const token = mcpToken();
	// Each n8n CLI command boots n8n (about 20 s each on 2 cores): say so while it runs.
	await withProgress('importing the demo credentials and workflows into n8n', say, async () => {
		await importCredentials(home, demoCredentials(demoAccount(emulator.seed), emulator.url, token));
		await importWorkflows(home, demoWorkflows(emulator.url));
		await activateWorkflow(home, demoWorkflowIds.webhookConnect);
		await activateWorkflow(home, demoWorkflowIds.deviceOfflineTrigger);
		await activateWorkflow(home, demoWorkflowIds.toolsOverMcp);
	});

	say(`starting ${engine.label}…`);
	const server = await startN8nServer(home, {
		port: portFromEnv('N8N_PORT', 5678),
		echo: (text) => process.stdout.write(text.replace(/^(?=.)/gm, '[n8n] ')),
	});
	onStop(() => server.stop());
	void server.exited.then((code) => {
		void stopEverything(code === 0 ? 0 : 1);
	});
	await setUpOwner(server, DEMO_OWNER);
	printBanner(server.url, token);
	// A side show: if it fails, the editor and the other demos stay up.
	await runTriggerDemo(server, DEMO_OWNER, emulator.url, say).catch((error: unknown) => {
		say(`Trigger demo failed: ${error instanceof Error ? error.message : String(error)}`);
	});
}

function printBanner(url: string, token: string): void {
	say('');
	say(`n8n editor: ${url}/`);
	say(`login:      ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
	say('workflows:  "remote.it: SSH into a device", "remote.it: query a database behind NAT",');
	say('            "remote.it: call a device\'s web UI", "remote.it: device inventory",');
	say(
		'            "remote.it: connect on webhook" (active), "remote.it: custom GraphQL call with the credential",',
	);
	say(
		'            "remote.it: when a device goes offline" (active, the Trigger), "remote.it demo: take lab-raspberrypi offline",',
	);
	say('            "remote.it tools over MCP" (active)');
	say(
		`device:     SSH ${SSH_USER} / ${SSH_PASSWORD}, Postgres ${DATABASE_USER} / ${DATABASE_PASSWORD} (made up; loopback only)`,
	);
	say(
		`webhook:    curl -X POST ${url}/webhook/${WEBHOOK_PATH} -H 'content-type: application/json' -d '{"serviceId":"80:00:00:00:01:00:00:02"}'`,
	);
	say(`MCP:        ${mcpEndpointText(url, token)}`);
	say(
		'            (client configurations: README, "Use over MCP"; REMOTEIT_MCP_TOKEN keeps a token across runs)',
	);
	say('Ctrl-C stops n8n and the emulator.');
}

runLauncher(main);
