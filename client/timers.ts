/**
 * The client's only use of global timers: the default `sleep` and request deadline of index.ts (scripts and
 * Node-RED). The n8n package does not ship this file: its node injects n8n-workflow's `sleep` and leaves the
 * deadline to n8n's request helper (its `timeout`). The deadline needs a timer it can cancel, or a finished script
 * would stay alive until the timeout passed.
 */
import type { StartDeadline } from './types';

export const sleepWithTimer = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));

export const startDeadline: StartDeadline = (ms, onExpiry) => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const expired = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(onExpiry()), ms);
	});
	return { expired, cancel: () => clearTimeout(timer) };
};
