/** Headless Chromium from Debian (`apt-get install -y chromium`) driven by puppeteer-core, for the README's screenshots. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { repositoryRoot } from '../engines/catalog';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const IMAGES_DIR = join(repositoryRoot, 'docs', 'images');

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROMIUM))
		throw new Error(
			`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
		);
	return puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-US', '--hide-scrollbars'],
		defaultViewport: { width: 1440, height: 900, deviceScaleFactor: 1 },
	});
}

export const pause = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));

/** Saves docs/images/<name>.png of the page, or of one element when `selector` is given. */
export async function shoot(page: Page, name: string, selector?: string): Promise<string> {
	const path = join(IMAGES_DIR, `${name}.png`) as `${string}.png`;
	if (selector) {
		const element = await page.waitForSelector(selector, { visible: true, timeout: 30_000 });
		if (!element) throw new Error(`${selector} not found for ${name}`);
		await element.screenshot({ path });
	} else {
		await page.screenshot({ path });
	}
	process.stdout.write(`wrote ${path}\n`);
	return path;
}
