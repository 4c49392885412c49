/**
 * One emulator for a whole test file: started in beforeAll, closed in afterAll. The handle is returned at once,
 * so a file can declare it as a `const` and use it in its tests and hooks. Its seed is read up front (the same
 * seed the emulator serves), so derived values such as a seed account are available at the top of a file; url
 * and port exist once the emulator runs.
 */
import {
	DEMO_SEED_PATH,
	loadSeedFile,
	startEmulator,
	validateSeed,
	type RunningEmulator,
	type StartEmulatorOptions,
} from '../../emulator';

export function emulatorPerFile(options: StartEmulatorOptions = {}): RunningEmulator {
	const seed =
		typeof options.seed === 'object'
			? validateSeed(options.seed)
			: loadSeedFile(options.seed ?? DEMO_SEED_PATH);
	let running: RunningEmulator | undefined;
	beforeAll(async () => {
		running = await startEmulator({ ...options, seed });
	});
	afterAll(() => running?.close());

	const started = (): RunningEmulator => {
		if (!running)
			throw new Error('the emulator starts in beforeAll: use it inside tests and hooks');
		return running;
	};
	return {
		seed,
		get url() {
			return started().url;
		},
		get port() {
			return started().port;
		},
		close: () => started().close(),
	};
}
