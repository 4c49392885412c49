/** Long waits in the launchers and the engine cache say how long they have lasted. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lockWaitLine } from '../../dev/engines/install';
import { withLock } from '../../dev/engines/lock';
import { withProgress } from '../../dev/launch/progress';

describe('waiting for another process installing an engine', () => {
	it('names the process holding the lock and the time waited, until the lock is free', async () => {
		const lockDir = join(mkdtempSync(join(tmpdir(), 'lock-test-')), 'engine.lock');
		mkdirSync(lockDir);
		// A live owner (this very process), so the lock is not taken over as stale.
		writeFileSync(join(lockDir, 'pid'), String(process.pid));
		const lines: string[] = [];
		setTimeout(() => rmSync(lockDir, { recursive: true, force: true }), 1_300);
		const result = await withLock(
			lockDir,
			(wait) => lines.push(lockWaitLine('n8n 1.123.50', wait)),
			async () => 'installed',
			{
				tellEveryMs: 500,
				pollEveryMs: 50,
			},
		);
		expect(result).toBe('installed');
		expect(lines[0]).toBe(
			`waiting for another process (pid ${process.pid}) installing n8n 1.123.50…`,
		);
		const later = lines.slice(1);
		expect(later.length).toBeGreaterThanOrEqual(1);
		for (const line of later) {
			expect(line).toMatch(
				new RegExp(
					`^still waiting for another process \\(pid ${process.pid}\\) installing n8n 1\\.123\\.50 \\(\\d+s\\)…$`,
				),
			);
		}
		expect(Number(/\((\d+)s\)…$/.exec(later.at(-1) as string)?.[1])).toBeGreaterThanOrEqual(1);
		rmSync(dirname(lockDir), { recursive: true, force: true });
	});

	it('formats minutes once a wait passes one', () => {
		expect(lockWaitLine('Node-RED 4.1.15', { owner: undefined, waitedMs: 95_000 })).toBe(
			'still waiting for another process installing Node-RED 4.1.15 (1m 35s)…',
		);
	});
});

describe('a long launcher step', () => {
	it('says what it is doing, how long it has taken while it runs, and when it is done', async () => {
		const lines: string[] = [];
		const result = await withProgress(
			'importing workflows',
			(line) => lines.push(line),
			async () => {
				await new Promise((resolve) => setTimeout(resolve, 1_100));
				return 3;
			},
			500,
		);
		expect(result).toBe(3);
		expect(lines[0]).toBe('importing workflows…');
		expect(lines.at(-1)).toMatch(/^importing workflows: done in \d+s$/);
		const during = lines.slice(1, -1);
		expect(during.length).toBeGreaterThanOrEqual(1);
		for (const line of during) expect(line).toMatch(/^still importing workflows \(\d+s\)…$/);
	});

	it('stops saying "still" when the step fails, and passes the failure on', async () => {
		const lines: string[] = [];
		await expect(
			withProgress(
				'importing',
				(line) => lines.push(line),
				() => Promise.reject(new Error('bad file')),
				100,
			),
		).rejects.toThrow('bad file');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(lines).toEqual(['importing…']);
	});
});
