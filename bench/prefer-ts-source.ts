/**
 * Under tsx, Node's require tries `.json` before `.ts`, so `nodes/RemoteIt/RemoteIt.node` (imported by the n8n test
 * harness) would load the node's codex file RemoteIt.node.json instead of RemoteIt.node.ts. Jest tries `.ts` first,
 * which is what the harness expects; this does the same for the benchmarks, and only for this project's own files:
 * a `.json` outside node_modules, not asked for by name, with a `.ts` source beside it.
 */
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { sep } from 'node:path';

type ResolveFilename = (this: unknown, request: string, ...rest: unknown[]) => string;

const resolver = Module as unknown as { _resolveFilename: ResolveFilename };
const resolveFilename = resolver._resolveFilename;

resolver._resolveFilename = function preferTypeScriptSource(request, ...rest) {
	const resolved = resolveFilename.call(this, request, ...rest);
	if (
		!resolved.endsWith('.json') ||
		request.endsWith('.json') ||
		resolved.includes(`${sep}node_modules${sep}`)
	)
		return resolved;
	const source = `${resolved.slice(0, -'.json'.length)}.ts`;
	return existsSync(source) ? source : resolved;
};
