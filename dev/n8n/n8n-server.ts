/** Starts `n8n start` from the engine cache on a loopback port and waits until it serves requests. */
import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnEngine, stopEngine } from '../launch/engine-process';
import { freePort } from '../launch/free-port';
import { type N8nHome, n8nBinary, n8nEnvironment } from './n8n-cli';

export interface N8nServer {
	url: string;
	/** Everything n8n printed so far (for failure messages). */
	output(): string;
	/** The n8n process id (to read its memory). */
	pid?: number;
	/** Resolves with the exit code when n8n exits, whoever stopped it. */
	exited: Promise<number | null>;
	stop(): Promise<void>;
}

export interface StartOptions {
	port: number;
	/** Where n8n's own output goes besides the buffer (e.g. the terminal for `npm start`). */
	echo?: (text: string) => void;
	readyTimeoutMs?: number;
}

/** n8n answers /healthz before it has registered its REST API; /rest/settings answers only once it has. */
async function isReady(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/rest/settings`);
		return response.ok;
	} catch {
		return false;
	}
}

async function waitUntilReady(
	url: string,
	child: ChildProcess,
	timeoutMs: number,
	output: () => string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n exited (code ${child.exitCode}) before it was ready:\n${output()}`);
		// The REST API answers before active workflows (and their webhooks) are registered; n8n prints this line after.
		if (output().includes('Editor is now accessible via') && (await isReady(url))) return;
		await sleep(500);
	}
	throw new Error(`n8n was not ready at ${url} within ${timeoutMs / 1000}s:\n${output()}`);
}

export async function startN8nServer(home: N8nHome, options: StartOptions): Promise<N8nServer> {
	const url = `http://127.0.0.1:${options.port}`;
	const env = n8nEnvironment(home, {
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		WEBHOOK_URL: `${url}/`,
		// The editor is served over plain http on loopback.
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	});
	const { child, output } = spawnEngine(
		home.engine.nodeBinary,
		[n8nBinary(home.engine), 'start'],
		env,
		options.echo,
	);
	const exited = new Promise<number | null>((resolveExit) =>
		child.on('exit', (code) => resolveExit(code)),
	);
	const server: N8nServer = {
		url,
		output,
		exited,
		pid: child.pid,
		stop: () => stopEngine(child, 20_000),
	};
	try {
		await waitUntilReady(url, child, options.readyTimeoutMs ?? 180_000, server.output);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** Creates the instance owner through the REST endpoint the setup screen uses (n8n 1.x and 2.x). */
export async function setUpOwner(server: N8nServer, owner: Owner): Promise<void> {
	const response = await fetch(`${server.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok)
		throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
}

/**
 * POSTs JSON to a production webhook. n8n 2.x may register active workflows' webhooks shortly after it
 * reports ready (activation follows leader election), so a 404 "not registered" is retried until the deadline.
 */
export async function postToWebhook(
	server: N8nServer,
	path: string,
	body: unknown,
	timeoutMs = 60_000,
): Promise<Response> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(`${server.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		if (response.status !== 404 || Date.now() > deadline) return response;
		await response.arrayBuffer();
		await sleep(500);
	}
}

/** Signs in as the owner the way the editor does; returns the session cookie for later REST calls. */
export async function logIn(server: N8nServer, owner: Owner): Promise<string> {
	const response = await fetch(`${server.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!response.ok || !cookie) throw new Error(`login failed: HTTP ${response.status}`);
	return cookie;
}
