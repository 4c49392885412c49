// node scan.mjs <tools dir> <source dir> <unpacked tarball dir>
// Runs @n8n/scan-community-package's own analysis on both of its legs, as `analyzePackageByName` does after download
// (it cannot download an unpublished package): the source with SOURCE_FILE_PATTERNS, the tarball's .js and
// package.json. Prints one JSON line: { source: { passed, message, details }, tarball: { ... } }.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [tools, sourceDir, tarballDir] = process.argv.slice(2);
const scanner = await import(
	pathToFileURL(
		join(tools, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs'),
	).href
);
const summary = ({ passed, message, details }) => ({ passed, message, details });
const source = await scanner.analyzePackage(sourceDir, scanner.SOURCE_FILE_PATTERNS);
const tarball = await scanner.analyzePackage(tarballDir, ['**/*.js', 'package.json']);
process.stdout.write(`${JSON.stringify({ source: summary(source), tarball: summary(tarball) })}\n`);
