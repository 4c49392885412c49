/**
 * The bench's emulator and its latency proxy in a process of their own (`tsx bench/emulator-process.ts <services>
 * <rtt ms> <listen address>`), on the far side of the link (bench/netns.ts): their CPU and the emulator's growing
 * state (request log, events) stay out of the process being timed and weighed. The emulator serves HTTPS with the
 * bench CA on this side's 127.0.0.1; the latency proxy listens on <listen address>, and for an address other than
 * loopback a forwarder without delay carries the control API to it. Prints `{"apiUrl", "controlUrl"}` once
 * listening; answers each line "peak" on stdin with `{"peak": n}` (sockets open at once through the proxy since
 * the last ask); stops on SIGTERM, SIGINT or when stdin closes (the bench is gone).
 */
import { createInterface } from 'node:readline';
import { DEMO_SEED_PATH, loadSeedFile, startEmulator } from '../emulator';
import { startLatencyProxy } from './latency-proxy';
import { tlsIdentity, wideSeed } from './wire';

async function main(): Promise<void> {
	const services = Number(process.argv[2] ?? '0');
	const rttMs = Number(process.argv[3] ?? '0');
	const address = process.argv[4] ?? '127.0.0.1';
	const emulator = await startEmulator({
		tls: tlsIdentity(),
		seed: wideSeed(loadSeedFile(DEMO_SEED_PATH), services),
	});
	const target = { host: '127.0.0.1', port: emulator.port };
	const proxy = await startLatencyProxy(target, rttMs, address);
	const control = address === '127.0.0.1' ? undefined : await startLatencyProxy(target, 0, address);
	process.stdout.write(
		`${JSON.stringify({
			apiUrl: `https://${address}:${proxy.port}`,
			controlUrl: control ? `https://${address}:${control.port}` : emulator.url,
		})}\n`,
	);
	const stop = (): void => {
		void Promise.all([proxy.close(), control?.close(), emulator.close()]).then(() =>
			process.exit(0),
		);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	// stdin closes when the bench is gone, even killed outright: no emulator is left behind.
	createInterface({ input: process.stdin })
		.on('line', (line) => {
			if (line.trim() === 'peak')
				process.stdout.write(`${JSON.stringify({ peak: proxy.takePeakOpen() })}\n`);
		})
		.once('close', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`bench emulator: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
