import type { RunningEmulator, StartEmulatorOptions } from '../../../emulator';
import { useDemo } from '../../support/demo';
import { shutDownN8nServices } from './n8n-shutdown';

/**
 * The set-up of every test file that runs the node against the emulator: the file's demo emulator
 * (test/support/demo.ts: one per file, back to its seed before each test), and n8n's engine services shut down
 * after the file.
 */
export function useEmulatorWithN8n(options: StartEmulatorOptions = {}): RunningEmulator {
	const { emulator } = useDemo(options);
	afterAll(shutDownN8nServices);
	return emulator;
}
