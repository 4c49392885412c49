/** The n8n package's tarball, packed and unpacked into a temporary folder, as the scanner downloads and unpacks it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { N8N_PACKAGE, packLocalPackage } from '../package/local-package';

export function unpackedN8nTarball(log: (line: string) => void): { tarball: string; dir: string } {
	const tarball = packLocalPackage(N8N_PACKAGE, log);
	const dir = mkdtempSync(join(tmpdir(), 'remoteit-unpacked-'));
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	return { tarball, dir };
}
