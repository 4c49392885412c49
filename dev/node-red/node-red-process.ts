/**
 * Runs the real Node-RED runtime from the engine cache (dev/node-red/runner.js on the engine's Node) with this
 * package installed in its userDir the way the palette manager installs it. Shared by `npm run start:node-red`
 * and the e2e tests.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InstalledEngine } from '../engines/install';
import { spawnEngine, stopEngine } from '../launch/engine-process';
import { installFromPalette } from '../package/palette-install';

export interface NodeRedRuntime {
	url: string;
	userDir: string;
	output(): string;
	stop(): Promise<void>;
}

export interface NodeRedStartOptions {
	/** 0 picks a free port. */
	port: number;
	userDir?: string;
	credentialSecret?: string;
	/** The default context store's module (settings.js `contextStorage`); Node-RED's memory store without it. */
	contextModule?: 'localfilesystem';
	echo?: (text: string) => void;
	readyTimeoutMs?: number;
}

/** A userDir with the Node-RED package installed by the palette manager's command. */
export function createUserDir(engine: InstalledEngine, tarball: string, userDir?: string): string {
	const folder = userDir ?? mkdtempSync(join(tmpdir(), `remoteit-${engine.name}-`));
	installFromPalette(engine, folder, tarball);
	return folder;
}

const KILL_AFTER_MS = 15_000;

function waitForReadyLine(
	child: ChildProcess,
	output: () => string,
	timeoutMs: number,
): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`Node-RED did not start within ${timeoutMs / 1000}s:\n${output()}`)),
			timeoutMs,
		);
		const onData = (): void => {
			const ready = /NODE-RED READY (\S+)/.exec(output());
			// The initial flows may start after RED.start() resolves; wait for them so that deployFlows can tell
			// its own "Started flows" from theirs.
			if (!ready?.[1] || !output().includes('Started flows')) return;
			clearTimeout(timer);
			child.stdout?.off('data', onData);
			resolvePromise(ready[1]);
		};
		child.stdout?.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`Node-RED exited (code ${code}) before it was ready:\n${output()}`));
		});
	});
}

export async function startNodeRed(
	engine: InstalledEngine,
	userDir: string,
	options: NodeRedStartOptions,
): Promise<NodeRedRuntime> {
	const runner = join(__dirname, 'runner.js');
	const args = [
		runner,
		engine.dir,
		userDir,
		String(options.port),
		options.credentialSecret ?? '',
		options.contextModule ?? '',
	];
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.NODE_ENV;
	const { child, output } = spawnEngine(engine.nodeBinary, args, env, options.echo);
	try {
		const url = await waitForReadyLine(child, output, options.readyTimeoutMs ?? 120_000);
		return { url, userDir, output, stop: () => stopEngine(child, KILL_AFTER_MS) };
	} catch (error) {
		await stopEngine(child, KILL_AFTER_MS);
		throw error;
	}
}

export type FlowNode = Record<string, unknown> & { id: string; type: string };

function startedFlowsCount(runtime: NodeRedRuntime): number {
	return runtime.output().split('Started flows').length - 1;
}

/**
 * Deploys a whole flow set through the admin API and waits until the runtime has started it (the API answers
 * before the new flows run). `credentials` on a node are stored encrypted in flows_cred.json, not in flows.json.
 */
export async function deployFlows(
	runtime: NodeRedRuntime,
	flows: FlowNode[],
	timeoutMs = 30_000,
): Promise<void> {
	const startedBefore = startedFlowsCount(runtime);
	const response = await fetch(`${runtime.url}/flows`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'Node-RED-Deployment-Type': 'full',
			'Node-RED-API-Version': 'v1',
		},
		body: JSON.stringify(flows),
	});
	if (!response.ok)
		throw new Error(`deploy failed: HTTP ${response.status} ${await response.text()}`);
	const deadline = Date.now() + timeoutMs;
	while (startedFlowsCount(runtime) <= startedBefore) {
		if (Date.now() > deadline)
			throw new Error(
				`the deployed flows did not start within ${timeoutMs / 1000}s:\n${runtime.output()}`,
			);
		await sleep(100);
	}
}

/** Presses an inject node's button. */
export async function inject(runtime: NodeRedRuntime, injectNodeId: string): Promise<void> {
	const response = await fetch(`${runtime.url}/inject/${encodeURIComponent(injectNodeId)}`, {
		method: 'POST',
	});
	if (!response.ok)
		throw new Error(
			`inject ${injectNodeId} failed: HTTP ${response.status} ${await response.text()}`,
		);
}
