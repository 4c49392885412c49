/** What both launchers do first: pack this package and start the emulator with the demo seed, both undone on stop. */
import { dirname } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { packLocalPackage } from '../package/local-package';
import { onStop, portFromEnv, removeOnStop, say } from './lifecycle';

export async function packAndStartEmulator(): Promise<{ tarball: string; emulator: RunningEmulator }> {
  const tarball = packLocalPackage(say);
  removeOnStop(dirname(tarball));
  const emulator = await startEmulator({ port: portFromEnv('REMOTEIT_EMULATOR_PORT', 8787) });
  onStop(() => emulator.close());
  say(`remote.it emulator (demo seed) at ${emulator.url}`);
  return { tarball, emulator };
}
