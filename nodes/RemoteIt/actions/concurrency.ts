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
			try {
				results[index] = await task(index);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker);
	await Promise.all(workers);
	return results;
}
