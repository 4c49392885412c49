/// <reference lib="dom" />
/**
 * The editors as a user sees them, in headless Chromium (dev/browser/), one editor per engine:
 * - Node-RED 4 and 5: every example flow (examples/, imported from the installed package as Import › Examples
 *   does) shows no invalid node and deploys without the "not properly configured" warning; every node type of the
 *   package, dropped from the palette once an account exists, is valid at its defaults and its dialog shows no
 *   field in error.
 * - n8n 1.x and 2.x: every demo workflow (dev/n8n/demo/workflows/) opens with no node issues.
 * Each list is read from its folder or from the installed package, so new examples, workflows and nodes are covered.
 * A deliberately broken example and workflow prove each check can fail.
 */
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../../dev/browser/launch';
import {
	EDITOR_TIMEOUT_MS,
	openN8nWorkflow,
	openNodeRedEditor,
	signInToN8n,
} from '../../dev/browser/editors';
import type { EngineName } from '../../dev/engines/catalog';
import {
	DEMO_OWNER,
	type WorkflowJson,
	demoCredentials,
	demoWorkflows,
} from '../../dev/n8n/demo/demo-data';
import {
	type N8nHome,
	createN8nHome,
	importCredentials,
	importWorkflows,
} from '../../dev/n8n/n8n-cli';
import { type N8nServer, setUpOwner, startN8nServer } from '../../dev/n8n/n8n-server';
import { freePort } from '../../dev/launch/free-port';
import {
	ACCOUNT_NODE_TYPE,
	accessKeySettings,
	demoFlows,
	exampleFiles,
	readExampleFlows,
} from '../../dev/node-red/demo-flows';
import {
	type FlowNode,
	type NodeRedRuntime,
	createUserDir,
	deployFlows,
	inject,
	startNodeRed,
} from '../../dev/node-red/node-red-process';
import {
	ENGINE_SETUP_TIMEOUT_MS,
	ENGINE_TEST_TIMEOUT_MS,
	type EngineFixture,
	setUpEngineFixture,
	tearDownEngineFixture,
} from './support/engine-fixture';

const NODE_RED_MODULE = 'node-red-contrib-remoteit';
/** Stopping an engine waits for its graceful shutdown (n8n: up to 20 s) before killing it. */
const STOP_TIMEOUT_MS = 60_000;

/** What the tests read of the editor's `RED` object. */
interface EditorNode {
	id: string;
	type: string;
	name?: string;
	z?: string;
	valid?: boolean;
	validationErrors?: string[];
	account?: string;
	_def: { category?: string };
}
interface EditorRed {
	nodes: {
		eachNode(visit: (node: EditorNode) => void): void;
		eachConfig(visit: (node: EditorNode) => void): void;
		getType(type: string): { category?: string } | undefined;
	};
	editor: { edit(node: EditorNode): void };
	view: {
		importNodes(nodes: unknown[], options: { generateIds: boolean; addFlow: boolean }): void;
	};
	workspaces: { active(): string };
}

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser({ log: (line) => process.stderr.write(`[e2e] ${line}\n`) });
}, ENGINE_SETUP_TIMEOUT_MS);

afterAll(async () => {
	await browser?.close();
}, STOP_TIMEOUT_MS);

/** The nodes (and config nodes) the editor marks invalid: a red triangle on the canvas, a warning on deploy. */
async function invalidNodes(page: Page): Promise<Array<Record<string, unknown>>> {
	return page.evaluate(() => {
		const RED = (window as unknown as { RED: EditorRed }).RED;
		const invalid: Array<Record<string, unknown>> = [];
		const visit = (node: EditorNode): void => {
			if (node.valid === false)
				invalid.push({
					type: node.type,
					name: node.name,
					id: node.id,
					properties: node.validationErrors,
				});
		};
		RED.nodes.eachNode(visit);
		RED.nodes.eachConfig(visit);
		return invalid;
	});
}

/** Clicks Deploy; returns the notification the editor shows (success, or the warning about invalid nodes). */
async function deployFromEditor(page: Page): Promise<string> {
	await page.click('#red-ui-header-button-deploy');
	const handle = await page.waitForFunction(
		() =>
			Array.from(document.querySelectorAll('.red-ui-notification'))
				.map((element) => element.textContent ?? '')
				.find((text) => /Successfully deployed|not properly configured/.test(text)),
		{ timeout: EDITOR_TIMEOUT_MS, polling: 200 },
	);
	return String(await handle.jsonValue());
}

