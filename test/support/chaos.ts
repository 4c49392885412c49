/**
 * The chaos run shared by the tests (200 items) and `npm run bench -- chaos` (1000 items): every item connects to
 * its own service and disconnects again, through the seeded fault proxy, and the run is judged on what came out
 * (lost, order, clear errors) and on what stayed open on the emulator (orphans).
 */
import { createRemoteItClient, isRemoteItError, type RemoteItClient } from '../../client/transport';
import type { Seed, SeedDevice } from '../../emulator';
import type { FaultProxy, ProxyFault } from './fault-proxy';
import { listEmulatorConnections, seedAccount } from './emulator-control';

/** The chaos mix: 10% 503 (half of them after remote.it acted), 5% 429 with Retry-After: 1, 2% held, 2% dropped. */
export const CHAOS_MIX: Partial<Record<ProxyFault, number>> = {
	'503': 0.05,
	'503-after': 0.05,
	'429': 0.05,
	hold: 0.02,
	drop: 0.02,
};
export const CHAOS_TIMEOUT_MS = 1000;
/** Held past the timeout, then forwarded: remote.it acts after the client gave up. */
export const CHAOS_HOLD_MS = 1300;
export const CHAOS_RETRY = { attempts: 3, baseDelayMs: 50, maxDelayMs: 2000 };

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/** One user with `count` online services (ten per device), so no two items ever share a service. */
export function chaosSeed(base: Seed, count: number): { seed: Seed; services: string[] } {
	const user = base.users[0];
	const devices: SeedDevice[] = [];
	const services: string[] = [];
	for (let d = 0; d * 10 < count; d += 1) {
		const device: SeedDevice = {
			id: `80:00:00:00:0A:${hex(d >> 8)}:${hex(d & 255)}:00`,
			name: `chaos-${d}`,
			state: 'active',
			services: [],
		};
		for (let s = 1; s <= 10 && d * 10 + s <= count; s += 1) {
			const id = `80:00:00:00:0A:${hex(d >> 8)}:${hex(d & 255)}:${hex(s)}`;
			device.services.push({ id, name: `SSH ${s}`, application: 28, port: 22 });
			services.push(id);
		}
		devices.push(device);
	}
	return { seed: { users: [{ ...user, devices }] }, services };
}

/** What one item came out as: its index, and either both steps done or the error it reported. */
export interface ItemOutcome {
	index: number;
	connected: boolean;
	disconnected: boolean;
	error?: string;
}

export interface ChaosFigures {
	items: number;
	out: number;
	lost: number;
	inOrder: boolean;
	connectedAndClosed: number;
	failed: number;
	orphaned: number;
	/** Errors that do not say clearly what went wrong (empty, "undefined", an object dump). */
	unclear: string[];
	faults: FaultProxy['counts'];
}

/** A clear per-item error names what failed and why, in words. */
export function isClearError(message: string): boolean {
	return (
		message.length > 20 && !/undefined|\[object Object\]|is not a function|^Error$/.test(message)
	);
}

/** Waits until every held or forwarded request has been answered, so late arrivals have landed. */
export async function proxyIdle(proxy: FaultProxy, timeoutMs = 10_000): Promise<void> {
	const started = Date.now();
	while (proxy.pending() > 0) {
		if (Date.now() - started > timeoutMs)
			throw new Error(`${proxy.pending()} requests still pending in the fault proxy`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

export async function judge(
	outcomes: ItemOutcome[],
	items: number,
	proxy: FaultProxy,
	emulatorUrl: string,
): Promise<ChaosFigures> {
	await proxyIdle(proxy);
	const orphaned = (await listEmulatorConnections(emulatorUrl)).length;
	const errors = outcomes.filter((o) => o.error !== undefined).map((o) => o.error as string);
	return {
		items,
		out: outcomes.length,
		lost: items - outcomes.length,
		inOrder: outcomes.every((o, i) => o.index === i),
		connectedAndClosed: outcomes.filter((o) => o.connected && o.disconnected).length,
		failed: errors.length,
		orphaned,
		unclear: errors.filter((e) => !isClearError(e)),
		faults: { ...proxy.counts },
	};
}

/** Runs `task(0..count-1)`, at most `parallel` at once; results in index order. */
export async function inPool<T>(
	count: number,
	parallel: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count) {
			const index = next++;
			results[index] = await task(index);
		}
	};
	await Promise.all(Array.from({ length: parallel }, worker));
	return results;
}

export function describeFigures(name: string, f: ChaosFigures): string {
	const faults = Object.entries(f.faults)
		.map(([k, v]) => `${k} ${v}`)
		.join(', ');
	return (
		`${name}: ${f.items} in, ${f.out} out, ${f.lost} lost, order ${f.inOrder ? 'kept' : 'BROKEN'}, ` +
		`${f.connectedAndClosed} connected and closed, ${f.failed} failed with an error (${f.unclear.length} unclear), ` +
		`${f.orphaned} orphaned; faults: ${faults}`
	);
}

/** A client of the seed's first account (access key) through `apiUrl`, with the chaos timeout and retries. */
export function chaosClient(apiUrl: string, seed: Seed): RemoteItClient {
	const account = seedAccount(seed);
	return createRemoteItClient({
		apiUrl,
		timeoutMs: CHAOS_TIMEOUT_MS,
		retry: CHAOS_RETRY,
		auth: {
			type: 'accessKey',
			accessKeyId: account.accessKeyId,
			secretAccessKey: account.secretAccessKey,
		},
	});
}

/** Each item connects to its own service and disconnects again, `parallel` items at a time. */
export function clientChaos(
	client: RemoteItClient,
	services: string[],
	parallel = 5,
): Promise<ItemOutcome[]> {
	return inPool(services.length, parallel, async (index): Promise<ItemOutcome> => {
		const outcome: ItemOutcome = { index, connected: false, disconnected: false };
		try {
			const connection = await client.connect(services[index]);
			outcome.connected = true;
			await client.disconnect({ connectionId: connection.id, serviceId: connection.serviceId });
			outcome.disconnected = true;
		} catch (error) {
			outcome.error = isRemoteItError(error)
				? `${error.code}: ${error.message}`
				: `not a remote.it error: ${String(error)}`;
		}
		return outcome;
	});
}
