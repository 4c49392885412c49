/** Everything a handler needs: account data, connections, the clock and the settings. */
import type { EmulatorClock } from './clock';
import type { ConnectionStore } from './connections';
import type { AccountState } from './state';

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

export interface EmulatorContext {
	accounts: AccountState;
	connections: ConnectionStore;
	clock: EmulatorClock;
	settings: EmulatorSettings;
}
