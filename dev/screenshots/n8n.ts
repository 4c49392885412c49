/// <reference lib="dom" />
/** The n8n screenshots: canvas, Connect panel with its options, credential dialog, an output, the SSH demo. */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import type { RunningEmulator } from '../../emulator';
import { ensureEngine } from '../engines/install';
import { demoAccount } from '../launch/demo-account';
import { freePort } from '../launch/free-port';
import {
	DEMO_CREDENTIAL_ID,
	DEMO_OWNER,
	demoCredentials,
	demoWorkflowIds,
	demoWorkflows,
} from '../n8n/demo/demo-data';
import { createN8nHome, importCredentials, importWorkflows } from '../n8n/n8n-cli';
import { setUpOwner, startN8nServer } from '../n8n/n8n-server';
import { openN8nWorkflow, signInToN8n } from '../browser/editors';
import { N8N_PACKAGE, packLocalPackage } from '../package/local-package';
import { pause, shoot } from './browser';
import { sshDemoScreenshots } from './n8n-chained';

async function clickLastByText(page: Page, text: string): Promise<void> {
	const clicked = await page.evaluate((wanted) => {
		const matches = Array.from(document.querySelectorAll('label, button, span')).filter(
			(element) => element.textContent?.trim() === wanted,
		);
		const last = matches[matches.length - 1] as HTMLElement | undefined;
		last?.click();
		return Boolean(last);
	}, text);
	if (!clicked) throw new Error(`nothing labelled "${text}" to click`);
}

export async function n8nScreenshots(
	browser: Browser,
	emulator: RunningEmulator,
	log: (line: string) => void,
): Promise<void> {
	const engine = await ensureEngine('n8n', { log });
	const home = createN8nHome(engine, packLocalPackage(N8N_PACKAGE, log));
	await importCredentials(home, demoCredentials(demoAccount(emulator.seed), emulator.url));
	await importWorkflows(home, demoWorkflows(emulator.url));
	const server = await startN8nServer(home, { port: await freePort() });
	try {
		await setUpOwner(server, DEMO_OWNER);
		const page = await browser.newPage();
		await signInToN8n(page, server, DEMO_OWNER);
		const shown = demoWorkflows(emulator.url).find(
			(workflow) => workflow.id === demoWorkflowIds.connectUseDisconnect,
		);
		if (!shown) throw new Error('no demo workflow to show');
		await openN8nWorkflow(page, server.url, shown);
		await pause(1500);
		await shoot(page, 'n8n-canvas');

		log('n8n: running the workflow for its output…');
		await page.click('[data-test-id="execute-workflow-button"]');
		await page
			.waitForSelector('[data-test-id="canvas-node-status-success"]', { timeout: 60_000 })
			.catch(() => undefined);
		await pause(2500);

		const connectNode = await page.waitForSelector(
			'[data-test-id="canvas-node"][data-node-name="Connect to the web UI"]',
			{ visible: true },
		);
		await connectNode?.click({ count: 2 });
		await page.waitForSelector('[data-test-id="ndv"]', { visible: true, timeout: 30_000 });
		await pause(1500);
		await clickLastByText(page, 'JSON'); // the output panel's JSON view (the input panel's comes first)
		await pause(1000);
		await shoot(page, 'n8n-output');
		await page.click('input[placeholder="Add Option"]');
		await pause(1000);
		await shoot(page, 'n8n-connect-panel');
		await page.keyboard.press('Escape');

		await page.goto(`${server.url}/home/credentials/${DEMO_CREDENTIAL_ID}`, {
			waitUntil: 'networkidle2',
		});
		await page.waitForSelector('[data-test-id="editCredential-modal"]', {
			visible: true,
			timeout: 30_000,
		});
		await pause(1500);
		await shoot(page, 'n8n-credential');
		await sshDemoScreenshots(page, server.url, log);
		await page.close();
	} finally {
		await server.stop();
		rmSync(home.userFolder, { recursive: true, force: true });
	}
}
