/**
 * Reads a test PostgreSQL with the `pg` client n8n itself uses, loaded from the n8n engine install (the project
 * has no database client of its own).
 */
import { join } from 'node:path';
import type { InstalledEngine } from '../../../dev/engines/install';
import type { RunningPostgres } from '../../../dev/services/postgres';

interface PgClient {
	connect(): Promise<void>;
	query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
}

type PgClientConstructor = new (config: Record<string, unknown>) => PgClient;

/** Runs `sql` on its own connection; resolves with the rows. */
export async function queryPostgres(
	n8nEngine: InstalledEngine,
	postgres: RunningPostgres,
	sql: string,
	values: unknown[] = [],
): Promise<Array<Record<string, unknown>>> {
	const n8nDir = join(n8nEngine.dir, 'node_modules', 'n8n');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Client } = require(require.resolve('pg', { paths: [n8nDir] })) as {
		Client: PgClientConstructor;
	};
	const client = new Client({
		host: postgres.host,
		port: postgres.port,
		user: postgres.user,
		password: postgres.password,
		database: postgres.database,
	});
	await client.connect();
	try {
		return (await client.query(sql, values)).rows;
	} finally {
		await client.end();
	}
}

/** Every row of every table in the public schema, as text: what a `pg_dump --data-only` would hold. */
export async function dumpPostgres(
	n8nEngine: InstalledEngine,
	postgres: RunningPostgres,
): Promise<string> {
	const tables = await queryPostgres(
		n8nEngine,
		postgres,
		"SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
	);
	const parts: string[] = [];
	for (const { tablename } of tables) {
		const rows = await queryPostgres(
			n8nEngine,
			postgres,
			`SELECT t::text AS row FROM public."${String(tablename)}" t`,
		);
		parts.push(
			`-- ${String(tablename)} (${rows.length} rows)`,
			...rows.map((row) => String(row.row)),
		);
	}
	return parts.join('\n');
}