/**
 * Clicks a tray button as its own element: a mouse click at the button's position misses while the tray still slides
 * in (seen on a quiet machine, where the click comes before the animation ends).
 */
async function clickInTray(page: Page, selector: string): Promise<void> {
	await page.$eval(selector, (button) => (button as HTMLElement).click());
}

/** A page with the editor of a runtime whose deployed flows are `flows` (nothing else). */
async function freshEditor(page: Page, runtime: NodeRedRuntime, flows: FlowNode[]): Promise<void> {
	await deployFlows(runtime, flows, EDITOR_TIMEOUT_MS);
	await openNodeRedEditor(page, runtime.url);
}

/** Imports nodes as the Import dialog does (into the current flow, ids kept; a conflict throws). */
async function importFlow(page: Page, flow: FlowNode[]): Promise<void> {
	await page.evaluate((nodes) => {
		const RED = (window as unknown as { RED: EditorRed }).RED;
		RED.view.importNodes(nodes, { generateIds: false, addFlow: false });
	}, flow);
}

/** An example as the installed package serves it to Import › Examples. */
async function servedExample(runtime: NodeRedRuntime, name: string): Promise<FlowNode[]> {
	const path = `${NODE_RED_MODULE}/${encodeURIComponent(name)}`;
	const response = await fetch(`${runtime.url}/library/examples/flows/${path}`);
	if (!response.ok) throw new Error(`example ${name}: HTTP ${response.status}`);
	return (await response.json()) as FlowNode[];
}

const EXAMPLES = exampleFiles().map((file) => basename(file, '.json'));

/** The first example's connect node with its tab and account. */
function parts(flows: FlowNode[]): { tab: FlowNode; connect: FlowNode; account: FlowNode } {
	const connect = flows.find((node) => node.type === 'remoteit-connect') as FlowNode;
	return {
		tab: flows.find((node) => node.id === connect.z) as FlowNode,
		connect,
		account: flows.find((node) => node.type === ACCOUNT_NODE_TYPE) as FlowNode,
	};
}

/** An example with a connect node's "Wait at most" box holding text: the editor must flag it. */
const BROKEN_EXAMPLE: FlowNode[] = (() => {
	const { tab, connect, account } = parts(readExampleFlows());
	return [tab, { ...connect, wires: [[]], reachableTimeout: 'soon' }, account];
})();

