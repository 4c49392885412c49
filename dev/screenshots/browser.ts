/** Saving the README's screenshots (docs/images/) from pages of the headless Chromium of dev/browser/. */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { repositoryRoot } from '../engines/catalog';

export const IMAGES_DIR = join(repositoryRoot, 'docs', 'images');

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
