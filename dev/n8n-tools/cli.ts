/**
 * `npm run verify:n8n`: n8n's community-package scanner on the source and on the packed n8n tarball, then
 * `n8n-node lint` on the n8n sources (see verification.ts). Exits 1 if either finds an error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '../engines/catalog';
import { ensureEngine } from '../engines/install';
import { unpackedN8nTarball } from './unpacked';
import { lintN8nSources, scanN8nPackage, stageN8nSources } from './verification';

async function main(): Promise<void> {
	const log = (line: string): void => void process.stderr.write(`${line}\n`);
	const tools = await ensureEngine('n8n-tools', { log });
	const { tarball, dir } = unpackedN8nTarball(log);
	const stage = mkdtempSync(join(tmpdir(), 'remoteit-n8n-lint-'));
	try {
		const scan = scanN8nPackage(tools, repositoryRoot, dir);
		for (const [leg, result] of Object.entries(scan)) {
			process.stdout.write(
				`scanner, ${leg}: ${result.passed ? 'passed' : `FAILED ${result.message ?? ''}`}\n${result.details ?? ''}`,
			);
		}
		stageN8nSources(tools, stage);
		const lint = lintN8nSources(tools, stage);
		process.stdout.write(`n8n-node lint: exit ${lint.code}\n${lint.output}\n`);
		if (!scan.source.passed || !scan.tarball.passed || lint.code !== 0) process.exitCode = 1;
	} finally {
		for (const folder of [dir, dirname(tarball), stage])
			rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exitCode = 1;
});
