/**
 * n8n's own verification, run locally: the community-package scanner's analysis (@n8n/scan-community-package
 * 0.32, both legs: the source as a provenance checkout holds it, and the unpacked n8n tarball) and `n8n-node lint`
 * (@n8n/node-cli 0.48, strict, current community-node rules) on the n8n sources. The tools come from dev/n8n-tools.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '../../dev/engines/catalog';
import { type InstalledEngine, ensureEngine } from '../../dev/engines/install';
import { unpackedN8nTarball } from '../../dev/n8n-tools/unpacked';
import { lintN8nSources, scanN8nPackage, stageN8nSources } from '../../dev/n8n-tools/verification';
import { ENGINE_SETUP_TIMEOUT_MS } from './support/engine-fixture';

const TOOL_TIMEOUT_MS = 5 * 60_000;
const log = (line: string): void => void process.stderr.write(`[n8n verification] ${line}\n`);

let tools: InstalledEngine;
let unpacked: { tarball: string; dir: string };
let stage: string;

beforeAll(async () => {
	tools = await ensureEngine('n8n-tools', { log });
	unpacked = unpackedN8nTarball(log);
	stage = mkdtempSync(join(tmpdir(), 'remoteit-n8n-lint-'));
}, ENGINE_SETUP_TIMEOUT_MS);

afterAll(() => {
	for (const folder of [unpacked?.dir, unpacked && dirname(unpacked.tarball), stage]) {
		if (folder) rmSync(folder, { recursive: true, force: true });
	}
});

describe('n8n community-node verification', () => {
	it(
		'the scanner passes the source and the unpacked tarball',
		() => {
			const { source, tarball } = scanN8nPackage(tools, repositoryRoot, unpacked.dir);
			expect({ leg: 'source', ...source }).toEqual({ leg: 'source', passed: true });
			expect({ leg: 'tarball', ...tarball }).toEqual({ leg: 'tarball', passed: true });
		},
		TOOL_TIMEOUT_MS,
	);

	it(
		'`n8n-node lint` reports no error on the n8n sources',
		() => {
			stageN8nSources(tools, stage);
			const { code, output } = lintN8nSources(tools, stage);
			expect({ code, errors: output.match(/\d+ errors?/)?.[0] ?? '0 errors' }).toEqual({
				code: 0,
				errors: '0 errors',
			});
		},
		TOOL_TIMEOUT_MS,
	);
});
