/**
 * What the demo device answers about itself (made up; the factory-gateway of emulator/seed/demo.json). The SSH
 * service answers these fixed commands and nothing else: it executes nothing on the host.
 */
export const DEVICE_HOSTNAME = 'factory-gateway';
const KERNEL =
	'Linux factory-gateway 6.6.31+rpt-rpi-v8 #1 SMP PREEMPT Debian 1:6.6.31-1+rpt1 (2024-05-29) aarch64 GNU/Linux';

function uptime(bootedAtMs: number, nowMs: number): string {
	const minutes = Math.floor((nowMs - bootedAtMs) / 60_000);
	const days = Math.floor(minutes / 1440);
	const clock = `${Math.floor((minutes % 1440) / 60)}:${String(minutes % 60).padStart(2, '0')}`;
	const time = new Date(nowMs).toISOString().slice(11, 19);
	return ` ${time} up ${days} days, ${clock},  1 user,  load average: 0.08, 0.05, 0.01`;
}

export interface CommandAnswer {
	stdout: string;
	stderr: string;
	code: number;
}

/** A leading `cd <dir> ; ` is how SSH clients such as n8n's SSH node (node-ssh) pass a working directory. */
const CHANGE_DIRECTORY = /^cd\s+('[^']*'|"[^"]*"|\S+)\s*(;|&&)\s*/;

/** Answers one command line; anything outside the fixed set is "command not found" (exit 127), as a shell says. */
export function answerCommand(
	commandLine: string,
	bootedAtMs: number,
	nowMs = Date.now(),
): CommandAnswer {
	const command = commandLine.trim().replace(CHANGE_DIRECTORY, '').replace(/\s+/g, ' ');
	const answers: Record<string, () => string> = {
		'uname -a': () => KERNEL,
		uptime: () => uptime(bootedAtMs, nowMs),
		'cat /etc/hostname': () => DEVICE_HOSTNAME,
		hostname: () => DEVICE_HOSTNAME,
		whoami: () => 'pi',
		'echo $HOME': () => '/home/pi',
	};
	const answer = answers[command];
	if (answer) return { stdout: `${answer()}\n`, stderr: '', code: 0 };
	const name = command.split(' ')[0] || commandLine;
	return { stdout: '', stderr: `bash: ${name}: command not found\n`, code: 127 };
}

/** The commands answered, for help texts and the README. */
export const KNOWN_COMMANDS = ['uname -a', 'uptime', 'cat /etc/hostname', 'hostname', 'whoami'];
