/** What a benchmark returns, the printed table, and bench/results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface Figure {
	label: string;
	value: number;
	unit: string;
	decimals?: number;
}

/** An invariant the run checks and prints (e.g. "logins = 1"); a failed check fails `npm run bench`. */
export interface Check {
	what: string;
	ok: boolean;
}

export interface BenchRow {
	benchmark: string;
	case: string;
	figures: Figure[];
	checks?: Check[];
}

export interface Benchmark {
	name: string;
	run(): Promise<BenchRow[]>;
}

export interface BenchRun {
	date: string;
	machine: { node: string; platform: string; cpu: string; cores: number };
	totalSeconds: number;
	rows: BenchRow[];
}

export function machineInfo(): BenchRun['machine'] {
	const cores = cpus();
	return {
		node: process.version,
		platform: `${process.platform}-${process.arch}`,
		cpu: cores[0]?.model.trim() ?? 'unknown',
		cores: cores.length,
	};
}

function formatValue(figure: Figure): string {
	const value = figure.value.toLocaleString('en-US', {
		minimumFractionDigits: figure.decimals ?? 0,
		maximumFractionDigits: figure.decimals ?? 0,
	});
	return figure.unit ? `${value} ${figure.unit}` : value;
}

export const formatFigure = (figure: Figure): string => `${figure.label} ${formatValue(figure)}`;

function formatChecks(checks: Check[] | undefined): string {
	return (checks ?? []).map((check) => `${check.ok ? 'ok' : 'FAILED'}: ${check.what}`).join('; ');
}

/** Columns padded to their widest cell; numbers right-aligned. */
function renderGrid(header: string[], lines: string[][]): string[] {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...lines.map((line) => line[column].length)),
	);
	const render = (line: string[]) =>
		line
			.map((cell, column) =>
				column > 0 && column < line.length - 1
					? cell.padStart(widths[column])
					: cell.padEnd(widths[column]),
			)
			.join(' | ')
			.trimEnd();
	return [
		render(header),
		widths.map((width) => '-'.repeat(width)).join('-|-'),
		...lines.map(render),
	];
}

/** One small table per benchmark: a line per case, a column per figure, and the checks it made. */
export function formatTable(rows: BenchRow[]): string {
	const benchmarks = [...new Set(rows.map((row) => row.benchmark))];
	return benchmarks
		.map((benchmark) => {
			const cases = rows.filter((row) => row.benchmark === benchmark);
			const labels = cases[0].figures.map((figure) => figure.label);
			const lines = cases.map((row) => [
				row.case,
				...labels.map((label) => {
					const figure = row.figures.find((f) => f.label === label);
					return figure ? formatValue(figure) : '';
				}),
				formatChecks(row.checks),
			]);
			return [benchmark, ...renderGrid(['case', ...labels, 'checks'], lines)].join('\n');
		})
		.join('\n\n');
}

export function failedChecks(rows: BenchRow[]): string[] {
	return rows.flatMap((row) =>
		(row.checks ?? [])
			.filter((check) => !check.ok)
			.map((check) => `${row.benchmark} / ${row.case}: ${check.what}`),
	);
}

/** Writes the run as JSON (bench/results/ is git-ignored: figures depend on the machine). */
export function writeResults(run: BenchRun, directory: string): string {
	mkdirSync(directory, { recursive: true });
	const path = join(directory, 'latest.json');
	writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
	return path;
}
