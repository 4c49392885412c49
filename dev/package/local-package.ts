/**
 * Puts this repository's package into an engine the way users get it: `npm pack`, then an npm install of
 * the tarball (n8n: `<N8N_USER_FOLDER>/.n8n/nodes`, as Community Nodes does; Node-RED: the userDir, as the
 * palette manager does). Peer dependencies (n8n-workflow) are omitted: the engine provides them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '../engines/catalog';

const SOURCE_FOLDERS = ['client', 'nodes', 'credentials', 'icons'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Runs `npm run build` when dist/ is missing or older than a source file. */
export function ensureBuilt(log: (line: string) => void): void {
  const dist = join(repositoryRoot, 'dist');
  const newestSource = Math.max(...SOURCE_FOLDERS.map((folder) => newestMtime(join(repositoryRoot, folder))));
  if (existsSync(join(dist, 'nodes')) && newestMtime(dist) >= newestSource) return;
  log('building the package (npm run build)…');
  try {
    execFileSync('npm', ['run', 'build'], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`);
  }
}

/** `npm pack` into a temporary folder; returns the tarball's path. */
export function packLocalPackage(log: (line: string) => void): string {
  ensureBuilt(log);
  const destination = mkdtempSync(join(tmpdir(), 'remoteit-pack-'));
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [packed] = JSON.parse(output) as Array<{ filename: string }>;
  if (!packed) throw new Error('npm pack produced no tarball');
  return join(destination, packed.filename);
}

/** Installs the tarball into `<folder>/node_modules/n8n-nodes-remoteit` (folder gets a package.json if it has none). */
export function installPackageInto(folder: string, tarball: string): string {
  mkdirSync(folder, { recursive: true });
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
  execFileSync(
    'npm',
    ['install', tarball, '--omit=peer', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'],
    { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, npm_config_update_notifier: 'false' } },
  );
  return join(folder, 'node_modules', 'n8n-nodes-remoteit');
}
