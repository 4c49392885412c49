/**
 * The link every wire benchmark runs over: the emulator serving HTTPS with a throw-away CA, behind the latency
 * proxy (bench/latency-proxy.ts). The bench process must trust the CA from its start (NODE_EXTRA_CA_CERTS is read
 * once), so `ensureTrustedCa` re-runs the bench with it set; engines started from here inherit it.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
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
import { chooseVethAddress, openLink, vethAddressVariable, type Link } from './netns';

/** 25 ms each way (a 50 ms round trip): the link every wire benchmark pays. */
export const RTT_MS = 50;

/** How a wire table names its link: "HTTPS, 50 ms RTT (latency proxy over a veth pair into a network namespace)". */
export const overTheWire = (rttMs = RTT_MS): string =>
	`HTTPS, ${rttMs} ms RTT (latency proxy over ${openLink().label})`;
const TLS_DIR_VARIABLE = 'REMOTEIT_BENCH_TLS_DIR';

/**
 * Resolves when this process already trusts the bench CA; otherwise runs this same command again with the CA
 * trusted (and --expose-gc, for the memory benchmark), passes SIGINT and SIGTERM on to it, and exits with its code
 * (never resolving).
 */
export function ensureTrustedCa(): Promise<void> {
	if (process.env[TLS_DIR_VARIABLE] && process.env.NODE_EXTRA_CA_CERTS) return Promise.resolve();
	// The server certificate names the far side of the veth pair too (bench/netns.ts), as it would a real host.
	const vethAddress = chooseVethAddress();
	const certificates = createTestCertificates(undefined, [vethAddress]);
	const child = spawn(
		process.execPath,
		['--expose-gc', ...process.execArgv, ...process.argv.slice(1)],
		{
			stdio: 'inherit',
			env: {
				...process.env,
				NODE_EXTRA_CA_CERTS: certificates.caPath,
				[TLS_DIR_VARIABLE]: certificates.dir,
				[vethAddressVariable]: vethAddress,
			},
		},
	);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
	child.once('exit', (code, signal) => {
		rmSync(certificates.dir, { recursive: true, force: true });
		process.exit(code ?? (signal ? 1 : 0));
	});
	return new Promise<void>(() => undefined);
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
	/** https://<far side of the link>:<proxy port>: the API URL clients use, through the delay. */
	apiUrl: string;
	/** The emulator's control API, without the delay. */
	controlUrl: string;
	/** Which link the run crossed, for table headers (bench/netns.ts). */
	link: string;
	/** Sockets open at once through the latency proxy since the last call. */
	takePeakOpen(): Promise<number>;
	close(): Promise<void>;
}

interface EmulatorProcess {
	apiUrl: string;
	controlUrl: string;
	takePeakOpen(): Promise<number>;
	stop(): Promise<void>;
}

/**
 * Starts the emulator and its latency proxy (bench/emulator-process.ts) on the far side of the link, with `services`
 * one-service devices.
 */
async function startEmulatorProcess(
	link: Link,
	services: number,
	rttMs: number,
): Promise<EmulatorProcess> {
	const [command, ...prefix] = [
		...link.exec,
		process.execPath,
		...process.execArgv.filter((arg) => arg !== '--expose-gc'),
		join(__dirname, 'emulator-process.ts'),
		String(services),
		String(rttMs),
		link.address,
	];
	const child = spawn(command, prefix, { stdio: ['pipe', 'pipe', 'inherit'] });
	// A bench that stops early (SIGINT, SIGTERM, an error) stops its emulator too, before the link goes.
	const stopOnExit = (): void => {
		child.kill('SIGTERM');
	};
	process.once('exit', stopOnExit);
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			process.off('exit', stopOnExit);
			resolve();
		}),
	);
	const lines = createInterface({ input: child.stdout });
	const nextLine = (): Promise<string> =>
		new Promise((resolve, reject) => {
			const onExit = (code: number | null) =>
				reject(new Error(`bench emulator exited (${code}) before answering`));
			child.once('exit', onExit);
			lines.once('line', (line) => {
				child.off('exit', onExit);
				resolve(line);
			});
		});
	const first = await nextLine();
	let urls: { apiUrl: string; controlUrl: string };
	try {
		urls = JSON.parse(first) as typeof urls;
	} catch {
		throw new Error(`bench emulator said: ${first}`);
	}
	return {
		...urls,
		takePeakOpen: async () => {
			const answer = nextLine();
			child.stdin.write('peak\n');
			return (JSON.parse(await answer) as { peak: number }).peak;
		},
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
	const link = openLink();
	const emulator = await startEmulatorProcess(link, services, options.rttMs ?? RTT_MS);
	return {
		seed: wideSeed(loadSeedFile(DEMO_SEED_PATH), services),
		apiUrl: emulator.apiUrl,
		controlUrl: emulator.controlUrl,
		link: link.label,
		takePeakOpen: emulator.takePeakOpen,
		close: () => emulator.stop(),
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
		peakOpen: await wire.takePeakOpen(),
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
