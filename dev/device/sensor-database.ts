/**
 * The demo device's database: the queue launcher's real PostgreSQL (dev/services/postgres.ts) with a `plant`
 * database, a `sensors` login and a small table of sensor readings. SQL goes through the `pg` client n8n itself
 * uses, loaded from the n8n engine install (the project has no database client of its own).
 */
import { join } from 'node:path';
import type { InstalledEngine } from '../engines/install';
import { type RunningPostgres, startPostgres } from '../services/postgres';

export const DATABASE_USER = 'sensors';
export const DATABASE_PASSWORD = 'sensor-password-1';
export const DATABASE_NAME = 'plant';

export interface RunningSensorDatabase {
	port: number;
	close(): Promise<void>;
}

interface PgClient {
	connect(): Promise<void>;
	query(sql: string): Promise<unknown>;
	end(): Promise<void>;
}

const READINGS = [
	['line-3/temperature', '2026-01-05T08:00:00Z', 41.5, '°C'],
	['line-3/temperature', '2026-01-05T08:05:00Z', 42.1, '°C'],
	['line-3/pressure', '2026-01-05T08:00:00Z', 2.31, 'bar'],
	['line-3/pressure', '2026-01-05T08:05:00Z', 2.29, 'bar'],
	['line-3/vibration', '2026-01-05T08:05:00Z', 0.7, 'mm/s'],
] as const;

async function run(
	n8nEngine: InstalledEngine,
	config: Record<string, unknown>,
	statements: string[],
): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Client } = require(
		require.resolve('pg', { paths: [join(n8nEngine.dir, 'node_modules', 'n8n')] }),
	) as { Client: new (c: Record<string, unknown>) => PgClient };
	const client = new Client(config);
	await client.connect();
	try {
		for (const statement of statements) await client.query(statement);
	} finally {
		await client.end();
	}
}

export async function startSensorDatabase(
	n8nEngine: InstalledEngine,
	options: { log?: (line: string) => void } = {},
): Promise<RunningSensorDatabase> {
	const postgres: RunningPostgres = await startPostgres({ log: options.log });
	try {
		const admin = {
			host: postgres.host,
			port: postgres.port,
			user: postgres.user,
			password: postgres.password,
		};
		await run(n8nEngine, { ...admin, database: postgres.database }, [
			`CREATE ROLE ${DATABASE_USER} LOGIN PASSWORD '${DATABASE_PASSWORD}'`,
			`CREATE DATABASE ${DATABASE_NAME} OWNER ${DATABASE_USER}`,
		]);
		const rows = READINGS.map(
			([sensor, at, value, unit]) => `('${sensor}', '${at}', ${value}, '${unit}')`,
		).join(', ');
		await run(
			n8nEngine,
			{ ...admin, user: DATABASE_USER, password: DATABASE_PASSWORD, database: DATABASE_NAME },
			[
				'CREATE TABLE readings (id serial PRIMARY KEY, sensor text NOT NULL, taken_at timestamptz NOT NULL, value numeric NOT NULL, unit text NOT NULL)',
				`INSERT INTO readings (sensor, taken_at, value, unit) VALUES ${rows}`,
			],
		);
	} catch (error) {
		await postgres.stop();
		throw error;
	}
	return { port: postgres.port, close: () => postgres.stop() };
}
