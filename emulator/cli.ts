/** `npm run emulator -- [--port N] [--seed FILE]`: serves the emulator until SIGINT/SIGTERM. */
import { CliUsageError, USAGE, parseCliArgs } from './cli-args';
import { SeedError, startEmulator } from './index';

/** One line, no stack: bad arguments and bad seeds are the user's to fix. */
function exitWithUsageError(message: string): never {
	process.stderr.write(`remote.it emulator: ${message}\n`);
	process.exit(2);
}

async function main(): Promise<void> {
	let options;
	try {
		options = parseCliArgs(process.argv.slice(2));
	} catch (error) {
		if (error instanceof CliUsageError) exitWithUsageError(`${error.message} (try --help)`);
		throw error;
	}
	if (options.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const { help: _help, ...startOptions } = options;
	let emulator;
	try {
		emulator = await startEmulator({ port: 8787, ...startOptions });
	} catch (error) {
		if (error instanceof SeedError || error instanceof RangeError)
			exitWithUsageError(error.message);
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE' || code === 'EACCES')
			exitWithUsageError(`cannot listen on port ${startOptions.port ?? 8787} (${code})`);
		throw error;
	}
	process.stdout.write(`remote.it emulator listening on ${emulator.url}\n`);
	const stop = (): void => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`remote.it emulator: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
