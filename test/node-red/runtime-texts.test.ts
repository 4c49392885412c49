/**
 * The runtime's status and error texts come from the nodes' en-US catalogues, as core nodes' do: every key the
 * runtime asks `RED._` for (a node's own, or a shared one in the account node's catalogue) has its text.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RemoteItErrorCode } from '../../client';

const NODE_RED_DIR = path.resolve(__dirname, '../../nodes/node-red');

function catalogue(type: string): Record<string, unknown> {
	return JSON.parse(
		fs.readFileSync(path.join(NODE_RED_DIR, 'locales', 'en-US', `${type}.json`), 'utf8'),
	) as Record<string, unknown>;
}

function lookUp(tree: Record<string, unknown>, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(node, part) =>
				typeof node === 'object' && node !== null
					? (node as Record<string, unknown>)[part]
					: undefined,
			tree,
		);
}

const sources = [
	...fs.readdirSync(NODE_RED_DIR).filter((file) => file.endsWith('.ts')),
	...fs.readdirSync(path.join(NODE_RED_DIR, 'lib')).map((file) => `lib/${file}`),
].map((file) => [file, fs.readFileSync(path.join(NODE_RED_DIR, file), 'utf8')] as const);

describe("the runtime's texts", () => {
	it.each(sources.filter(([file]) => !file.startsWith('lib/')))(
		'%s asks only for keys its catalogue has',
		(file, source) => {
			const type = file.replace(/\.ts$/, '');
			const keys = [...source.matchAll(/RED\._\(\s*'([^']+)'/g)].map((match) => match[1]);
			for (const key of keys) {
				expect(key.startsWith(`${type}.`)).toBe(true);
				expect(typeof lookUp(catalogue(type), key)).toBe('string');
			}
		},
	);

	it('finds every shared text in the account node catalogue, a failure label for every error code included', () => {
		const shared = lookUp(catalogue('remoteit-config'), 'remoteit-config.shared') as Record<
			string,
			unknown
		>;
		const keys = sources.flatMap(([, source]) =>
			[...source.matchAll(/sharedText\(\s*RED,\s*'([^']+)'/g)].map((match) => match[1]),
		);
		expect(keys.length).toBeGreaterThanOrEqual(8);
		for (const key of keys) expect(typeof lookUp(shared, key)).toBe('string');
		const codes: Record<RemoteItErrorCode, true> = {
			VALIDATION: true,
			AUTH: true,
			MFA: true,
			NOT_FOUND: true,
			DEVICE_OFFLINE: true,
			RATE_LIMITED: true,
			UNAVAILABLE: true,
			TIMEOUT: true,
			API_ERROR: true,
		};
		for (const code of Object.keys(codes))
			expect(typeof lookUp(shared, `failure.${code}`)).toBe('string');
	});

	it('leaves no status text inline', () => {
		for (const [file, source] of sources) {
			// A status set from a literal: `status({ …, text: 'connecting…' })`.
			expect([file, source.match(/text:\s*'[^']*[a-z][^']*'/g)]).toEqual([file, null]);
			// A node's green summary returned as words.
			if (!file.startsWith('lib/'))
				expect([file, source.match(/return\s+'[a-z][^']* [^']*';/g)]).toEqual([file, null]);
		}
	});
});
