/** Headless Chromium driven by puppeteer-core, for the editor tests and the README's screenshots. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { ensureChromium } from './chromium-install';

/** Without the background-networking flags Chromium keeps calling Google's services, which a closed network refuses. */
const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--lang=en-US',
	'--hide-scrollbars',
];

/** A browser with a fresh profile (puppeteer's temporary --user-data-dir, removed once Chromium has exited). */
export async function launchBrowser(
	options: { log?: (line: string) => void } = {},
): Promise<Browser> {
	const chromium = await ensureChromium(options);
	return puppeteer.launch({
		executablePath: chromium.binary,
		headless: true,
		args: FLAGS,
		env: { ...process.env, ...chromium.env },
		defaultViewport: { width: 1440, height: 900, deviceScaleFactor: 1 },
		// Generous under load: an editor page on 2 busy cores can take a while to answer.
		protocolTimeout: 180_000,
	});
}
