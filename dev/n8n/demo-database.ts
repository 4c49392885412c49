/**
 * The demo's n8n database, imported once and then reused: each `n8n import:*` and `update:workflow` boots n8n (about
 * 20 s on 2 cores), so `npm start` keeps the database they leave (with the instance's encryption key) in the engine
 * cache, keyed by the engine and everything imported, and copies it into each run's fresh user folder.
 */
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from '../engines/install';
import { mcpToken } from './demo/mcp';
import { activateWorkflow, importCredentials, importWorkflows, type N8nHome } from './n8n-cli';

export interface DemoImport {
	/** The credentials to import, given the MCP clients' token. */
	credentials(token: string): object[];
	workflows: Array<{ id: string }>;
	/** Workflows to activate after the import. */
	active: string[];
	/** The MCP clients' token the user set (REMOTEIT_MCP_TOKEN); otherwise a new one is made at each import. */
	token?: string;
}

/** What n8n keeps in `<user folder>/.n8n` that the import changed: its settings (encryption key) and database. */
const KEPT = /^(config|database\.sqlite(-wal|-shm)?)$/;
const TOKEN_FILE = 'mcp-token';
const TOKEN_SLOT = '<token>';

function databaseDir(home: N8nHome, demo: DemoImport): string {
	const key = createHash('sha256')
		.update(home.engine.dir)
		.update(JSON.stringify([demo.credentials(TOKEN_SLOT), demo.workflows, demo.active, demo.token]))
		.digest('hex')
		.slice(0, 12);
	return join(cacheRoot(), `n8n-demo-${key}`);
}

function copyKept(from: string, to: string): void {
	mkdirSync(to, { recursive: true });
	for (const file of readdirSync(from).filter((name) => KEPT.test(name)))
		copyFileSync(join(from, file), join(to, file));
}

/**
 * Puts the demo's credentials and workflows into the home's n8n, importing them only when the cache has no database
 * for them yet. Returns the MCP token the imported credential holds.
 */
export async function importDemo(
	home: N8nHome,
	demo: DemoImport,
	log: (line: string) => void,
): Promise<{ token: string; imported: boolean }> {
	const cached = databaseDir(home, demo);
	const n8nFolder = join(home.userFolder, '.n8n');
	if (existsSync(join(cached, TOKEN_FILE))) {
		copyKept(cached, n8nFolder);
		return { token: readFileSync(join(cached, TOKEN_FILE), 'utf8'), imported: false };
	}
	const token = demo.token ?? mcpToken({});
	await importCredentials(home, demo.credentials(token));
	await importWorkflows(home, demo.workflows);
	for (const id of demo.active) await activateWorkflow(home, id);
	// Written whole, then renamed: a run stopped half-way leaves no database that looks complete.
	const partial = `${cached}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	copyKept(n8nFolder, partial);
	writeFileSync(join(partial, TOKEN_FILE), token);
	rmSync(cached, { recursive: true, force: true });
	renameSync(partial, cached);
	log(`kept the imported demo database in ${cached} for the next start`);
	return { token, imported: true };
}
