/** What both launchers share: a log line format, and a clean stop on Ctrl-C whatever was started so far. */
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
      process.stderr.write(`[remoteit] cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`);
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

export function stopOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // A terminal's Ctrl-C reaches this process twice (directly and relayed by tsx): report it once.
      if (!stopped) say(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping…`);
      void stopEverything(0);
    });
  }
}

/** Runs a launcher's main; a failure stops whatever it had started and exits 1. */
export function runLauncher(main: () => Promise<void>): void {
  stopOnSignals();
  main().catch(async (error: unknown) => {
    process.stderr.write(`[remoteit] ${error instanceof Error ? error.message : String(error)}\n`);
    await stopEverything(1);
  });
}

export function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
  return port;
}
