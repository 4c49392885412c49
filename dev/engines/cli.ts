/**
 * `tsx dev/engines/cli.ts [engine…]`: installs (or finds cached) engines and prints where they are.
 * With no argument it installs all of them, e.g. to warm a machine before `npm test`.
 */
import { type EngineName, engines } from './catalog';
import { ensureEngine } from './install';

async function main(): Promise<void> {
	const requested = process.argv.slice(2);
	const unknown = requested.filter((name) => !(name in engines));
	if (unknown.length > 0)
		throw new Error(
			`unknown engine(s): ${unknown.join(', ')}; known: ${Object.keys(engines).join(', ')}`,
		);
	const names = (requested.length > 0 ? requested : Object.keys(engines)) as EngineName[];
	for (const name of names) {
		const engine = await ensureEngine(name);
		process.stdout.write(`${engine.label}\t${engine.dir}\n`);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 1;
});
