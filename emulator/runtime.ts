/** The emulator's whole mutable state, rebuilt from the seed on reset. */
import { EmulatorClock } from './clock';
import { ConnectionStore } from './connections';
import type { EmulatorContext, EmulatorSettings } from './context';
import { FaultPlan } from './faults';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import type { Seed } from './seed-types';
import { AccountState } from './state';
import { TrafficCounters } from './traffic';

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
