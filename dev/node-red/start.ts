/**
 * `npm run start:node-red`: the package in a real Node-RED 4.1.x against the local remote.it emulator.
 * Builds and packs the package, starts the emulator with the demo seed, installs (first run) or reuses the
 * pinned Node-RED, installs the package into a fresh userDir as the palette manager would, deploys the example
 * flows with an account pointing at the emulator, and prints the editor URL. Ctrl-C stops everything.
 */
import { ensureEngine } from '../engines/install';
import { demoAccount } from '../launch/demo-account';
import { stopRunningEngines } from '../launch/engine-process';
import { onStop, portFromEnv, removeOnStop, runLauncher, say } from '../launch/lifecycle';
import { packAndStartEmulator } from '../launch/package-and-emulator';
import { NODE_RED_PACKAGE } from '../package/local-package';
import { accessKeySettings, demoFlows, exampleFiles } from './demo-flows';
import { createUserDir, deployFlows, startNodeRed } from './node-red-process';

async function main(): Promise<void> {
	// Registered first, so it runs last: whatever engine a Ctrl-C during start-up left running.
	onStop(() => stopRunningEngines(20_000));
	const { tarball, emulator } = await packAndStartEmulator(NODE_RED_PACKAGE);

	const engine = await ensureEngine('node-red', { log: say });
	const userDir = createUserDir(engine, tarball);
	removeOnStop(userDir);
	say(`starting ${engine.label} (userDir ${userDir})…`);
	const runtime = await startNodeRed(engine, userDir, { port: portFromEnv('NODE_RED_PORT', 1880) });
	onStop(() => runtime.stop());

	const account = demoAccount(emulator.seed);
	await deployFlows(runtime, demoFlows(accessKeySettings(account, emulator.url)));
	say('');
	say(`Node-RED editor: ${runtime.url}/  (no login: the editor listens on loopback only)`);
	say(
		`The ${exampleFiles().length} example flows are deployed, one tab each: what Import › Examples › node-red-contrib-remoteit offers, so no need to import them again.`,
	);
	say(`Their "remote.it account" config node uses the emulator's demo access key.`);
	say(
		`Press an inject button, then watch the debug sidebar. Ctrl-C stops Node-RED and the emulator.`,
	);
}

runLauncher(main);
