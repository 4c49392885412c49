/** The demo device's SSH answers (dev/device/device-facts.ts): a fixed set of commands, nothing run on the host. */
import { answerCommand, KNOWN_COMMANDS } from '../../dev/device/device-facts';

const BOOTED = Date.parse('2026-01-01T00:00:00Z');
const NOW = Date.parse('2026-01-13T03:04:30Z');

it('answers every known command with exit 0 and a line of output', () => {
	for (const command of KNOWN_COMMANDS) {
		const answer = answerCommand(command, BOOTED, NOW);
		expect({
			command,
			code: answer.code,
			stderr: answer.stderr,
			endsWithNewline: answer.stdout.endsWith('\n'),
		}).toEqual({ command, code: 0, stderr: '', endsWithNewline: true });
	}
	expect(answerCommand('uptime', BOOTED, NOW).stdout).toBe(
		' 03:04:30 up 12 days, 3:04,  1 user,  load average: 0.08, 0.05, 0.01\n',
	);
});

it('ignores the working-directory prefix SSH clients add, quoted or not', () => {
	for (const line of [
		'cd / ; cat /etc/hostname',
		"cd '/home/pi' ; cat /etc/hostname",
		'cd /tmp && cat  /etc/hostname',
	]) {
		expect(answerCommand(line, BOOTED, NOW)).toEqual({
			stdout: 'factory-gateway\n',
			stderr: '',
			code: 0,
		});
	}
});

it('says "command not found" (exit 127) for anything else, including what a shell would have chained', () => {
	expect(answerCommand('rm -rf /', BOOTED, NOW)).toEqual({
		stdout: '',
		stderr: 'bash: rm: command not found\n',
		code: 127,
	});
	expect(answerCommand('uname -a; id', BOOTED, NOW).code).toBe(127);
	expect(answerCommand('$(reboot)', BOOTED, NOW).code).toBe(127);
});
