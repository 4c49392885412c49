/**
 * The runtime texts every remote.it node shows (failure labels, account problems) live once, in the account
 * node's catalogue (locales/<lang>/remoteit-config.json, under `shared`). Node-RED gives each node set its own
 * catalogue, named `<package>/<node set>`, and `RED._` looks in another one when the key names it.
 */
import type { NodeRedRuntime } from './node-red-api';

const SHARED = 'node-red-contrib-remoteit/remoteit-config:remoteit-config.shared';

export function sharedText(
	RED: NodeRedRuntime,
	key: string,
	substitutions?: Record<string, unknown>,
): string {
	return RED._(`${SHARED}.${key}`, substitutions);
}
