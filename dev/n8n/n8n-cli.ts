/**
 * Runs the real n8n CLI from the engine cache: an isolated user folder with this package installed as a
 * community node, `import:credentials`, `import:workflow`, `execute --id`. Shared by `npm start` and the e2e tests.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InstalledEngine } from '../engines/install';
import { trackChild } from '../launch/engine-process';
import { freePort } from '../launch/free-port';
import { installAsCommunityNode } from '../package/community-node-install';

export interface N8nHome {
	engine: InstalledEngine;
	/** N8N_USER_FOLDER: n8n keeps its database and settings in `<userFolder>/.n8n`. */
	userFolder: string;
	/** Settings every n8n command of this home gets (queue mode: the database, Redis, the encryption key). */
	env?: Record<string, string>;
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export function n8nBinary(engine: InstalledEngine): string {
	return join(engine.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * n8n as its Docker image runs it, NODE_ENV=production: unset, n8n counts as in development, logs every 404 the
 * editor meets ("No successful execution found") and asks its staging API for community nodes; `test` (what jest
 * sets) skips loading community nodes. `execute` prints nothing below level info.
 */
export function n8nEnvironment(
	home: N8nHome,
	extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: home.userFolder,
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// n8n's list of vetted community packages comes from api.n8n.io, out of reach here (offline, loopback only).
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		// The settings n8n 1.x warns will become defaults; set now so its start-up output stays readable.
		DB_SQLITE_POOL_SIZE: '2',
		N8N_RUNNERS_ENABLED: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		...home.env,
		...extra,
		NODE_ENV: 'production',
	};
	return env;
}

/** A fresh user folder with the n8n package installed by Community Nodes' procedure. */
export function createN8nHome(
	engine: InstalledEngine,
	tarball: string,
	userFolder?: string,
): N8nHome {
	const folder = userFolder ?? mkdtempSync(join(tmpdir(), `remoteit-${engine.name}-`));
	installAsCommunityNode(join(folder, '.n8n', 'nodes'), tarball, engine.nodeBinary);
	return { engine, userFolder: folder };
}

export async function runN8n(
	home: N8nHome,
	args: string[],
	extraEnv: Record<string, string> = {},
): Promise<CommandResult> {
	// n8n 2.x always starts a task broker (default port 5679); each process gets its own so runs never collide.
	const env = n8nEnvironment(home, {
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...extraEnv,
	});
	return new Promise((resolvePromise, reject) => {
		const child = spawn(home.engine.nodeBinary, [n8nBinary(home.engine), ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		trackChild(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
	});
}

async function runOrThrow(home: N8nHome, args: string[]): Promise<CommandResult> {
	const result = await runN8n(home, args);
	if (result.code !== 0)
		throw new Error(
			`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
		);
	return result;
}

function writeJsonFile(home: N8nHome, name: string, value: unknown): string {
	const folder = join(home.userFolder, 'import');
	mkdirSync(folder, { recursive: true });
	const file = join(folder, name);
	writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

export async function importCredentials(home: N8nHome, credentials: object[]): Promise<void> {
	await runOrThrow(home, [
		'import:credentials',
		`--input=${writeJsonFile(home, 'credentials.json', credentials)}`,
	]);
}

export async function importWorkflows(
	home: N8nHome,
	workflows: Array<{ id: string }>,
): Promise<void> {
	await runOrThrow(home, [
		'import:workflow',
		`--input=${writeJsonFile(home, 'workflows.json', workflows)}`,
	]);
}

export interface ExecutionResult extends CommandResult {
	/** The run n8n printed (IRun: `data.resultData.runData`, `.error`), when it printed one. */
	run?: ExecutionRun;
}

export interface ExecutionRun {
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message: string; description?: string };
		};
	};
}

export interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message: string; description?: string };
}

/**
 * The run n8n printed: the first block from a line that is exactly "{" to a line that is exactly "}" that
 * parses (stdout may hold warning lines before it, and log lines after it when the execution failed).
 */
export function parsePrintedRun(output: string): ExecutionRun | undefined {
	const lines = output.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
			} catch {
				// A "}" line inside the object (never at column 0 in pretty JSON, but log lines may hold one).
			}
		}
	}
	return undefined;
}

export async function executeWorkflow(home: N8nHome, workflowId: string): Promise<ExecutionResult> {
	const result = await runN8n(home, ['execute', `--id=${workflowId}`, '--rawOutput']);
	return { ...result, run: parsePrintedRun(result.stdout) ?? parsePrintedRun(result.stderr) };
}

/** The json of every item a node output on its first run and first output. */
export function nodeOutput(
	run: ExecutionRun | undefined,
	nodeName: string,
): Array<Record<string, unknown>> {
	const nodeRun = run?.data.resultData.runData[nodeName]?.[0];
	return (nodeRun?.data?.main[0] ?? []).map((item) => item.json);
}

/** What a node output over every run of an execution (a node in a loop runs once per round), in run order. */
export function nodeOutputs(
	run: ExecutionRun | undefined,
	nodeName: string,
): Array<Record<string, unknown>> {
	return (run?.data.resultData.runData[nodeName] ?? []).flatMap((nodeRun) =>
		(nodeRun?.data?.main ?? []).flatMap((output) => (output ?? []).map((item) => item.json)),
	);
}

/**
 * Activates a workflow in the database before `n8n start`, which then registers its webhooks.
 * n8n 2.x replaced `update:workflow --active` with `publish:workflow`.
 */
export async function activateWorkflow(home: N8nHome, workflowId: string): Promise<void> {
	const isN8n1 = home.engine.name === 'n8n';
	await runOrThrow(
		home,
		isN8n1
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`],
	);
}
