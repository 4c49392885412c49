/** Timing helpers shared by the benchmarks: a monotonic clock, bounded sampling loops and percentiles. */
import { performance } from 'node:perf_hooks';

/** Milliseconds on the monotonic clock (not Date.now, which NTP can move mid-run). */
export const nowMs = (): number => performance.now();

/** Runs `task` and returns its result with the wall time it took. */
export async function timed<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const start = nowMs();
	const result = await task();
	return { result, ms: nowMs() - start };
}

export interface SampleBudget {
	/** Stop after this many timed runs... */
	maxRuns: number;
	/** ...or once this much time went into timed runs, whichever comes first (keeps every benchmark bounded). */
	maxMs: number;
}

/** Durations (ms) of sequential runs of `task`, within the budget (warm up before calling). */
export async function sampleDurations(
	task: () => Promise<unknown>,
	budget: SampleBudget,
): Promise<number[]> {
	const durations: number[] = [];
	const deadline = nowMs() + budget.maxMs;
	while (durations.length < budget.maxRuns && nowMs() < deadline) {
		durations.push((await timed(task)).ms);
	}
	return durations;
}

/** Nearest-rank percentile (p in 0..100) of the samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);
