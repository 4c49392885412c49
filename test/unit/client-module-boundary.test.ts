/** The client core must not load an HTTP library: n8n sends through its own helpers and never needs axios. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const loadedAxiosModules = (entry: string): number =>
	Number(
		execFileSync(
			process.execPath,
			[
				'-r',
				'tsx/cjs',
				'-e',
				`require(${JSON.stringify(entry)}); console.log(Object.keys(require.cache).filter((k) => /node_modules[\\\\/]axios[\\\\/]/.test(k)).length)`,
			],
			{ cwd: root, encoding: 'utf8' },
		).trim(),
	);

describe('module boundaries', () => {
	it('loading the client does not load axios (index.ts loads the transport lazily)', () => {
		expect(loadedAxiosModules('./client')).toBe(0);
	});

	it('the axios transport is where axios comes from', () => {
		expect(loadedAxiosModules('./client/transport/axios')).toBeGreaterThan(0);
	});
});
