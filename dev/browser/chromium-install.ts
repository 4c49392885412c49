/**
 * The Chromium the editor tests and screenshots drive: `CHROMIUM_PATH` when set, otherwise Debian's chromium
 * (dev/pins/chromium/debian-packages.json) unpacked once into the engine cache, so no `apt-get install` is needed.
 */
import { existsSync } from 'node:fs';
import { ensureDebianPackages } from '../engines/debian-packages';

export interface InstalledChromium {
	/** "Chromium 150.0.7871.100 (Debian chromium 150.0.7871.100-1~deb12u1)", or the CHROMIUM_PATH given. */
	label: string;
	binary: string;
	/** LD_LIBRARY_PATH holding the unpacked libraries (empty for CHROMIUM_PATH). */
	env: Record<string, string>;
}

const CHROMIUM = {
	describe: (printed: string) => printed.split('\n')[0],
	hint:
		"the editor tests and screenshots fetch Chromium from Debian's packages: run `apt-get update` once as root " +
		'(on Debian or Ubuntu), or set CHROMIUM_PATH to a Chromium, then run again',
};

/** Returns the Chromium to drive, installing Debian's into the engine cache first when needed. */
export async function ensureChromium(
	options: { log?: (line: string) => void } = {},
): Promise<InstalledChromium> {
	const given = process.env.CHROMIUM_PATH;
	if (given) {
		if (!existsSync(given)) throw new Error(`CHROMIUM_PATH names no file: ${given}`);
		return { label: given, binary: given, env: {} };
	}
	const unpacked = await ensureDebianPackages('chromium', CHROMIUM, options);
	return { label: unpacked.label, binary: unpacked.binary, env: unpacked.env };
}
