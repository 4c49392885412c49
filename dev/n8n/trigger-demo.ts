/**
 * The Trigger demo of `npm start`: once n8n runs the active "when a device goes offline" workflow, the emulator's
 * control API takes a device offline (emulator/README.md, POST /_emulator/online), and the launcher says when
 * the workflow has run, which is at its next poll (every minute).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { formatDuration } from '../engines/run-command';
import { TRIGGER_DEMO_DEVICE, demoWorkflowIds } from './demo/demo-data';
import { type N8nServer, type Owner, logIn } from './n8n-server';

const WAIT_FOR_RUN_MS = 3 * 60_000;

export async function setDeviceOnline(
	emulatorUrl: string,
	id: string,
	online: boolean,
): Promise<void> {
	const response = await fetch(`${emulatorUrl}/_emulator/online`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ id, online }),
	});
	if (!response.ok)
		throw new Error(`the emulator refused to set ${id} online=${online}: HTTP ${response.status}`);
}

/** The ids of the executions n8n lists for a workflow (REST API of the editor, n8n 1.x and 2.x). */
async function executionsOf(
	server: N8nServer,
	cookie: string,
	workflowId: string,
): Promise<string[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const response = await fetch(`${server.url}/rest/executions?filter=${filter}`, {
		headers: { cookie },
	});
	if (!response.ok) return [];
	const body = (await response.json()) as { data?: { results?: Array<{ id?: unknown }> } };
	return (body.data?.results ?? []).map((execution) => String(execution.id));
}

export async function runTriggerDemo(
	server: N8nServer,
	owner: Owner,
	emulatorUrl: string,
	say: (line: string) => void,
): Promise<void> {
	const cookie = await logIn(server, owner);
	say(
		`Trigger demo: the emulator takes ${TRIGGER_DEMO_DEVICE.name} offline now; "remote.it: when a device goes offline"`,
	);
	say(
		'            runs at its next poll (within a minute). Run "remote.it demo: take lab-raspberrypi offline" to repeat.',
	);
	await setDeviceOnline(emulatorUrl, TRIGGER_DEMO_DEVICE.id, false);
	const started = Date.now();
	while (Date.now() - started < WAIT_FOR_RUN_MS) {
		await sleep(5_000);
		const [execution] = await executionsOf(server, cookie, demoWorkflowIds.deviceOfflineTrigger);
		if (execution) {
			say(
				`Trigger demo: the Trigger fired after ${formatDuration(Date.now() - started)}: ${server.url}/workflow/${demoWorkflowIds.deviceOfflineTrigger}/executions/${execution}`,
			);
			return;
		}
	}
	say(
		`Trigger demo: no run after ${formatDuration(WAIT_FOR_RUN_MS)}; see the workflow's Executions tab.`,
	);
}
