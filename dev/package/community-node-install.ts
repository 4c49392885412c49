/**
 * Installs the n8n package exactly as n8n's Community Nodes installer does (n8n 1.93 and later,
 * CommunityPackagesService.downloadPackage): untar into `<nodes>/node_modules/<package>`, drop dev, peer and
 * optional dependencies from its package.json, run `npm install` with n8n's flags inside the package folder,
 * then record the package in `<nodes>/package.json`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineEnvironment, runInstaller } from './engine-npm';
import { N8N_PACKAGE } from './local-package';

/** n8n's NPM_COMMON_ARGS and NPM_INSTALL_ARGS. */
export const COMMUNITY_NODES_INSTALL_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

/**
 * Returns the installed package's folder. `nodesFolder` is `<N8N_USER_FOLDER>/.n8n/nodes`; `nodeBinary` is the Node
 * that runs n8n (n8n runs the `npm` on its PATH).
 */
export function installAsCommunityNode(
	nodesFolder: string,
	tarball: string,
	nodeBinary = process.execPath,
): string {
	const manifest = join(nodesFolder, 'package.json');
	mkdirSync(nodesFolder, { recursive: true });
	if (!existsSync(manifest))
		writeFileSync(
			manifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	const packageFolder = join(nodesFolder, 'node_modules', N8N_PACKAGE);
	rmSync(packageFolder, { recursive: true, force: true });
	mkdirSync(packageFolder, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageFolder, '--strip-components=1']);

	const packageJsonPath = join(packageFolder, 'package.json');
	const {
		devDependencies: _dev,
		peerDependencies: _peer,
		optionalDependencies: _optional,
		...packageJson
	} = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<string, unknown>;
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2), 'utf-8');
	runInstaller(
		'npm',
		['install', ...COMMUNITY_NODES_INSTALL_ARGS],
		packageFolder,
		engineEnvironment(nodeBinary),
	);

	const installed = JSON.parse(readFileSync(manifest, 'utf8')) as {
		dependencies: Record<string, string>;
	};
	installed.dependencies[N8N_PACKAGE] = String(packageJson.version);
	writeFileSync(manifest, JSON.stringify(installed, null, 2), 'utf-8');
	return packageFolder;
}
