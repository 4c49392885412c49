/**
 * Installs the Node-RED package exactly as Node-RED's palette manager does (@node-red/registry lib/installer.js):
 * Node-RED's own npm (its `npm` dependency) run by the Node that runs Node-RED, in the userDir, with the palette's
 * arguments. A userDir gets the package.json Node-RED creates on first start.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstalledEngine } from '../engines/install';
import { engineEnvironment, runInstaller } from './engine-npm';
import { NODE_RED_PACKAGE } from './local-package';

/** The palette manager's `npm install` arguments (Node-RED 4.1 and 5.0). */
export const PALETTE_INSTALL_ARGS = [
	'--no-audit',
	'--no-update-notifier',
	'--no-fund',
	'--save',
	'--save-prefix=~',
	'--omit=dev',
	'--engine-strict',
];

/** The npm CLI Node-RED's registry module resolves (`require.resolve('npm/package.json')`). */
export function nodeRedNpmCli(engine: InstalledEngine): string {
	const registry = join(engine.dir, 'node_modules', '@node-red', 'registry');
	return join(
		require.resolve('npm/package.json', { paths: [registry] }),
		'..',
		'bin',
		'npm-cli.js',
	);
}

/** Returns the installed package's folder. */
export function installFromPalette(
	engine: InstalledEngine,
	userDir: string,
	tarball: string,
): string {
	const manifest = join(userDir, 'package.json');
	if (!existsSync(manifest)) {
		writeFileSync(
			manifest,
			JSON.stringify(
				{
					name: 'node-red-project',
					description: 'A Node-RED Project',
					version: '0.0.1',
					private: true,
				},
				null,
				4,
			),
		);
	}
	runInstaller(
		engine.nodeBinary,
		[nodeRedNpmCli(engine), 'install', ...PALETTE_INSTALL_ARGS, '--', tarball],
		userDir,
		engineEnvironment(engine.nodeBinary),
	);
	return join(userDir, 'node_modules', NODE_RED_PACKAGE);
}
