/** The emulator CLI (`npm run emulator`, i.e. `tsx emulator/cli.ts`): first line, serving, clean stop, errors. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function startCli(args: string[]): ChildProcessWithoutNullStreams {
	return spawn(TSX, ['emulator/cli.ts', ...args], { cwd: ROOT });
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
	return new Promise((resolve, reject) => {
		const lines = createInterface({ input: child.stdout });
		lines.once('line', (line) => {
			lines.close();
			resolve(line);
		});
		child.once('exit', (code) =>
			reject(new Error(`emulator exited with ${code} before printing a line`)),
		);
	});
}

function finished(
	child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stderr: string }> {
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

// Each test starts tsx, which takes seconds on a loaded machine: the waits are on the process's own output and exit.
jest.setTimeout(60_000);

describe('emulator CLI', () => {
	it('prints its url as the first line with --port 0, serves the demo seed and stops on SIGTERM', async () => {
		const child = startCli(['--port', '0']);
		const done = finished(child);
		const line = await firstLine(child);
		expect(line).toMatch(/^remote\.it emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
		const url = line.replace('remote.it emulator listening on ', '');
		const health = await fetch(`${url}/_emulator/health`);
		expect(health.status).toBe(200);
		child.kill('SIGTERM');
		expect((await done).code).toBe(0);
	});

	it.each([
		['an unknown flag', ['--bogus'], /unknown argument --bogus/],
		['a bad port', ['--port', 'eighty'], /--port needs a non-negative integer/],
		[
			'a missing seed file',
			['--seed', join(tmpdir(), 'no-such-seed.json')],
			/cannot read seed file/,
		],
	])('exits with code 2 and one line for %s', async (_what, args, message) => {
		const { code, stderr } = await finished(startCli(args));
		expect(code).toBe(2);
		expect(stderr.trim().split('\n')).toHaveLength(1);
		expect(stderr).toMatch(message);
		expect(stderr).not.toMatch(/\n\s+at /);
	});

	it('names the bad field of an invalid seed file', async () => {
		const path = join(tmpdir(), `bad-seed-${process.pid}.json`);
		writeFileSync(
			path,
			JSON.stringify({
				users: [
					{ email: 'a@example.com', password: 'p', developerKey: 'k', devices: [{ id: 'nope' }] },
				],
			}),
		);
		const { code, stderr } = await finished(startCli(['--seed', path]));
		expect(code).toBe(2);
		expect(stderr).toMatch(/users\[0\]\.devices\[0\]\.id/);
	});
});
