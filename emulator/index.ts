/**
 * A local remote.it API on loopback (REST v27, GraphQL v1, HTTP signatures, faults, control API).
 * Independent of client/: it implements remote.it's API as docs/remoteit-api.md describes it, not our client.
 */
import { EmulatorRuntime, type EmulatorSettings } from './runtime';
import { resolveSeed } from './seed-loader';
import type { Seed } from './seed-types';
import { EmulatorServer, type TlsIdentity } from './server';

export { DEMO_SEED_PATH, SeedError, loadSeedFile, validateSeed } from './seed-loader';
export type { MfaCode, Seed, SeedAccessKey, SeedDevice, SeedService, SeedUser } from './seed-types';
export type { RequestLogEntry } from './request-log';
export type { FaultSpec } from './faults';
export type { TlsIdentity } from './server';
export type { TrafficSnapshot } from './traffic';

export interface StartEmulatorOptions {
	/** 0 (the default) picks a free port. */
	port?: number;
	/** A seed object or the path of a seed JSON file; default emulator/seed/demo.json. */
	seed?: Seed | string;
	/** Lifetime of /user/login tokens; default 3600. */
	tokenTtlSeconds?: number;
	/** Allowed signed-Date distance from the emulator clock; default 300. */
	clockSkewSeconds?: number;
	/** Proxy connection lifetime; default 28800. */
	connectionTimeoutSeconds?: number;
	/** A request body not fully received within this many ms is answered 408; default 10000. */
	bodyTimeoutMs?: number;
	/**
	 * Addresses of the device services (dev/device/) that `device:<name>` seed targets forward to, e.g.
	 * `{ ssh: '127.0.0.1:2222' }`; a name not given falls back to the built-in page or echo.
	 */
	deviceServices?: Record<string, string>;
	/** Serve HTTPS with this certificate (clients must trust its CA, e.g. through NODE_EXTRA_CA_CERTS). */
	tls?: TlsIdentity;
}

export interface RunningEmulator {
	/** http://127.0.0.1:<port> (https:// with `tls`), the apiUrl to give a client. */
	url: string;
	port: number;
	/** The validated seed it serves (credentials for tests). */
	seed: Seed;
	close(): Promise<void>;
}

function settingsFrom(options: StartEmulatorOptions): EmulatorSettings {
	const settings = {
		tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
		clockSkewSeconds: options.clockSkewSeconds ?? 300,
		connectionTimeoutSeconds: options.connectionTimeoutSeconds ?? 28800,
		bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
	};
	for (const [name, value] of Object.entries(settings)) {
		if (!Number.isFinite(value) || value <= 0)
			throw new RangeError(`${name} must be a positive number`);
	}
	const deviceServices = options.deviceServices ?? {};
	for (const [name, address] of Object.entries(deviceServices)) {
		if (!/^127\.0\.0\.1:\d{1,5}$/.test(address))
			throw new RangeError(`deviceServices.${name} must be 127.0.0.1:<port>`);
	}
	return { ...settings, deviceServices };
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
	const port = options.port ?? 0;
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new RangeError('port must be an integer from 0 to 65535');
	const seed = resolveSeed(options.seed);
	const runtime = new EmulatorRuntime(seed, settingsFrom(options));
	const server = new EmulatorServer(runtime, options.tls);
	const url = await server.listen(port);
	return { url, port: Number(new URL(url).port), seed, close: () => server.close() };
}
