/**
 * `npm run screenshots`: the README's screenshots (docs/images/*.png) from the real editors: n8n 1.x and Node-RED 4.1
 * from the engine cache with the packages installed as their installers do, the emulator as remote.it, headless
 * Chromium (dev/browser/), the demo device's web UI and SSH server behind the proxies. `npm run screenshots -- n8n` or `-- node-red` takes one engine's only.
 */
import { startEmulator } from '../../emulator';
import { startDeviceServices } from '../device';
import { launchBrowser } from '../browser/launch';
import { n8nScreenshots } from './n8n';
import { nodeRedScreenshots } from './node-red';

async function main(): Promise<void> {
	const wanted = process.argv.slice(2);
	const log = (line: string): void => void process.stderr.write(`[screenshots] ${line}\n`);
	const device = await startDeviceServices();
	const emulator = await startEmulator({ deviceServices: device.deviceServices });
	const browser = await launchBrowser({ log });
	try {
		if (wanted.length === 0 || wanted.includes('n8n')) await n8nScreenshots(browser, emulator, log);
		if (wanted.length === 0 || wanted.includes('node-red'))
			await nodeRedScreenshots(browser, emulator, log);
	} finally {
		await browser.close();
		await emulator.close();
		await device.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exitCode = 1;
});
