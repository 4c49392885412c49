/**
 * n8n's own verification tools, run locally on this repository (dev/pins/n8n-tools pins them; they run on Node 24):
 * - the community-package scanner's analysis (`scan.mjs`), on the source and on the unpacked n8n tarball;
 * - `n8n-node lint` (strict: n8n's default eslint.config.mjs, current community-node rules) on the n8n sources,
 *   staged as a package folder the CLI accepts: package.json, nodes/ without the Node-RED nodes, credentials/, icons/,
 *   and the engine-neutral client as the compiled declarations of the files the n8n package ships (the nodes import
 *   it; its code is checked by the scanner's tarball leg, and it throws its own typed errors, which the nodes turn
 *   into n8n's NodeApiError/NodeOperationError).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../engines/catalog';
import type { InstalledEngine } from '../engines/install';
import { engineEnvironment } from '../package/engine-npm';
import { N8N_PACKAGE, packageDir } from '../package/local-package';

export interface LegResult {
	passed: boolean;
	message?: string;
	details?: string;
}

export interface CommandOutput {
	code: number | null;
	output: string;
}

function run(tools: InstalledEngine, args: string[], cwd: string): CommandOutput {
	const result = spawnSync(tools.nodeBinary, args, {
		cwd,
		env: engineEnvironment(tools.nodeBinary),
		encoding: 'utf8',
		timeout: 5 * 60_000,
	});
	return {
		code: result.status,
		output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
	};
}

export function scanN8nPackage(
	tools: InstalledEngine,
	sourceDir: string,
	tarballDir: string,
): { source: LegResult; tarball: LegResult } {
	const { code, output } = run(
		tools,
		[join(__dirname, 'scan.mjs'), tools.dir, sourceDir, tarballDir],
		repositoryRoot,
	);
	const line = output.split('\n').find((text) => text.startsWith('{"source"'));
	if (code !== 0 || !line) throw new Error(`the scanner failed (exit ${code}):\n${output}`);
	return JSON.parse(line) as { source: LegResult; tarball: LegResult };
}

/** The declarations (from tsc's dist/) of the client files the assembled n8n package ships. */
function shippedClientDeclarations(): string[] {
	const shipped = join(packageDir(N8N_PACKAGE), 'dist', 'client');
	return readdirSync(shipped, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.js'))
		.map((file) => join('client', file.replace(/\.js$/, '.d.ts')));
}

/** Copies the n8n sources into `stageDir` with n8n's default eslint config and the tools' node_modules. */
export function stageN8nSources(tools: InstalledEngine, stageDir: string): void {
	mkdirSync(stageDir, { recursive: true });
	for (const path of [
		'package.json',
		'nodes/RemoteIt',
		'nodes/RemoteItTrigger',
		'nodes/shared',
		'credentials',
		'icons',
	]) {
		cpSync(join(repositoryRoot, path), join(stageDir, path), { recursive: true });
	}
	for (const declaration of shippedClientDeclarations()) {
		cpSync(join(repositoryRoot, 'dist', declaration), join(stageDir, declaration));
	}
	const template = join(
		tools.dir,
		'node_modules',
		'@n8n',
		'node-cli',
		'dist',
		'template',
		'templates',
		'shared',
		'default',
		'eslint.config.mjs',
	);
	writeFileSync(join(stageDir, 'eslint.config.mjs'), readFileSync(template, 'utf8'));
	symlinkSync(join(tools.dir, 'node_modules'), join(stageDir, 'node_modules'), 'dir');
}

/** `n8n-node lint` in a staged folder (see stageN8nSources). */
export function lintN8nSources(tools: InstalledEngine, stageDir: string): CommandOutput {
	return run(
		tools,
		[join(tools.dir, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs'), 'lint'],
		stageDir,
	);
}
