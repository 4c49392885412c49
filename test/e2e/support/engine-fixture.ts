/**
 * What every e2e suite needs first: the engine (installed or cached), the packed package, the demo device's
 * services (dev/device/; its database only when asked, with n8n's pg client) and the emulator forwarding to them.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { type RunningEmulator, startEmulator } from '../../../emulator';
import { type RunningDeviceServices, startDeviceServices } from '../../../dev/device';
import type { EngineName } from '../../../dev/engines/catalog';
import { type InstalledEngine, ensureEngine } from '../../../dev/engines/install';
import { type DemoAccount, demoAccount, secretsOf } from '../../../dev/launch/demo-account';
import {
	N8N_PACKAGE,
	NODE_RED_PACKAGE,
	packLocalPackage,
} from '../../../dev/package/local-package';

/** First installs take minutes (n8n 2.x: ~4 min on 2 cores); the global setup normally did them already. */
export const ENGINE_SETUP_TIMEOUT_MS = 20 * 60_000;
export const ENGINE_TEST_TIMEOUT_MS = 3 * 60_000;

export interface EngineFixture {
	engine: InstalledEngine;
	tarball: string;
	emulator: RunningEmulator;
	device: RunningDeviceServices;
	account: DemoAccount;
	/** Values that must appear in no output, log or stored file. */
	secrets: string[];
}

const log = (line: string): void => {
	process.stderr.write(`[e2e] ${line}\n`);
};

export async function setUpEngineFixture(
	name: EngineName,
	options: { deviceDatabase?: boolean } = {},
): Promise<EngineFixture> {
	const engine = await ensureEngine(name, { log });
	const tarball = packLocalPackage(name.startsWith('n8n') ? N8N_PACKAGE : NODE_RED_PACKAGE, log);
	const device = await startDeviceServices({
		database: options.deviceDatabase ? engine : undefined,
		log,
	});
	const emulator = await startEmulator({ deviceServices: device.deviceServices });
	const account = demoAccount(emulator.seed);
	return { engine, tarball, emulator, device, account, secrets: secretsOf(account) };
}

/** Closes the emulator and the device's services and removes the packed tarball's temporary folder. */
export async function tearDownEngineFixture(fixture: EngineFixture | undefined): Promise<void> {
	if (!fixture) return;
	await fixture.emulator.close();
	await fixture.device.close();
	rmSync(dirname(fixture.tarball), { recursive: true, force: true });
}

/** The secrets found in `text` (an empty list is the expected answer). */
export function secretsIn(text: string, secrets: string[]): string[] {
	return secrets.filter((secret) => text.includes(secret));
}
