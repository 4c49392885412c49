/** A cross-process lock (an exclusive mkdir) so two runs never install the same engine at once. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function ownerOf(lockDir: string): number | undefined {
	try {
		return Number(readFileSync(join(lockDir, 'pid'), 'utf8')) || undefined;
	} catch {
		return undefined;
	}
}

function tryAcquire(lockDir: string): boolean {
	try {
		mkdirSync(lockDir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	writeFileSync(join(lockDir, 'pid'), String(process.pid));
	return true;
}

/** Told while `withLock` waits: who holds the lock and how long we have waited so far (0 the first time). */
export type OnLockWait = (wait: { owner: number | undefined; waitedMs: number }) => void;

export interface LockTiming {
	/** How often `onWait` is told while waiting (first at once). */
	tellEveryMs?: number;
	pollEveryMs?: number;
}

/** Runs `work` holding the lock; a lock left by a dead process is taken over. */
export async function withLock<T>(
	lockDir: string,
	onWait: OnLockWait,
	work: () => Promise<T>,
	{ tellEveryMs = 30_000, pollEveryMs = 2_000 }: LockTiming = {},
): Promise<T> {
	const started = Date.now();
	let waitedMs = 0;
	let toldMs = -Infinity;
	while (!tryAcquire(lockDir)) {
		const owner = ownerOf(lockDir);
		// An owner that has not written its pid yet gets a few seconds before it counts as dead.
		if ((owner !== undefined && !isAlive(owner)) || (owner === undefined && waitedMs > 10_000)) {
			rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (Date.now() - toldMs >= tellEveryMs) {
			const first = toldMs === -Infinity;
			toldMs = Date.now();
			onWait({ owner, waitedMs: first ? 0 : toldMs - started });
		}
		await sleep(pollEveryMs);
		waitedMs += pollEveryMs;
	}
	try {
		return await work();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}
