/** An engine (n8n, Node-RED) run as a child process: its output kept for readiness checks and failure messages. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface EngineProcess {
	child: ChildProcess;
	/** Everything the process printed so far, stdout and stderr. */
	output(): string;
}

/** Engines spawned by this process and not yet exited, so a stop during start-up still reaches them. */
const running = new Set<ChildProcess>();

/** Counts a child among those a stop ends, until it exits (also for short-lived ones: `n8n import:*`, npm installs). */
export function trackChild(child: ChildProcess): ChildProcess {
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

/** Spawns `command args` with piped output; `echo` also gets each chunk (e.g. the terminal for `npm start`). */
export function spawnEngine(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	echo?: (text: string) => void,
): EngineProcess {
	const child = trackChild(spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] }));
	let printed = '';
	const collect = (chunk: Buffer): void => {
		printed += chunk.toString();
		echo?.(chunk.toString());
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	return { child, output: () => printed };
}

/** SIGTERM, then SIGKILL if the process has not exited after `killAfterMs`; resolves once it has exited. */
export async function stopEngine(child: ChildProcess, killAfterMs: number): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = once(child, 'exit');
	child.kill('SIGTERM');
	const killTimer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
	await exited;
	clearTimeout(killTimer);
}

/** Stops every engine still running, e.g. when Ctrl-C arrives before an engine reported ready. */
export async function stopRunningEngines(killAfterMs: number): Promise<void> {
	await Promise.all([...running].map((child) => stopEngine(child, killAfterMs)));
}
