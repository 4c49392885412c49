import type { RunningEmulator, StartEmulatorOptions } from '../../../emulator';
import { resetEmulator } from '../../support/emulator-control';
import { emulatorPerFile } from '../../support/emulator-per-file';
import { helper } from './flow-harness';

/**
 * The set-up of every test file that runs flows against the emulator: one emulator for the file, back to its
 * seed before each test, and the test's flow unloaded after it. A file's own beforeEach and afterEach run after
 * these (hooks run in the order they are declared).
 */
export function useEmulatorWithNodeRed(options: StartEmulatorOptions = {}): RunningEmulator {
	const emulator = emulatorPerFile(options);
	beforeEach(() => resetEmulator(emulator.url));
	afterEach(() => helper.unload());
	return emulator;
}