describe.each<[EngineName, string]>([
	['node-red', 'Node-RED 4.1.x'],
	['node-red-5', 'Node-RED 5.x'],
])('%s editor (%s)', (engineName) => {
	let fixture: EngineFixture;
	let runtime: NodeRedRuntime;
	let page: Page;

	beforeAll(async () => {
		fixture = await setUpEngineFixture(engineName);
		runtime = await startNodeRed(fixture.engine, createUserDir(fixture.engine, fixture.tarball), {
			port: 0,
		});
		page = await browser.newPage();
		// Reloading an editor with undeployed changes asks "leave this page?": yes, each test starts afresh.
		page.on('dialog', (dialog) => void dialog.accept());
	}, ENGINE_SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await page?.close();
		await runtime?.stop();
		await tearDownEngineFixture(fixture);
		if (runtime) rmSync(runtime.userDir, { recursive: true, force: true });
	}, STOP_TIMEOUT_MS);

	it.each(EXAMPLES)(
		'imports example "%s" with no invalid node and deploys it without a warning',
		async (example) => {
			await freshEditor(page, runtime, []);
			await importFlow(page, await servedExample(runtime, example));
			expect(await invalidNodes(page)).toEqual([]);
			expect(await deployFromEditor(page)).toMatch(/Successfully deployed/);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'flags a connect node whose "Wait at most" is not a number, and warns on deploy (the check above can fail)',
		async () => {
			await freshEditor(page, runtime, []);
			await importFlow(page, BROKEN_EXAMPLE);
			expect(await invalidNodes(page)).toEqual([
				expect.objectContaining({ type: 'remoteit-connect', properties: ['reachableTimeout'] }),
			]);
			expect(await deployFromEditor(page)).toMatch(/not properly configured/);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'accepts a connect node saved before "Wait at most" existed, and its dialog shows the default 30 s',
		async () => {
			const { tab, connect, account } = parts(readExampleFlows());
			const old: FlowNode = { ...connect, wires: [[]] };
			delete old.reachableTimeout;
			delete old.waitReachable;
			await freshEditor(page, runtime, []);
			await importFlow(page, [tab, old, account]);
			expect(await invalidNodes(page)).toEqual([]);
			await page.evaluate((id) => {
				const RED = (window as unknown as { RED: EditorRed }).RED;
				RED.nodes.eachNode((node) => {
					if (node.id === id) RED.editor.edit(node);
				});
			}, connect.id);
			await page.waitForSelector('#node-input-reachableTimeout', {
				visible: true,
				timeout: EDITOR_TIMEOUT_MS,
			});
			expect(
				await page.$eval(
					'#node-input-reachableTimeout',
					(input) => (input as HTMLInputElement).value,
				),
			).toBe('30');
			await clickInTray(page, '#node-dialog-cancel');
			await page.waitForSelector('#node-dialog-ok', { hidden: true, timeout: EDITOR_TIMEOUT_MS });
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		"shows a wrong payload's error in the debug sidebar as text, without unfolding anything",
		async () => {
			const { tab, connect, account } = parts(
				demoFlows(accessKeySettings(fixture.account, fixture.emulator.url)),
			);
			const wrong: FlowNode = {
				id: 'e2einjectwrong01',
				type: 'inject',
				z: tab.id,
				props: [{ p: 'payload' }],
				payload: '{"hello":"world"}',
				payloadType: 'json',
				x: 150,
				y: 300,
				wires: [[connect.id]],
			};
			await freshEditor(page, runtime, [tab, wrong, { ...connect, wires: [[]] }, account]);
			await page.evaluate(() => {
				(window as unknown as { RED: { sidebar: { show(id: string): void } } }).RED.sidebar.show(
					'debug',
				);
			});
			await inject(runtime, wrong.id);
			const shown = await page.waitForFunction(
				() =>
					(
						document.querySelector(
							'.red-ui-debug-msg .red-ui-debug-msg-object-header',
						) as HTMLElement | null
					)?.innerText,
				{ timeout: EDITOR_TIMEOUT_MS, polling: 200 },
			);
			expect(String(await shown.jsonValue())).toMatch(
				/^"msg\.payload: remote\.it connect needs a service here/,
			);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'makes every node of the package dropped from the palette valid at its defaults, using the only account',
		async () => {
			const account = demoFlows(accessKeySettings(fixture.account, fixture.emulator.url)).find(
				(node) => node.type === ACCOUNT_NODE_TYPE,
			) as FlowNode;
			await freshEditor(page, runtime, [
				{ id: 'e2etab0000000001', type: 'tab', label: 'Flow 1' },
				account,
			]);
			const types = await page.evaluate(() => {
				const RED = (window as unknown as { RED: EditorRed }).RED;
				return Array.from(document.querySelectorAll('.red-ui-palette-node[data-palette-type]'))
					.map((element) => String(element.getAttribute('data-palette-type')))
					.filter((type) => type.startsWith('remoteit-'))
					.filter((type) => RED.nodes.getType(type)?.category !== 'config');
			});
			expect(types).toEqual(expect.arrayContaining(['remoteit-connect', 'remoteit-devices']));

			const chart = await page.$('#red-ui-workspace-chart');
			const area = await chart?.boundingBox();
			if (!area) throw new Error('no workspace to drop nodes on');
			const dropped: Array<Record<string, unknown>> = [];
			for (const [index, type] of types.entries()) {
				const paletteNode = await page.$(`.red-ui-palette-node[data-palette-type="${type}"]`);
				await paletteNode?.scrollIntoView();
				const from = await paletteNode?.boundingBox();
				if (!from) throw new Error(`${type} is not in the palette`);
				await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
				await page.mouse.down();
				await page.mouse.move(area.x + 200, area.y + 80 + index * 80, { steps: 10 });
				await page.mouse.up();
				const node = await page.waitForFunction(
					(wanted) => {
						const RED = (window as unknown as { RED: EditorRed }).RED;
						let found: Record<string, unknown> | undefined;
						RED.nodes.eachNode((candidate) => {
							if (candidate.type === wanted)
								found = {
									type: candidate.type,
									valid: candidate.valid,
									account: candidate.account,
									properties: candidate.validationErrors ?? [],
								};
						});
						return found;
					},
					{ timeout: EDITOR_TIMEOUT_MS, polling: 200 },
					type,
				);
				dropped.push((await node.jsonValue()) as Record<string, unknown>);
			}
			expect(dropped).toEqual(
				types.map((type) => ({ type, valid: true, account: account.id, properties: [] })),
			);

			// Each dialog opens with the account picked and no field in error; Done keeps the node valid.
			for (const type of types) {
				await page.evaluate((wanted) => {
					const RED = (window as unknown as { RED: EditorRed }).RED;
					RED.nodes.eachNode((candidate) => {
						if (candidate.type === wanted) RED.editor.edit(candidate);
					});
				}, type);
				await page.waitForSelector('#node-dialog-ok', {
					visible: true,
					timeout: EDITOR_TIMEOUT_MS,
				});
				// The dialog's inputs are validated as they are filled in: wait until the tray has settled.
				await page.waitForFunction(
					() => !document.querySelector('.red-ui-tray.red-ui-tray-opening, .ui-animated'),
					{ timeout: EDITOR_TIMEOUT_MS },
				);
				const dialog = await page.evaluate(() => ({
					account: (document.getElementById('node-input-account') as HTMLSelectElement | null)
						?.value,
					inError: Array.from(document.querySelectorAll('.red-ui-tray .input-error'))
						.filter((element) => (element as HTMLElement).offsetParent !== null)
						.map((element) => element.id || element.className),
				}));
				expect({ type, ...dialog }).toEqual({ type, account: account.id, inError: [] });
				await clickInTray(page, '#node-dialog-ok');
				await page.waitForSelector('#node-dialog-ok', { hidden: true, timeout: EDITOR_TIMEOUT_MS });
			}
			expect(await invalidNodes(page)).toEqual([]);
			expect(await deployFromEditor(page)).toMatch(/Successfully deployed/);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);
});

/** A demo workflow whose remote.it Connect node lost its Service: the editor must show an issue on it. */
function brokenWorkflow(apiUrl: string): WorkflowJson {
	const [source] = demoWorkflows(apiUrl).filter((workflow) =>
		workflow.nodes.some((node) => node.parameters.operation === 'connect'),
	);
	const copy = JSON.parse(JSON.stringify(source)) as WorkflowJson;
	const connect = copy.nodes.find((node) => node.parameters.operation === 'connect');
	if (connect) delete connect.parameters.service;
	return { ...copy, id: 'remoteItE2eIssue', name: 'e2e: Connect without a service' };
}

describe.each<[EngineName, string]>([
	['n8n', 'n8n 1.123.x'],
	['n8n-2', 'n8n 2.x'],
])('%s editor (%s)', (engineName) => {
	let fixture: EngineFixture;
	let home: N8nHome;
	let server: N8nServer;
	let page: Page;

	beforeAll(async () => {
		fixture = await setUpEngineFixture(engineName);
		home = createN8nHome(fixture.engine, fixture.tarball);
		await importCredentials(home, demoCredentials(fixture.account, fixture.emulator.url));
		await importWorkflows(home, [
			...demoWorkflows(fixture.emulator.url),
			brokenWorkflow(fixture.emulator.url),
		]);
		server = await startN8nServer(home, { port: await freePort() });
		await setUpOwner(server, DEMO_OWNER);
		page = await browser.newPage();
		await signInToN8n(page, server, DEMO_OWNER);
	}, ENGINE_SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await page?.close();
		await server?.stop();
		await tearDownEngineFixture(fixture);
		if (home) rmSync(home.userFolder, { recursive: true, force: true });
	}, STOP_TIMEOUT_MS);

	/** The names of the canvas nodes that show an issue (a warning triangle) or "install this node". */
	async function nodesWithIssues(workflow: WorkflowJson): Promise<string[]> {
		await openN8nWorkflow(page, server.url, workflow);
		// Issues are worked out once the workflow's node types and credentials have loaded.
		await page.waitForNetworkIdle({ idleTime: 1000, timeout: EDITOR_TIMEOUT_MS });
		return page.evaluate(() =>
			Array.from(document.querySelectorAll('[data-test-id="canvas-node"]'))
				.filter((node) =>
					node.querySelector('[data-test-id="node-issues"], [data-test-id="node-not-installed"]'),
				)
				.map((node) => String(node.getAttribute('data-node-name'))),
		);
	}

	it.each(demoWorkflows('http://127.0.0.1').map((workflow) => [workflow.name, workflow] as const))(
		'opens "%s" with no node issues',
		async (_name, workflow) => {
			expect(await nodesWithIssues(workflow)).toEqual([]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);

	it(
		'shows an issue on a Connect node without a Service (the check above can fail)',
		async () => {
			const broken = brokenWorkflow(fixture.emulator.url);
			const connect = broken.nodes.find((node) => node.parameters.operation === 'connect');
			expect(await nodesWithIssues(broken)).toEqual([connect?.name]);
		},
		ENGINE_TEST_TIMEOUT_MS,
	);
});
