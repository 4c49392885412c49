/**
 * What both launchers do first: pack their engine's package, start the demo device's services (dev/device/; its
 * database when given an n8n engine for the client) and the emulator with the demo seed forwarding to them, all
 * undone on stop.
 */
import { dirname } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { startDeviceServices } from '../device';
import type { InstalledEngine } from '../engines/install';
import { type PackageName, packLocalPackage } from '../package/local-package';
import { onStop, portFromEnv, removeOnStop, say } from './lifecycle';

export async function packAndStartEmulator(
	name: PackageName,
	options: { database?: InstalledEngine } = {},
): Promise<{ tarball: string; emulator: RunningEmulator }> {
	const tarball = packLocalPackage(name, say);
	removeOnStop(dirname(tarball));
	say(
		`starting the demo device's services (web UI, SSH${options.database ? ', PostgreSQL' : ''})…`,
	);
	const device = await startDeviceServices({
		database: options.database,
		databaseOptional: true,
		log: say,
	});
	onStop(() => device.close());
	const emulator = await startEmulator({
		port: portFromEnv('REMOTEIT_EMULATOR_PORT', 8787),
		deviceServices: device.deviceServices,
	});
	onStop(() => emulator.close());
	say(`remote.it emulator (demo seed) at ${emulator.url}`);
	return { tarball, emulator };
}
