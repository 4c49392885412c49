/// <reference lib="dom" />
/** Opening the engines' editors in a page as a user does: shared by the editor tests and the screenshots. */
import type { Page } from 'puppeteer-core';
import { type N8nServer, type Owner, logIn } from '../n8n/n8n-server';

/** Generous: two loaded cores can take a minute to load an editor's scripts. */
export const EDITOR_TIMEOUT_MS = 120_000;

/** Loads the Node-RED editor and waits until its palette is drawn and the deployed flows are loaded. */
export async function openNodeRedEditor(page: Page, url: string): Promise<void> {
	await page.goto(`${url}/`, { waitUntil: 'domcontentloaded', timeout: EDITOR_TIMEOUT_MS });
	await page.waitForSelector('#red-ui-palette .red-ui-palette-node', {
		visible: true,
		timeout: EDITOR_TIMEOUT_MS,
	});
	await page.waitForFunction(
		() => {
			const RED = (window as unknown as { RED?: { nodes?: { version(): unknown } } }).RED;
			const loading = document.getElementById('red-ui-loading-progress');
			return Boolean(RED?.nodes?.version()) && (!loading || loading.style.display === 'none');
		},
		{ timeout: EDITOR_TIMEOUT_MS, polling: 200 },
	);
}

/** Signs the page in as the owner (the session cookie of the login the editor does). */
export async function signInToN8n(page: Page, server: N8nServer, owner: Owner): Promise<void> {
	const cookie = await logIn(server, owner);
	const equals = cookie.indexOf('=');
	await page.setCookie({
		name: cookie.slice(0, equals),
		value: cookie.slice(equals + 1),
		url: server.url,
	});
}

/** Opens a workflow in the n8n editor and waits until its canvas shows `nodeCount` nodes. */
export async function openN8nWorkflow(
	page: Page,
	editorUrl: string,
	workflowId: string,
	nodeCount: number,
): Promise<void> {
	await page.goto(`${editorUrl}/workflow/${workflowId}`, {
		waitUntil: 'domcontentloaded',
		timeout: EDITOR_TIMEOUT_MS,
	});
	await page.waitForFunction(
		(count) => document.querySelectorAll('[data-test-id="canvas-node"]').length === count,
		{ timeout: EDITOR_TIMEOUT_MS, polling: 200 },
		nodeCount,
	);
}
