/** Runs an install step as a child process: output to a log file, a "still …" line while it runs. */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { trackChild } from '../launch/engine-process';

export interface CommandOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	logFile: string;
	/** Shown in the periodic progress line: "still installing n8n 1.123.50 (3m 10s)…". */
	activity: string;
	log: (line: string) => void;
	progressEveryMs?: number;
}

export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

function tailOf(file: string, lines: number): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

export function runCommand(
	command: string,
	args: string[],
	options: CommandOptions,
): Promise<void> {
	const started = Date.now();
	const output = createWriteStream(options.logFile, { flags: 'a' });
	output.write(`$ ${command} ${args.join(' ')}\n`);
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		trackChild(child);
		child.stdout.pipe(output, { end: false });
		child.stderr.pipe(output, { end: false });
		const timer = setInterval(
			() => options.log(`still ${options.activity} (${formatDuration(Date.now() - started)})…`),
			options.progressEveryMs ?? 30_000,
		);
		child.on('error', (error) => {
			clearInterval(timer);
			output.end();
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(timer);
			output.end(() => {
				if (code === 0) return resolvePromise();
				reject(
					new Error(
						`${command} ${args.join(' ')} failed (exit ${code}); log ${options.logFile}:\n${tailOf(options.logFile, 30)}`,
					),
				);
			});
		});
	});
}
