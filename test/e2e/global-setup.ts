/**
 * Jest global setup of the e2e project: installs the pinned engines that are not cached yet, before any e2e
 * suite starts, printing progress (a fresh machine takes several minutes; a cached one a moment).
 * Two lanes run side by side: the Node 20 engines (and PostgreSQL), and Node 24 with the engines that run on it;
 * Redis and Chromium come from Debian's packages beside them.
 */
import type { EngineName } from '../../dev/engines/catalog';
import { ensureEngine } from '../../dev/engines/install';
import { formatDuration } from '../../dev/engines/run-command';
import { ensureRedis } from '../../dev/services/redis-install';
import { ensureChromium } from '../../dev/browser/chromium-install';

const LANES: EngineName[][] = [
	['n8n', 'node-red', 'postgres'],
	['node24', 'n8n-2', 'node-red-5', 'n8n-tools'],
];

export default async function installEngines(): Promise<void> {
	const started = Date.now();
	const log = (line: string): void => {
		process.stderr.write(`[e2e engines] ${line}\n`);
	};
	await Promise.all([
		...LANES.map(async (lane) => {
			for (const name of lane) await ensureEngine(name, { log });
		}),
		// n8n's queue mode (test/e2e/n8n-queue.test.ts) also needs Redis, from Debian's packages.
		ensureRedis({ log }),
		// The editor tests (test/e2e/editors.test.ts) drive Debian's Chromium.
		ensureChromium({ log }),
	]);
	log(`engines ready (${formatDuration(Date.now() - started)})`);
}
