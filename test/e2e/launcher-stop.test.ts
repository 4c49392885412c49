/**
 * `npm start`, `npm run start:queue` and `npm run start:node-red` stopped the way a process manager or an IDE stop
 * button does it: one signal to the npm process, nothing to its children. Everything the launcher started (engine,
 * emulator, n8n's task runner, queue workers, PostgreSQL, Redis) must be gone, its ports free and its temporary
 * folder removed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../dev/launch/free-port';
import { ENGINE_SETUP_TIMEOUT_MS } from './support/engine-fixture';
import { type ProcessInfo, descendantsOf, isListening, isRunning } from './support/process-tree';

const ROOT = join(__dirname, '..', '..');
/** n8n gets N8N_GRACEFUL_SHUTDOWN_TIMEOUT=5 and a SIGKILL after 20 s; a stop must never take longer than this. */
const STOP_BOUND_MS = 40_000;

interface Launcher {
	script: string;
	/** The banner line printed once the editor is usable. */
	ready: RegExp;
	/** A later line to wait for before stopping (a demo that must have happened). */
	demoDone?: RegExp;
	/** The temporary folder the launcher names in its output, removed on stop. */
	folder?: RegExp;
	/** More ports the launcher names in its banner (every capture group is one), freed on stop. */
	morePorts?: RegExp;
	/** A command line that only the engine process has. */
	engine: RegExp;
	portVariable: string;
}

const N8N: Launcher = {
	script: 'start',
	ready: /n8n editor: http/,
	folder: /as a community node into (\S+)\/\.n8n\/nodes/,
	engine: /n8n\/bin\/n8n start/,
	portVariable: 'N8N_PORT',
};
/** `npm start` after its Trigger demo: the emulator took a device offline and the Trigger workflow ran. */
const N8N_AFTER_TRIGGER_DEMO: Launcher = {
	...N8N,
	demoDone: /Trigger demo: the Trigger fired after [^:]+: http\S+\/executions\/\d+/,
};
/** Queue mode: a main and two workers, PostgreSQL and Redis, all children of the launcher. */
const N8N_QUEUE: Launcher = {
	script: 'start:queue',
	ready: /n8n editor: http\S+ \(queue mode/,
	morePorts: /PostgreSQL on 127\.0\.0\.1:(\d+), Redis on 127\.0\.0\.1:(\d+)/,
	engine: /n8n\/bin\/n8n worker/,
	portVariable: 'N8N_PORT',
};
const NODE_RED: Launcher = {
	script: 'start:node-red',
	ready: /Node-RED editor: http/,
	folder: /\(userDir (\S+)\)/,
	engine: /runner\.js/,
	portVariable: 'NODE_RED_PORT',
};

interface Started {
	npm: ChildProcess;
	output(): string;
	ports: number[];
}

async function start(launcher: Launcher): Promise<Started> {
	const ports = [await freePort(), await freePort()];
	const env = {
		...process.env,
		REMOTEIT_EMULATOR_PORT: String(ports[0]),
		[launcher.portVariable]: String(ports[1]),
	};
	// Its own process group, as a process manager starts it: no signal of ours reaches the children by the group.
	const npm = spawn('npm', ['run', launcher.script], {
		cwd: ROOT,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let printed = '';
	npm.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	npm.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	const deadline = Date.now() + ENGINE_SETUP_TIMEOUT_MS;
	const done = launcher.demoDone ?? launcher.ready;
	while (!launcher.ready.test(printed) || !done.test(printed)) {
		if (npm.exitCode !== null)
			throw new Error(
				`npm run ${launcher.script} exited (${npm.exitCode}) before ready:\n${printed}`,
			);
		if (Date.now() > deadline) throw new Error(`npm run ${launcher.script} not ready:\n${printed}`);
		await sleep(250);
	}
	return { npm, output: () => printed, ports };
}

async function waitUntil(
	condition: () => Promise<boolean> | boolean,
	timeoutMs: number,
): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return true;
		await sleep(200);
	}
	return condition();
}

async function listening(ports: number[]): Promise<number[]> {
	const open = await Promise.all(
		ports.map(async (port) => ((await isListening(port)) ? [port] : [])),
	);
	return open.flat();
}

describe.each<[string, NodeJS.Signals, Launcher]>([
	['npm start, once its Trigger demo has fired,', 'SIGINT', N8N_AFTER_TRIGGER_DEMO],
	['npm start', 'SIGTERM', N8N],
	['npm run start:queue', 'SIGTERM', N8N_QUEUE],
	['npm run start:node-red', 'SIGINT', NODE_RED],
	['npm run start:node-red', 'SIGTERM', NODE_RED],
])('%s stopped with %s to npm', (_name, signal, launcher) => {
	let started: Started | undefined;
	let tree: ProcessInfo[] = [];

	afterAll(() => {
		// Whatever a failed assertion left behind: never leave an engine running on the machine.
		for (const process_ of tree.filter(isRunning)) process.kill(process_.pid, 'SIGKILL');
		if (started?.npm.exitCode === null) process.kill(started.npm.pid as number, 'SIGKILL');
	});

	it(
		'stops the engine, the emulator and every other child, frees the ports and removes the user folder',
		async () => {
			started = await start(launcher);
			const { npm, output, ports } = started;
			tree = descendantsOf(npm.pid as number);
			expect(tree.some((child) => launcher.engine.test(child.command))).toBe(true);
			ports.push(...(launcher.morePorts?.exec(output())?.slice(1).map(Number) ?? []));
			expect(await listening(ports)).toEqual(ports);
			const folder = launcher.folder ? launcher.folder.exec(output())?.[1] : undefined;
			if (launcher.folder) expect(folder && existsSync(folder)).toBe(true);

			const exited = once(npm, 'exit');
			process.kill(npm.pid as number, signal);
			const allGone = await waitUntil(() => !tree.some(isRunning), STOP_BOUND_MS);
			expect({ allGone, left: tree.filter(isRunning) }).toEqual({ allGone: true, left: [] });
			await exited;
			expect(await waitUntil(async () => (await listening(ports)).length === 0, 5_000)).toBe(true);
			if (folder) expect(existsSync(folder)).toBe(false);
			expect(output()).toContain('[remoteit] stopped.');
		},
		ENGINE_SETUP_TIMEOUT_MS,
	);
});
