/** Parses `emulator [--port N] [--seed FILE]` (plus the emulator settings) into startEmulator options. */
import type { StartEmulatorOptions } from './index';

export class CliUsageError extends Error {}

export const USAGE =
	'usage: npm run emulator -- [--port N] [--seed FILE] [--token-ttl SECONDS] [--clock-skew SECONDS] [--connection-timeout SECONDS] [--device-service NAME=127.0.0.1:PORT]…';

const NUMERIC_FLAGS: Record<
	string,
	'port' | 'tokenTtlSeconds' | 'clockSkewSeconds' | 'connectionTimeoutSeconds'
> = {
	'--port': 'port',
	'--token-ttl': 'tokenTtlSeconds',
	'--clock-skew': 'clockSkewSeconds',
	'--connection-timeout': 'connectionTimeoutSeconds',
};

function integerValue(flag: string, text: string | undefined): number {
	if (text === undefined || !/^\d+$/.test(text))
		throw new CliUsageError(`${flag} needs a non-negative integer`);
	const value = Number(text);
	if (flag === '--port' && value > 65535) throw new CliUsageError('--port must be from 0 to 65535');
	if (flag !== '--port' && value === 0) throw new CliUsageError(`${flag} must be at least 1`);
	return value;
}

export function parseCliArgs(argv: string[]): StartEmulatorOptions & { help?: boolean } {
	const options: StartEmulatorOptions & { help?: boolean } = {};
	for (let i = 0; i < argv.length; i += 1) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const takeValue = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--help' || flag === '-h') options.help = true;
		else if (flag === '--seed') {
			const seed = takeValue();
			if (!seed) throw new CliUsageError('--seed needs a file path');
			options.seed = seed;
		} else if (flag === '--device-service') {
			const [name, address] = (takeValue() ?? '').split('=', 2);
			if (!name || !address) throw new CliUsageError('--device-service needs NAME=127.0.0.1:PORT');
			options.deviceServices = { ...options.deviceServices, [name]: address };
		} else if (NUMERIC_FLAGS[flag]) options[NUMERIC_FLAGS[flag]] = integerValue(flag, takeValue());
		else throw new CliUsageError(`unknown argument ${argv[i]}`);
	}
	return options;
}
