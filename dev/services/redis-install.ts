/** Debian's Redis (dev/pins/redis/debian-packages.json), unpacked once into the engine cache by debian-packages.ts. */
import { dirname, join } from 'node:path';
import { debianPackagesDir, ensureDebianPackages } from '../engines/debian-packages';

export interface InstalledRedis {
	/** "redis-server 7.0.15 (Debian redis-server 5:7.0.15-1~deb12u7)" */
	label: string;
	dir: string;
	serverBinary: string;
	cliBinary: string;
	/** LD_LIBRARY_PATH holding the unpacked libraries (jemalloc, lzf). */
	env: Record<string, string>;
}

const REDIS = {
	describe: (printed: string) => `redis-server ${/v=(\S+)/.exec(printed)?.[1] ?? '?'}`,
	hint:
		"the queue-mode launcher and tests fetch Redis from Debian's packages: run `apt-get update` once as root " +
		'(on Debian or Ubuntu), then run again',
};

export function redisCacheDir(): string {
	return debianPackagesDir('redis');
}

/** Returns the cached Redis, installing it first when the cache lacks it. */
export async function ensureRedis(
	options: { log?: (line: string) => void } = {},
): Promise<InstalledRedis> {
	const unpacked = await ensureDebianPackages('redis', REDIS, options);
	return {
		label: unpacked.label,
		dir: unpacked.dir,
		serverBinary: unpacked.binary,
		cliBinary: join(dirname(unpacked.binary), 'redis-cli'),
		env: unpacked.env,
	};
}
