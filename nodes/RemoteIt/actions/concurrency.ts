/**
 * Runs `task(0..count-1)` with at most `limit` tasks in flight and returns the results in index order, whatever
 * order they finish in. The first rejection stops new tasks from starting and rejects the whole run.
 */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failed = false;
	const worker = async (): Promise<void> => {
		while (!failed && next < count) {
			const index = next++;
			const running = task(index);
			// A failure stops new tasks; the rejection itself (already an n8n node error) reaches Promise.all unchanged.
			running.catch(() => {
				failed = true;
			});
			results[index] = await running;
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker);
	await Promise.all(workers);
	return results;
}
