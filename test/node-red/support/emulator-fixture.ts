import type { StartEmulatorOptions } from '../../../emulator';
import { useDemo, type Demo } from '../../support/demo';
import { helper, loadCatalogs } from './flow-harness';

/**
 * The set-up of every test file that runs flows against the emulator: the file's demo emulator
 * (test/support/demo.ts: one per file, back to its seed before each test), and the test's flow unloaded after
 * it, with the nodes' message catalogues loaded. A file's own beforeEach and afterEach run after these (hooks run in the order they are declared).
 */
export function useDemoWithNodeRed(options: StartEmulatorOptions = {}): Demo {
	const demo = useDemo(options);
	beforeAll(loadCatalogs);
	afterEach(() => helper.unload());
	return demo;
}
