/** The emulator's whole mutable state, rebuilt from the seed on reset, and the context every handler receives. */
import { EmulatorClock } from './clock';
import { ConnectionStore } from './connections';
import { FaultPlan } from './faults';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import type { Seed } from './seed-types';
import { AccountState } from './state';
import { TrafficCounters } from './traffic';

/** What `startEmulator` and the CLI set (defaults in index.ts). */
export interface EmulatorSettings {
	/** Lifetime of /user/login tokens. Default 3600. */
	tokenTtlSeconds: number;
	/** Allowed distance between a signed Date header and the emulator clock. Default 300. */
	clockSkewSeconds: number;
	/** Lifetime of a proxy connection. Default 28800 (docs/remoteit-api.md §5). */
	connectionTimeoutSeconds: number;
	/** How long a request body may take to arrive before the emulator answers 408. Default 10000 (emulator-defined). */
	bodyTimeoutMs?: number;
	/** Where `device:<name>` seed targets forward: name → `127.0.0.1:<port>` (emulator-defined). */
	deviceServices?: Record<string, string>;
}

/** Everything a handler needs: account data, connections, the clock and the settings. */
export interface EmulatorContext {
	accounts: AccountState;
	connections: ConnectionStore;
	clock: EmulatorClock;
	settings: EmulatorSettings;
}

export class EmulatorRuntime {
	context: EmulatorContext;
	readonly faults = new FaultPlan();
	readonly log = new RequestLog();
	readonly traffic = new TrafficCounters();
	readonly rateLimit = new RateLimiter();

	constructor(
		readonly seed: Seed,
		readonly settings: EmulatorSettings,
	) {
		this.context = this.freshContext();
	}

	/** Back to the seed: accounts, connections, tokens, clock, faults, latency, rate limit, request log and traffic counts. */
	reset(): void {
		this.context.connections.clear();
		this.context = this.freshContext();
		this.faults.clear();
		this.log.clear();
		this.traffic.clear();
		this.rateLimit.perSecond = 0;
	}

	private freshContext(): EmulatorContext {
		const clock = new EmulatorClock();
		return {
			clock,
			settings: this.settings,
			accounts: new AccountState(this.seed, clock, this.settings.tokenTtlSeconds),
			connections: new ConnectionStore(
				clock,
				this.settings.connectionTimeoutSeconds,
				this.settings.deviceServices,
			),
		};
	}
}
