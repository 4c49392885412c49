/**
 * The bench's emulator in a process of its own (`tsx bench/emulator-process.ts <services>`), serving HTTPS with the
 * bench CA: its CPU and its growing state (request log, events) stay out of the process being timed and weighed.
 * Prints `{"url": …}` once listening; stops on SIGTERM.
 */
import { DEMO_SEED_PATH, loadSeedFile, startEmulator } from '../emulator';
import { tlsIdentity, wideSeed } from './wire';

async function main(): Promise<void> {
	const services = Number(process.argv[2] ?? '0');
	const emulator = await startEmulator({
		tls: tlsIdentity(),
		seed: wideSeed(loadSeedFile(DEMO_SEED_PATH), services),
	});
	process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
	const stop = (): void => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`bench emulator: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
