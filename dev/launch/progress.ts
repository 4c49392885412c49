/** Long waits in the launchers say how long they have taken, so a quiet minute never looks like a hang. */
import { formatDuration } from '../engines/run-command';

/**
 * Runs `work`; while it runs, says `still <activity> (45s)…` every `everyMs`, and once it is done,
 * `<activity>: done in 1m 5s`.
 */
export async function withProgress<T>(
	activity: string,
	log: (line: string) => void,
	work: () => Promise<T>,
	everyMs = 15_000,
): Promise<T> {
	const started = Date.now();
	log(`${activity}…`);
	const timer = setInterval(
		() => log(`still ${activity} (${formatDuration(Date.now() - started)})…`),
		everyMs,
	);
	try {
		const result = await work();
		log(`${activity}: done in ${formatDuration(Date.now() - started)}`);
		return result;
	} finally {
		clearInterval(timer);
	}
}
