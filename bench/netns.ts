/**
 * The link the wire benchmarks cross: where root may, a network namespace of the bench's own with a veth pair into
 * it, so the emulator and its latency proxy sit behind a real network interface (their own loopback, their own TCP
 * stack) instead of sharing the client's. The kernel has no netem qdisc, so the delay itself still comes from the
 * latency proxy (bench/latency-proxy.ts). Everything stays on this machine: 10.213.0.0/16, one /30 per bench
 * process. Removed when the bench exits (bench/run.ts turns SIGINT and SIGTERM into an exit); namespaces left by a
 * bench that was killed outright are removed at the next start. Where namespaces cannot be made, `openLink` says
 * why and the link is loopback (REMOTEIT_BENCH_LINK=loopback asks for loopback anyway, to compare).
 */
import { spawnSync } from 'node:child_process';

const PREFIX = 'remoteit-bench-';
const ADDRESS_VARIABLE = 'REMOTEIT_BENCH_VETH_ADDRESS';

export interface Link {
	/** For table headers: "a veth pair into a network namespace" or "loopback". */
	label: string;
	/** The address the emulator's side listens on and clients connect to. */
	address: string;
	/** Prefix that runs a command on the emulator's side of the link (empty for loopback). */
	exec: string[];
	close(): void;
}

/**
 * The namespace-side address for this bench run, chosen before the bench CA is made (its server certificate must
 * name it) and handed to the re-run bench process through the environment.
 */
export function chooseVethAddress(pid = process.pid): string {
	const block = pid % 16384; // /30 blocks of 10.213.0.0/16
	return `10.213.${block >> 6}.${(block & 63) * 4 + 2}`;
}

export const vethAddressVariable = ADDRESS_VARIABLE;

function ip(args: string[]): { ok: boolean; output: string } {
	const run = spawnSync('ip', args, { encoding: 'utf8' });
	const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error.message) : ''}`;
	return { ok: run.status === 0, output: output.trim() };
}

const alive = (pid: number): boolean => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/** Namespaces of bench processes that are gone (killed before they could clean up). */
function removeStale(): void {
	const listed = ip(['netns', 'list']);
	if (!listed.ok) return;
	for (const line of listed.output.split('\n')) {
		const name = line.split(' ')[0];
		const pid = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length) : Number.NaN);
		if (Number.isInteger(pid) && !alive(pid)) ip(['netns', 'del', name]);
	}
}

const loopback = (why: string): Link => {
	process.stderr.write(`[bench] link: loopback (${why})\n`);
	return { label: 'loopback', address: '127.0.0.1', exec: [], close: () => undefined };
};

/** Opens the link once per process; the same link serves every wire benchmark of the run. */
let opened: Link | undefined;
export function openLink(): Link {
	return (opened ??= createLink());
}

function createLink(): Link {
	const nsAddress = process.env[ADDRESS_VARIABLE];
	if (process.env.REMOTEIT_BENCH_LINK === 'loopback')
		return loopback('REMOTEIT_BENCH_LINK=loopback asks for it');
	if (!nsAddress) return loopback(`${ADDRESS_VARIABLE} is not set`);
	if (process.getuid?.() !== 0) return loopback('not root: network namespaces need CAP_SYS_ADMIN');
	removeStale();
	const name = `${PREFIX}${process.pid}`;
	const hostSide = `rb${process.pid}h`;
	const nsSide = `rb${process.pid}n`;
	const hostAddress = nsAddress.replace(/\.(\d+)$/, (_, last: string) => `.${Number(last) - 1}`);
	const close = (): void => {
		ip(['netns', 'del', name]); // takes the veth pair with it
		ip(['link', 'del', hostSide]);
	};
	const steps: string[][] = [
		['netns', 'add', name],
		['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', nsSide, 'netns', name],
		['addr', 'add', `${hostAddress}/30`, 'dev', hostSide],
		['link', 'set', hostSide, 'up'],
		['-n', name, 'addr', 'add', `${nsAddress}/30`, 'dev', nsSide],
		['-n', name, 'link', 'set', nsSide, 'up'],
		['-n', name, 'link', 'set', 'lo', 'up'],
	];
	for (const step of steps) {
		const result = ip(step);
		if (!result.ok) {
			close();
			return loopback(`ip ${step.join(' ')}: ${result.output || 'failed'}`);
		}
	}
	// bench/run.ts turns SIGINT and SIGTERM into an exit.
	process.once('exit', close);
	process.stderr.write(
		`[bench] link: veth pair ${hostSide} (${hostAddress}) ↔ ${nsSide} (${nsAddress}) in network namespace ${name}\n`,
	);
	return {
		label: 'a veth pair into a network namespace',
		address: nsAddress,
		exec: ['ip', 'netns', 'exec', name],
		close: () => {
			close();
			opened = undefined;
		},
	};
}
