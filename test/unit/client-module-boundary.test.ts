/**
 * Module boundaries: the client core loads no HTTP library (n8n sends through its own helpers and never needs axios),
 * and the n8n trigger loads nothing of the action node (what both use is in nodes/shared/, docs/design.md).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The modules loading `entry` puts in Node's require cache whose path matches `pattern`. */
const loadedModules = (entry: string, pattern: RegExp): string[] =>
	JSON.parse(
		execFileSync(
			process.execPath,
			[
				'-r',
				'tsx/cjs',
				'-e',
				`require(${JSON.stringify(entry)}); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => new RegExp(${JSON.stringify(pattern.source)}).test(k))))`,
			],
			{ cwd: root, encoding: 'utf8' },
		).trim(),
	) as string[];

const AXIOS = /node_modules[\\/]axios[\\/]/;

describe('module boundaries', () => {
	it('loading the client does not load axios, with or without its Node defaults (axios is loaded lazily)', () => {
		expect(loadedModules('./client', AXIOS)).toHaveLength(0);
		expect(loadedModules('./client/transport', AXIOS)).toHaveLength(0);
	});

	it('the public entry loads nothing of client/transport/ (the n8n package ships no axios, timers or sockets)', () => {
		expect(loadedModules('./client', /[\\/]client[\\/]transport[\\/]/)).toEqual([]);
	});

	it('the axios transport is where axios comes from', () => {
		expect(loadedModules('./client/transport/axios', AXIOS).length).toBeGreaterThan(0);
	});

	it('the n8n trigger loads nothing of the action node', () => {
		const loaded = loadedModules(
			'./nodes/RemoteItTrigger/RemoteItTrigger.node.ts',
			/[\\/]nodes[\\/]/,
		);
		// The trigger itself and nodes/shared/ are loaded; nodes/RemoteIt/ is not.
		expect(loaded.some((file) => /[\\/]nodes[\\/]shared[\\/]transport\.ts$/.test(file))).toBe(true);
		expect(loaded.filter((file) => /[\\/]nodes[\\/]RemoteIt[\\/]/.test(file))).toEqual([]);
	});
});
