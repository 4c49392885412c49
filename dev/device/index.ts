/**
 * The demo device's services behind the emulator's proxies, all on loopback: its web UI, its SSH server and
 * (given an n8n engine for the database client) its PostgreSQL. `deviceServices` is what startEmulator takes for
 * the seed's `device:<name>` targets (emulator/README.md).
 */
import type { InstalledEngine } from '../engines/install';
import { startHttpDevice } from './http-device';
import { startSensorDatabase } from './sensor-database';
import { startSshDevice } from './ssh-device';

export { DATABASE_NAME, DATABASE_PASSWORD, DATABASE_USER } from './sensor-database';
export { SSH_PASSWORD, SSH_USER } from './ssh-device';
export { DEVICE_HOSTNAME, KNOWN_COMMANDS } from './device-facts';

export interface RunningDeviceServices {
	/** name → `127.0.0.1:<port>`: `http`, `ssh` and, when started, `postgres`. */
	deviceServices: Record<string, string>;
	/** The SSH demo user's private key, made at start (password login works too). */
	sshPrivateKey: string;
	close(): Promise<void>;
}

export interface DeviceServiceOptions {
	/** The n8n engine whose `pg` client loads the database; without it there is no database. */
	database?: InstalledEngine;
	/** Go on without the database when it cannot start (PostgreSQL's npm binaries are linux x64 only): the demos do. */
	databaseOptional?: boolean;
	log?: (line: string) => void;
}

export async function startDeviceServices(
	options: DeviceServiceOptions = {},
): Promise<RunningDeviceServices> {
	const started: Array<{ name: string; port: number; close(): Promise<void> }> = [];
	let sshPrivateKey = '';
	const close = async (): Promise<void> => {
		await Promise.all(started.splice(0).map((service) => service.close()));
	};
	try {
		started.push({ name: 'http', ...(await startHttpDevice()) });
		const ssh = await startSshDevice();
		sshPrivateKey = ssh.privateKey;
		started.push({ name: 'ssh', port: ssh.port, close: ssh.close });
		if (options.database) {
			try {
				started.push({
					name: 'postgres',
					...(await startSensorDatabase(options.database, { log: options.log })),
				});
			} catch (error) {
				if (!options.databaseOptional) throw error;
				options.log?.(
					`the device's database is not running, so the Postgres demo will fail: ${(error as Error).message.split('\n')[0]}`,
				);
			}
		}
	} catch (error) {
		await close();
		throw error;
	}
	const deviceServices = Object.fromEntries(
		started.map((service) => [service.name, `127.0.0.1:${service.port}`]),
	);
	return { deviceServices, sshPrivateKey, close };
}
