/** The emulator's whole mutable state, rebuilt from the seed on reset. */
import { EmulatorClock } from './clock';
import { ConnectionStore } from './connections';
import type { EmulatorContext, EmulatorSettings } from './context';
import { FaultPlan } from './faults';
import { RequestLog } from './request-log';
import type { Seed } from './seed-types';
import { AccountState } from './state';

export class EmulatorRuntime {
  context: EmulatorContext;
  readonly faults = new FaultPlan();
  readonly log = new RequestLog();

  constructor(
    readonly seed: Seed,
    readonly settings: EmulatorSettings,
  ) {
    this.context = this.freshContext();
  }

  /** Back to the seed: accounts, connections, tokens, clock, faults, latency and the request log. */
  reset(): void {
    this.context.connections.clear();
    this.context = this.freshContext();
    this.faults.clear();
    this.log.clear();
  }

  private freshContext(): EmulatorContext {
    const clock = new EmulatorClock();
    return {
      clock,
      settings: this.settings,
      accounts: new AccountState(this.seed, clock, this.settings.tokenTtlSeconds),
      connections: new ConnectionStore(clock, this.settings.connectionTimeoutSeconds, this.settings.deviceServices),
    };
  }
}
