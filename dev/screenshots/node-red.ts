/// <reference lib="dom" />
/** The Node-RED screenshots: palette, account dialog, a flow with its debug output. */
import { rmSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import type { RunningEmulator } from '../../emulator';
import { ensureEngine } from '../engines/install';
import { demoAccount } from '../launch/demo-account';
import { accessKeySettings, demoFlows } from '../node-red/demo-flows';
import { createUserDir, deployFlows, inject, startNodeRed } from '../node-red/node-red-process';
import { NODE_RED_PACKAGE, packLocalPackage } from '../package/local-package';
import { openNodeRedEditor } from '../browser/editors';
import { pause, shoot } from './browser';

/** Example 1's inject node (its tab is shown with the palette) and example 2's "all devices" inject. */
const EXAMPLE_1_INJECT = 'e1f10000000000i1';
const EXAMPLE_2_INJECT = 'e2f20000000000i1';

interface EditorApi {
	nodes: {
		node(id: string): { z: string } | null;
		eachConfig(visit: (node: { id: string; type: string }) => void): void;
	};
	workspaces: { show(id: string): void };
	sidebar: { show(id: string): void };
	editor: { editConfig(name: string, type: string, id: string): void };
	search: { show(text: string): void };
}

export async function nodeRedScreenshots(
	browser: Browser,
	emulator: RunningEmulator,
	log: (line: string) => void,
): Promise<void> {
	const engine = await ensureEngine('node-red', { log });
	const userDir = createUserDir(engine, packLocalPackage(NODE_RED_PACKAGE, log));
	const runtime = await startNodeRed(engine, userDir, { port: 0 });
	try {
		const account = demoAccount(emulator.seed);
		await deployFlows(runtime, demoFlows(accessKeySettings(account, emulator.url)));
		const page = await browser.newPage();
		await openNodeRedEditor(page, runtime.url);
		await page.evaluate((id) => {
			const RED = (window as unknown as { RED: EditorApi }).RED;
			RED.workspaces.show(String(RED.nodes.node(id)?.z));
		}, EXAMPLE_1_INJECT);
		await page.type('#red-ui-palette-search input', 'remote.it');
		await pause(1500);
		await shoot(page, 'node-red-palette');

		await page.evaluate(() => {
			const RED = (window as unknown as { RED: EditorApi }).RED;
			let accountId = '';
			RED.nodes.eachConfig((node) => {
				if (node.type === 'remoteit-config') accountId = node.id;
			});
			RED.editor.editConfig('', 'remoteit-config', accountId);
		});
		await page.waitForSelector('#node-config-input-authMethod', { visible: true, timeout: 30_000 });
		await pause(1500);
		await shoot(page, 'node-red-account');
		await page.click('#node-config-dialog-cancel');
		await pause(800);

		await page.evaluate((id) => {
			const RED = (window as unknown as { RED: EditorApi }).RED;
			RED.workspaces.show(String(RED.nodes.node(id)?.z));
			RED.sidebar.show('debug');
		}, EXAMPLE_2_INJECT);
		await inject(runtime, EXAMPLE_2_INJECT);
		await page.waitForSelector('.red-ui-debug-msg', { visible: true, timeout: 30_000 });
		await pause(1000);
		// Unfold the device list and its first device, as a user would to read it.
		for (let depth = 0; depth < 2; depth++) {
			const folded = await page.$$('.red-ui-debug-msg .red-ui-debug-msg-expandable');
			await folded[depth]?.click();
			await pause(500);
		}
		await pause(1000);
		await shoot(page, 'node-red-flow-debug');
		await page.close();
	} finally {
		await runtime.stop();
		rmSync(userDir, { recursive: true, force: true });
	}
}
