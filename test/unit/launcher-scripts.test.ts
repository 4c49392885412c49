/**
 * npm forwards SIGINT/SIGTERM only to its script's own process. Under `sh -c` that process is the shell, which
 * keeps SIGINT and dies of SIGTERM without passing either on (test/e2e/launcher-stop.test.ts shows the effect),
 * so every script that runs until stopped must `exec` its program.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { scripts } = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
) as { scripts: Record<string, string> };
const longRunning = Object.keys(scripts).filter(
	(name) => name === 'emulator' || name === 'start' || name.startsWith('start:'),
);

describe('scripts that run until stopped', () => {
	it('include the emulator and both launchers', () => {
		expect(longRunning).toEqual(expect.arrayContaining(['emulator', 'start', 'start:node-red']));
	});

	it.each(longRunning)(
		'"%s" replaces npm\'s shell with its program, so a stop signal to npm reaches it',
		(name) => {
			expect(scripts[name]).toMatch(/^exec node --import tsx \S+\.ts(\s|$)/);
		},
	);
});
