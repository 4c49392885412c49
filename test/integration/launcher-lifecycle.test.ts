/**
 * The launchers' stop rule (dev/launch/lifecycle.ts) with a launcher that starts nothing: every stop signal, and
 * the parent dying without sending one, runs the clean-ups and ends the process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..');
const LAUNCHER = join(__dirname, 'fixtures', 'launcher.ts');

const markers: string[] = [];
afterAll(() => {
	for (const file of markers) rmSync(dirname(file), { recursive: true, force: true });
});

function marker(): string {
	const file = join(mkdtempSync(join(tmpdir(), 'launcher-test-')), 'stopped');
	markers.push(file);
	return file;
}

async function untilReady(child: ChildProcess): Promise<void> {
	let printed = '';
	child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	while (!printed.includes('[remoteit] ready')) {
		if (child.exitCode !== null) throw new Error(`the launcher exited early: ${printed}`);
		await sleep(50);
	}
}

async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!condition() && Date.now() < deadline) await sleep(50);
	return condition();
}

/** Running, and not a zombie (an orphan's exit status may wait for a reaper that never collects it). */
function isAlive(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

describe('a launcher', () => {
	it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
		'cleans up and exits 0 on %s',
		async (signal) => {
			const file = marker();
			const child = spawn(process.execPath, ['--import', 'tsx', LAUNCHER, file], {
				cwd: ROOT,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			await untilReady(child);
			const exited = once(child, 'exit');
			child.kill(signal);
			const [code] = await exited;
			expect(code).toBe(0);
			expect(readFileSync(file, 'utf8')).toBe('cleaned up');
		},
		30_000,
	);

	it('cleans up and exits when its parent is killed without passing a signal on', async () => {
		const file = marker();
		// A parent that starts the launcher and then waits: SIGKILL gives it no chance to forward anything.
		const parentScript = `
      const child = require('node:child_process').spawn(process.execPath, ['--import', 'tsx', ${JSON.stringify(LAUNCHER)}, ${JSON.stringify(file)}], { stdio: ['ignore', 'inherit', 'inherit'] });
      console.log('launcher pid ' + child.pid);
      setInterval(() => {}, 1000);`;
		const parent = spawn(process.execPath, ['-e', parentScript], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let printed = '';
		parent.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
		await untilReady(parent);
		const launcherPid = Number(/launcher pid (\d+)/.exec(printed)?.[1]);
		parent.kill('SIGKILL');
		try {
			expect(await eventually(() => existsSync(file))).toBe(true);
			expect(await eventually(() => !isAlive(launcherPid))).toBe(true);
		} finally {
			if (isAlive(launcherPid)) process.kill(launcherPid, 'SIGKILL');
		}
	}, 30_000);
});
