/** What every emulator benchmark needs: an in-process emulator on loopback, clients for it, request counts. */
import {
	createRemoteItClient,
	type RemoteItAuth,
	type RemoteItClient,
	type RemoteItClientOptions,
} from '../client/transport';
import { createAxiosTransport } from '../client/transport/axios';
import { startEmulator, type RunningEmulator, type Seed } from '../emulator';
import {
	readRequestLog,
	seedAccount,
	type RequestLogEntry,
} from '../test/support/emulator-control';

export type BenchAuth = 'accessKey' | 'password';

/** Demo-seed services (emulator/seed/demo.json), all online. */
export const ONLINE_SERVICES = [
	'80:00:00:00:01:00:00:02', // factory-gateway / SSH
	'80:00:00:00:01:00:00:04', // factory-gateway / Postgres
	'80:00:00:00:01:00:00:41', // lab-raspberrypi / SSH
	'80:00:00:00:01:00:00:03', // factory-gateway / Web UI
	'80:00:00:00:01:00:00:21', // camera-nvr / Admin HTTPS
] as const;

/** Starts an emulator on 127.0.0.1 (a free port), runs `task` against it and always closes it. */
export async function withEmulator<T>(
	task: (emulator: RunningEmulator) => Promise<T>,
	seed?: Seed,
): Promise<T> {
	const emulator = await startEmulator({ port: 0, ...(seed ? { seed } : {}) });
	try {
		return await task(emulator);
	} finally {
		await emulator.close();
	}
}

export function authOf(emulator: RunningEmulator, kind: BenchAuth): RemoteItAuth {
	const account = seedAccount(emulator.seed);
	return kind === 'accessKey'
		? {
				type: 'accessKey',
				accessKeyId: account.accessKeyId,
				secretAccessKey: account.secretAccessKey,
			}
		: {
				type: 'password',
				developerKey: account.developerKey,
				username: account.email,
				password: account.password,
			};
}

/** A client as the Node-RED config node builds one: the axios transport, real timers, the default retry policy. */
export function benchClient(
	emulator: RunningEmulator,
	kind: BenchAuth,
	options: Partial<RemoteItClientOptions> = {},
): RemoteItClient {
	return createRemoteItClient({
		apiUrl: emulator.url,
		auth: authOf(emulator, kind),
		send: createAxiosTransport({ timeoutMs: 30_000 }),
		...options,
	});
}

export interface RequestCounts {
	total: number;
	logins: number;
	connects: number;
	disconnects: number;
	graphql: number;
}

const isDisconnect = (entry: RequestLogEntry) =>
	entry.path.endsWith('/device/connect/stop') || entry.operation === 'mutation disconnect';
const isConnect = (entry: RequestLogEntry) =>
	entry.path.endsWith('/device/connect') || entry.operation === 'mutation connect';

/** Reads (and clears) the emulator's request log and sorts it by what each request did. */
export async function takeRequestCounts(url: string): Promise<RequestCounts> {
	const log = await readRequestLog(url, { clear: true });
	return {
		total: log.length,
		logins: log.filter((entry) => entry.path.endsWith('/user/login')).length,
		connects: log.filter(isConnect).length,
		disconnects: log.filter(isDisconnect).length,
		graphql: log.filter((entry) => entry.path === '/graphql/v1').length,
	};
}
