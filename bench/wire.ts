/**
 * The link every wire benchmark runs over: the emulator serving HTTPS with a throw-away CA, behind the latency
 * proxy (bench/latency-proxy.ts). The bench process must trust the CA from its start (NODE_EXTRA_CA_CERTS is read
 * once), so `ensureTrustedCa` re-runs the bench with it set; engines started from here inherit it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_SEED_PATH, loadSeedFile, type Seed } from '../emulator';
import { createTestCertificates } from '../emulator/tls-certificates';
import {
	readRequestLog,
	readTraffic,
	clearTraffic,
	type TrafficSnapshot,
} from '../test/support/emulator-control';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy';

/** 25 ms each way (a 50 ms round trip): the link every wire benchmark pays. */
export const RTT_MS = 50;
const TLS_DIR_VARIABLE = 'REMOTEIT_BENCH_TLS_DIR';

/**
 * Returns when this process already trusts the bench CA; otherwise runs this same command again with the CA
 * trusted (and --expose-gc, for the memory benchmark) and exits with its code.
 */
export function ensureTrustedCa(): void {
	if (process.env[TLS_DIR_VARIABLE] && process.env.NODE_EXTRA_CA_CERTS) return;
	const certificates = createTestCertificates();
	const child = spawnSync(
		process.execPath,
		['--expose-gc', ...process.execArgv, ...process.argv.slice(1)],
		{
			stdio: 'inherit',
			env: {
				...process.env,
				NODE_EXTRA_CA_CERTS: certificates.caPath,
				[TLS_DIR_VARIABLE]: certificates.dir,
			},
		},
	);
	process.exit(child.status ?? 1);
}

export function tlsIdentity(): { key: string; cert: string } {
	const dir = process.env[TLS_DIR_VARIABLE];
	if (!dir) throw new Error('the bench CA is not set up: call ensureTrustedCa() first');
	return {
		key: readFileSync(join(dir, 'server.key'), 'utf8'),
		cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
	};
}

export interface Wire {
	/** The seed the emulator serves (the demo account plus the bench's one-service devices). */
	seed: Seed;
	/** https://127.0.0.1:<proxy port>: the API URL clients use, through the delay. */
	apiUrl: string;
	/** The emulator's own URL, for the control API (no delay). */
	controlUrl: string;
	proxy: LatencyProxy;
	close(): Promise<void>;
}

/** Starts the emulator process (bench/emulator-process.ts) with `services` one-service devices; resolves its URL. */
async function startEmulatorProcess(
	services: number,
): Promise<{ url: string; stop(): Promise<void> }> {
	const child = spawn(
		process.execPath,
		[
			...process.execArgv.filter((arg) => arg !== '--expose-gc'),
			join(__dirname, 'emulator-process.ts'),
			String(services),
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const url = await new Promise<string>((resolve, reject) => {
		createInterface({ input: child.stdout }).once('line', (line) => {
			try {
				resolve((JSON.parse(line) as { url: string }).url);
			} catch {
				reject(new Error(`bench emulator said: ${line}`));
			}
		});
		child.once('exit', (code) =>
			reject(new Error(`bench emulator exited (${code}) before listening`)),
		);
	});
	return {
		url,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		},
	};
}

export async function startWire(
	options: { services?: number; rttMs?: number } = {},
): Promise<Wire> {
	const services = options.services ?? 0;
	const emulator = await startEmulatorProcess(services);
	const port = Number(new URL(emulator.url).port);
	const proxy = await startLatencyProxy({ host: '127.0.0.1', port }, options.rttMs ?? RTT_MS);
	return {
		seed: wideSeed(loadSeedFile(DEMO_SEED_PATH), services),
		apiUrl: `https://127.0.0.1:${proxy.port}`,
		controlUrl: emulator.url,
		proxy,
		close: async () => {
			await proxy.close();
			await emulator.stop();
		},
	};
}

export interface WireCounts extends TrafficSnapshot {
	/** Sockets open at once through the latency proxy (requests in flight when each has its own socket). */
	peakOpen: number;
	logins: number;
	connects: number;
	disconnects: number;
	failed: number;
}

/** Reads and clears the emulator's request log and traffic counters. */
export async function takeWireCounts(wire: Wire): Promise<WireCounts> {
	const log = await readRequestLog(wire.controlUrl, { clear: true });
	const traffic = await readTraffic(wire.controlUrl);
	await clearTraffic(wire.controlUrl);
	return {
		...traffic,
		peakOpen: wire.proxy.takePeakOpen(),
		logins: log.filter((entry) => entry.path.endsWith('/user/login')).length,
		connects: log.filter(
			(entry) =>
				entry.status === 200 &&
				(entry.path.endsWith('/device/connect') || entry.operation === 'mutation connect'),
		).length,
		disconnects: log.filter(
			(entry) =>
				entry.status === 200 &&
				(entry.path.endsWith('/device/connect/stop') || entry.operation === 'mutation disconnect'),
		).length,
		failed: log.filter((entry) => entry.status !== 200).length,
	};
}

/** A seed with the demo account and `count` online devices with one SSH service each, so each item has its own. */
export function wideSeed(base: Seed, count: number): Seed {
	const [user, ...others] = base.users;
	const hex = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
	const devices = Array.from({ length: count }, (_, i) => ({
		id: `80:00:00:00:0A:00:${hex(i * 2).slice(0, 2)}:${hex(i * 2).slice(2)}`,
		name: `bench-device-${i}`,
		state: 'active' as const,
		services: [
			{
				id: `80:00:00:00:0B:00:${hex(i).slice(0, 2)}:${hex(i).slice(2)}`,
				name: 'SSH',
				application: 28,
				port: 22,
			},
		],
	}));
	return { users: [{ ...user, devices: [...user.devices, ...devices] }, ...others] };
}

export const wideServiceIds = (count: number): string[] =>
	Array.from({ length: count }, (_, i) => {
		const hex = i.toString(16).padStart(4, '0').toUpperCase();
		return `80:00:00:00:0B:00:${hex.slice(0, 2)}:${hex.slice(2)}`;
	});
