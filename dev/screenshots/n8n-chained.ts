/// <reference lib="dom" />
/**
 * The README's "Using the connection in the next node" screenshots: the SSH demo (Connect → SSH → Disconnect) run
 * in the editor against the demo device's SSH server, its SSH node's input and output, and its credential with
 * host and port as expressions.
 */
import type { Page } from 'puppeteer-core';
import { demoWorkflowIds } from '../n8n/demo/demo-data';
import { SSH_CREDENTIAL } from '../n8n/demo/device-credentials';
import { pause, shoot } from './browser';

export async function sshDemoScreenshots(
	page: Page,
	editorUrl: string,
	log: (line: string) => void,
): Promise<void> {
	log('n8n: running the SSH demo…');
	await page.setViewport({ width: 1280, height: 640, deviceScaleFactor: 1 });
	await page.goto(`${editorUrl}/workflow/${demoWorkflowIds.sshIntoDevice}`, {
		waitUntil: 'networkidle2',
	});
	await page.waitForSelector('[data-test-id="canvas-node"]', { visible: true, timeout: 60_000 });
	await pause(1500);
	await page.click('[data-test-id="execute-workflow-button"]');
	await page.waitForSelector(
		'[data-test-id="canvas-node"][data-node-name="Disconnect"] [data-test-id="canvas-node-status-success"]',
		{ timeout: 60_000 },
	);
	await pause(1500);
	await shoot(page, 'n8n-ssh-canvas');

	await page.setViewport({ width: 1440, height: 900, deviceScaleFactor: 1 });
	const sshNode = await page.waitForSelector(
		'[data-test-id="canvas-node"][data-node-name="Run a command over SSH"]',
		{ visible: true },
	);
	await sshNode?.click({ count: 2 });
	await page.waitForSelector('[data-test-id="ndv"]', { visible: true, timeout: 30_000 });
	await pause(2000);
	await shoot(page, 'n8n-ssh-output');
	await page.keyboard.press('Escape');

	await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
	await page.goto(`${editorUrl}/home/credentials/${SSH_CREDENTIAL.id}`, {
		waitUntil: 'networkidle2',
	});
	await page.waitForSelector('[data-test-id="editCredential-modal"]', {
		visible: true,
		timeout: 30_000,
	});
	await pause(2000);
	await shoot(page, 'n8n-ssh-credential');
	await page.setViewport({ width: 1440, height: 900, deviceScaleFactor: 1 });
}
