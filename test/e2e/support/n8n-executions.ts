/**
 * Executions as n8n stored them in PostgreSQL (queue mode: the workers write them): `execution_entity` for the
 * status, `execution_data` for the run, which n8n serialises with `flatted` (loaded from the n8n install).
 */
import { join } from 'node:path';
import type { InstalledEngine } from '../../../dev/engines/install';
import type { ExecutionRun } from '../../../dev/n8n/n8n-cli';
import type { RunningPostgres } from '../../../dev/services/postgres';
import { queryPostgres } from './postgres-query';

export interface StoredExecution {
	id: string;
	status: string;
	mode: string;
	run: ExecutionRun;
}

function parseFlatted(engine: InstalledEngine, text: string): ExecutionRun {
	const n8nDir = join(engine.dir, 'node_modules', 'n8n');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { parse } = require(require.resolve('flatted', { paths: [n8nDir] })) as {
		parse(text: string): unknown;
	};
	return { data: parse(text) } as ExecutionRun;
}

/** The workflow's finished executions (running ones have no stored run yet), oldest first. */
export async function storedExecutions(
	engine: InstalledEngine,
	postgres: RunningPostgres,
	workflowId: string,
): Promise<StoredExecution[]> {
	const rows = await queryPostgres(
		engine,
		postgres,
		`SELECT e.id::text AS id, e.status, e.mode, d.data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id
     WHERE e."workflowId" = $1 AND e.finished IS NOT NULL AND e."stoppedAt" IS NOT NULL ORDER BY e.id`,
		[workflowId],
	);
	return rows.map((row) => ({
		id: String(row.id),
		status: String(row.status),
		mode: String(row.mode),
		run: parseFlatted(engine, String(row.data)),
	}));
}

/** The json of the items a node output in an execution (first run, first output). */
export function itemsOf(
	execution: StoredExecution,
	nodeName: string,
): Array<Record<string, unknown>> {
	const nodeRun = execution.run.data.resultData.runData[nodeName]?.[0];
	return (nodeRun?.data?.main[0] ?? []).map((item) => item.json);
}
