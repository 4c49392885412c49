/**
 * `npm run start:queue` as a user runs it: the demo comes up with a main and two workers, webhook calls run on
 * both workers and the launcher says which ran each, and Ctrl-C (SIGINT to the terminal's process group) stops
 * every process it started.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { repositoryRoot } from '../../dev/engines/catalog';
import { freePort } from '../../dev/launch/free-port';
import { setLatency } from '../support/emulator-control';

const ONLINE_SERVICES = ['02', '03', '04', '11', '12', '21', '22', '41', '42'].map(
	(last) => `80:00:00:00:01:00:00:${last}`,
);

function processesInGroup(groupId: number): string[] {
	try {
		return execFileSync('ps', ['-o', 'pid=,args=', '-g', String(groupId)], { encoding: 'utf8' })
			.split('\n')
			.filter((line) => line.trim() !== '');
	} catch {
		return []; // ps exits 1 when the group is empty
	}
}

describe('npm run start:queue', () => {
	let launcher: ChildProcess | undefined;
	let output = '';

	afterAll(async () => {
		if (launcher?.pid && launcher.exitCode === null && launcher.signalCode === null) {
			process.kill(-launcher.pid, 'SIGKILL');
			await once(launcher, 'exit');
		}
	});

	it(
		'runs the demo on two workers, names the worker of each execution, and stops everything on Ctrl-C',
		async () => {
			const [n8nPort, emulatorPort] = [await freePort(), await freePort()];
			// detached: its own process group, as a terminal gives a foreground job, so the test can Ctrl-C the group.
			launcher = spawn('npm', ['run', 'start:queue'], {
				cwd: repositoryRoot,
				detached: true,
				stdio: ['ignore', 'pipe', 'pipe'],
				env: {
					...process.env,
					N8N_PORT: String(n8nPort),
					REMOTEIT_EMULATOR_PORT: String(emulatorPort),
				},
			});
			const groupId = launcher.pid as number;
			launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			const deadline = Date.now() + 8 * 60_000;
			while (!output.includes('Ctrl-C stops')) {
				if (launcher.exitCode !== null || Date.now() > deadline)
					throw new Error(`start:queue did not come up:\n${output.slice(-4000)}`);
				await sleep(1000);
			}
			expect(output).toContain(
				`n8n editor: http://127.0.0.1:${n8nPort}/ (queue mode: main + 2 workers`,
			);

			// Slow answers keep executions overlapping: one worker runs at most 5 at once, so 9 calls need both.
			await setLatency(`http://127.0.0.1:${emulatorPort}`, 500);
			const statuses = await Promise.all(
				ONLINE_SERVICES.map(async (serviceId) => {
					const response = await fetch(`http://127.0.0.1:${n8nPort}/webhook/remoteit-connect`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ serviceId }),
					});
					await response.arrayBuffer();
					return response.status;
				}),
			);
			expect(statuses).toEqual(ONLINE_SERVICES.map(() => 200));
			const ranOn = (): string[] =>
				[...output.matchAll(/\[remoteit\] execution \d+ ran on (worker-\d)/g)].map(
					(match) => match[1] as string,
				);
			for (let waited = 0; ranOn().length < ONLINE_SERVICES.length && waited < 30; waited++)
				await sleep(1000);
			const workers = ranOn();
			expect({ executions: workers.length, workers: [...new Set(workers)].sort() }).toEqual({
				executions: ONLINE_SERVICES.length,
				workers: ['worker-1', 'worker-2'],
			});

			process.kill(-groupId, 'SIGINT');
			const [code, signal] = (await Promise.race([
				once(launcher, 'exit'),
				sleep(90_000, ['timeout'], { ref: false }),
			])) as [number | string | null, string | null];
			for (let waited = 0; processesInGroup(groupId).length > 0 && waited < 30; waited++)
				await sleep(1000);
			// npm itself may end by the SIGINT it got (as at a terminal); the launcher under it must stop cleanly.
			expect({
				ended: code === 0 || signal === 'SIGINT',
				stopped: output.includes('[remoteit] stopped.'),
				left: processesInGroup(groupId),
			}).toEqual({ ended: true, stopped: true, left: [] });
		},
		12 * 60_000,
	);
});
