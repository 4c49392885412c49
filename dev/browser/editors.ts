/// <reference lib="dom" />
/** Opening the engines' editors in a page as a user does: shared by the editor tests and the screenshots. */
import type { ElementHandle, Page } from 'puppeteer-core';
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

/** What the editor shows of a workflow: its name on the overview, its nodes on the canvas. */
export interface ShownWorkflow {
	id: string;
	name: string;
	nodes: Array<{ name: string }>;
}

/**
 * Opens a workflow in the n8n editor and waits until its canvas shows exactly its nodes. Once the editor is loaded,
 * it goes by the overview and clicks the workflow's card, as a user does, rather than reloading the app (tens of
 * seconds on busy cores).
 */
export async function openN8nWorkflow(
	page: Page,
	editorUrl: string,
	workflow: ShownWorkflow,
): Promise<void> {
	const loaded = page.url().startsWith(editorUrl)
		? await page.evaluate(async () => {
				type App = {
					config: { globalProperties: { $router?: { push(path: string): Promise<unknown> } } };
				};
				const app = (document.querySelector('#app') as (Element & { __vue_app__?: App }) | null)
					?.__vue_app__;
				const router = app?.config.globalProperties.$router;
				if (router) await router.push('/home/workflows');
				return Boolean(router);
			})
		: false;
	if (loaded) {
		const card = await page.waitForFunction(
			(name) =>
				Array.from(document.querySelectorAll('[data-test-id="workflow-card-name"]')).find(
					(element) => element.textContent?.trim() === name,
				),
			{ timeout: EDITOR_TIMEOUT_MS, polling: 200 },
			workflow.name,
		);
		await (card as ElementHandle<Element>).click();
	} else {
		await page.goto(`${editorUrl}/workflow/${workflow.id}`, { timeout: EDITOR_TIMEOUT_MS });
	}
	await page.waitForFunction(
		(expected) =>
			JSON.stringify(
				Array.from(document.querySelectorAll('[data-test-id="canvas-node"]'))
					.map((node) => node.getAttribute('data-node-name'))
					.sort(),
			) === expected,
		{ timeout: EDITOR_TIMEOUT_MS, polling: 200 },
		JSON.stringify(workflow.nodes.map((node) => node.name).sort()),
	);
}
