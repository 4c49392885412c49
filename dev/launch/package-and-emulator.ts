/** What both launchers do first: pack their engine's package and start the emulator with the demo seed, both undone on stop. */
import { dirname } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { type PackageName, packLocalPackage } from '../package/local-package';
import { onStop, portFromEnv, removeOnStop, say } from './lifecycle';

export async function packAndStartEmulator(name: PackageName): Promise<{ tarball: string; emulator: RunningEmulator }> {
  const tarball = packLocalPackage(name, say);
  removeOnStop(dirname(tarball));
  const emulator = await startEmulator({ port: portFromEnv('REMOTEIT_EMULATOR_PORT', 8787) });
  onStop(() => emulator.close());
  say(`remote.it emulator (demo seed) at ${emulator.url}`);
  return { tarball, emulator };
}
