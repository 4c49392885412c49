/** Runs npm the way an engine's own installer does: with the engine's Node first on PATH. */
import { execFileSync } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

/** `nodeBinary`'s folder first on PATH, so `npm` and its scripts run on the engine's Node. */
export function engineEnvironment(nodeBinary: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PATH: `${dirname(nodeBinary)}${delimiter}${process.env.PATH ?? ''}`,
	};
	delete env.NODE_ENV;
	return env;
}

/** Runs `command args` in `cwd`; a failure throws with npm's own output. */
export function runInstaller(
	command: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
): string {
	try {
		return execFileSync(command, args, {
			cwd,
			env,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`);
	}
}
