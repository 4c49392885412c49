/** What every launcher shares: a log line format, and a clean stop on Ctrl-C or a stop signal, whatever was started so far. */
import { rmSync } from 'node:fs';

export function say(line: string): void {
	process.stdout.write(`[remoteit] ${line}\n`);
}

type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let stopped: Promise<never> | undefined;

/** Registers a cleanup; they run newest first on SIGINT/SIGTERM or on a failed start. */
export function onStop(cleanup: Cleanup): void {
	cleanups.push(cleanup);
}

export function removeOnStop(folder: string): void {
	onStop(() => rmSync(folder, { recursive: true, force: true }));
}

async function runCleanups(exitCode: number): Promise<never> {
	for (const cleanup of cleanups.reverse()) {
		try {
			await cleanup();
		} catch (error) {
			process.stderr.write(
				`[remoteit] cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`,
			);
		}
	}
	say('stopped.');
	process.exit(exitCode);
}

/** Stops everything once; later calls (a second Ctrl-C, n8n exiting meanwhile) wait for the same stop. */
export function stopEverything(exitCode: number): Promise<never> {
	stopped ??= runCleanups(exitCode);
	return stopped;
}

/**
 * The signals a launcher stops on. A process manager or an IDE stop button signals npm only; npm forwards
 * SIGINT and SIGTERM to its script's process, and package.json starts every launcher with `exec` so that this
 * process is that one (a `sh -c` in between keeps SIGINT and dies of SIGTERM, passing on neither). SIGHUP
 * comes when the terminal closes.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function stopOnSignals(): void {
	// After SIGHUP the terminal is gone and writing to it fails: that must not cut the clean-up short.
	process.stdout.on('error', () => undefined);
	process.stderr.on('error', () => undefined);
	for (const signal of STOP_SIGNALS) {
		process.on(signal, () => {
			// A terminal's Ctrl-C reaches this process twice (directly, and forwarded by npm): report it once.
			if (!stopped) say(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping…`);
			void stopEverything(0);
		});
	}
}

/** Stops when the parent goes away without a signal reaching us (npm killed with SIGKILL): nothing is left running. */
export function stopWhenOrphaned(checkEveryMs = 1_000): void {
	const parent = process.ppid;
	const timer = setInterval(() => {
		if (process.ppid === parent) return;
		clearInterval(timer);
		if (!stopped) say('the parent process is gone: stopping…');
		void stopEverything(0);
	}, checkEveryMs);
	timer.unref();
}

/** Runs a launcher's main; a failure stops whatever it had started and exits 1. */
export function runLauncher(main: () => Promise<void>): void {
	stopOnSignals();
	stopWhenOrphaned();
	main().catch(async (error: unknown) => {
		process.stderr.write(`[remoteit] ${error instanceof Error ? error.message : String(error)}\n`);
		await stopEverything(1);
	});
}

export function portFromEnv(name: string, fallback: number): number {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`${name} must be a port number, not "${value}"`);
	return port;
}
