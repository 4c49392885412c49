/** The processes below a pid, read from /proc (Linux), and whether they still run. */
import { readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';

export interface ProcessInfo {
	pid: number;
	command: string;
}

/** pid, parent pid and state from /proc/<pid>/stat ("pid (comm) S ppid …"; comm may hold spaces and parentheses). */
function statOf(pid: number): { ppid: number; state: string } | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { ppid: Number(ppid), state: state ?? '' };
	} catch {
		return undefined;
	}
}

function commandOf(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
	} catch {
		return '';
	}
}

/** Every live descendant of `root` (children, their children, …), with its command line. */
export function descendantsOf(root: number): ProcessInfo[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		if (!Number.isInteger(pid)) continue;
		const stat = statOf(pid);
		if (!stat || stat.state === 'Z') continue;
		children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
	}
	const found: ProcessInfo[] = [];
	const queue = [...(children.get(root) ?? [])];
	while (queue.length > 0) {
		const pid = queue.shift() as number;
		found.push({ pid, command: commandOf(pid) });
		queue.push(...(children.get(pid) ?? []));
	}
	return found;
}

/** Whether the process still runs (a zombie has exited; a recycled pid runs another command). */
export function isRunning(process: ProcessInfo): boolean {
	const stat = statOf(process.pid);
	return stat !== undefined && stat.state !== 'Z' && commandOf(process.pid) === process.command;
}

/** Whether something accepts connections on the loopback port. */
export function isListening(port: number): Promise<boolean> {
	return new Promise((resolvePromise) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolvePromise(true);
		});
		socket.once('error', () => resolvePromise(false));
	});
}
