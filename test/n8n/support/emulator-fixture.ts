import type { RunningEmulator, StartEmulatorOptions } from '../../../emulator';
import { resetEmulator } from '../../support/emulator-control';
import { emulatorPerFile } from '../../support/emulator-per-file';
import { shutDownN8nServices } from './n8n-shutdown';

/**
 * The set-up of every test file that runs the node against the emulator: one emulator for the file, back to its
 * seed before each test, and n8n's engine services shut down after the file. A file's own beforeEach runs after
 * the reset (hooks run in the order they are declared).
 */
export function useEmulatorWithN8n(options: StartEmulatorOptions = {}): RunningEmulator {
	const emulator = emulatorPerFile(options);
	beforeEach(() => resetEmulator(emulator.url));
	afterAll(shutDownN8nServices);
	return emulator;
}
