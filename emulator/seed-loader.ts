/** Loads a seed (object or JSON file) and validates it with messages that name the offending field. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForeignSessions, parseTarget } from './seed-service-extras';
import type { MfaCode, Seed, SeedAccessKey, SeedDevice, SeedService, SeedUser } from './seed-types';

/** The demo seed ships as source; a compiled copy in dist/emulator still finds it. */
export const DEMO_SEED_PATH =
	[
		join(__dirname, 'seed', 'demo.json'),
		join(__dirname, '..', '..', 'emulator', 'seed', 'demo.json'),
	].find(existsSync) ?? join(__dirname, 'seed', 'demo.json');

export class SeedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SeedError';
	}
}

const SERVICE_ID = /^[0-9A-F]{2}(:[0-9A-F]{2}){7}$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MFA_CODES: readonly MfaCode[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP'];

type Json = Record<string, unknown>;

function fail(where: string, problem: string): never {
	throw new SeedError(`invalid seed: ${where} ${problem}`);
}

function objectAt(value: unknown, where: string): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		fail(where, 'must be an object');
	return value as Json;
}

function arrayAt(value: unknown, where: string): unknown[] {
	if (!Array.isArray(value)) fail(where, 'must be an array');
	return value;
}

function stringAt(record: Json, key: string, where: string): string {
	const value = record[key];
	if (typeof value !== 'string' || value.trim() === '')
		fail(`${where}.${key}`, 'must be a non-empty string');
	return value;
}

function optionalStringAt(record: Json, key: string, where: string): string | undefined {
	return record[key] === undefined ? undefined : stringAt(record, key, where);
}

function integerAt(record: Json, key: string, where: string, min: number, max: number): number {
	const value = record[key];
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		fail(`${where}.${key}`, `must be an integer from ${min} to ${max}`);
	}
	return value;
}

function stateAt(
	record: Json,
	key: string,
	where: string,
	fallback?: 'active',
): 'active' | 'inactive' {
	const value = record[key] ?? fallback;
	if (value !== 'active' && value !== 'inactive')
		fail(`${where}.${key}`, 'must be "active" or "inactive"');
	return value;
}

function idAt(record: Json, where: string): string {
	const id = stringAt(record, 'id', where);
	if (!SERVICE_ID.test(id))
		fail(`${where}.id`, 'must be 8 colon-separated hex octets like 80:00:00:00:01:00:00:01');
	return id.toUpperCase();
}

function parseService(value: unknown, where: string): SeedService {
	const record = objectAt(value, where);
	return {
		id: idAt(record, where),
		name: stringAt(record, 'name', where),
		application: integerAt(record, 'application', where, 0, 65535),
		port: integerAt(record, 'port', where, 0, 65535),
		state: stateAt(record, 'state', where, 'active'),
		target: parseTarget(record, where, fail),
		sessions: parseForeignSessions(record, where, fail),
	};
}

function parseDevice(value: unknown, where: string): SeedDevice {
	const record = objectAt(value, where);
	const lastReported = optionalStringAt(record, 'lastReported', where);
	if (lastReported !== undefined && Number.isNaN(Date.parse(lastReported)))
		fail(`${where}.lastReported`, 'must be an ISO date');
	const device: SeedDevice = {
		id: idAt(record, where),
		name: stringAt(record, 'name', where),
		state: stateAt(record, 'state', where),
		hardwareId: optionalStringAt(record, 'hardwareId', where),
		lastReported,
		lastIp: optionalStringAt(record, 'lastIp', where),
		tags: arrayAt(record.tags ?? [], `${where}.tags`).map((tag, i) =>
			stringAt({ tag }, 'tag', `${where}.tags[${i}]`),
		),
		services: arrayAt(record.services, `${where}.services`).map((s, i) =>
			parseService(s, `${where}.services[${i}]`),
		),
	};
	for (const [i, service] of device.services.entries()) {
		if (service.application === 35 && service.id !== device.id) {
			fail(
				`${where}.services[${i}].id`,
				'of a Bulk Service (application 35) must equal the device id',
			);
		}
	}
	return device;
}

function parseAccessKey(value: unknown, where: string): SeedAccessKey {
	const record = objectAt(value, where);
	const secret = stringAt(record, 'secret', where);
	if (!BASE64.test(secret) || secret.length % 4 !== 0)
		fail(`${where}.secret`, 'must be base64 (the HMAC key is the decoded bytes)');
	if (typeof record.enabled !== 'boolean') fail(`${where}.enabled`, 'must be true or false');
	return { id: stringAt(record, 'id', where), secret, enabled: record.enabled };
}

function parseMfa(value: unknown, where: string): boolean | MfaCode {
	if (value === undefined) return false;
	if (typeof value === 'boolean' || MFA_CODES.includes(value as MfaCode))
		return value as boolean | MfaCode;
	fail(`${where}.mfa`, `must be true, false or one of ${MFA_CODES.join(', ')}`);
}

function parseUser(value: unknown, where: string): SeedUser {
	const record = objectAt(value, where);
	return {
		email: stringAt(record, 'email', where).toLowerCase(),
		password: stringAt(record, 'password', where),
		developerKey: stringAt(record, 'developerKey', where),
		mfa: parseMfa(record.mfa, where),
		accessKeys: arrayAt(record.accessKeys ?? [], `${where}.accessKeys`).map((k, i) =>
			parseAccessKey(k, `${where}.accessKeys[${i}]`),
		),
		devices: arrayAt(record.devices ?? [], `${where}.devices`).map((d, i) =>
			parseDevice(d, `${where}.devices[${i}]`),
		),
	};
}

function assertUnique(values: string[], what: string): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value)) throw new SeedError(`invalid seed: duplicate ${what} ${value}`);
		seen.add(value);
	}
}

/** Validates an untrusted seed value and returns a normalised copy (ids upper-case, emails lower-case). */
export function validateSeed(value: unknown): Seed {
	const users = arrayAt(objectAt(value, 'seed').users, 'users').map((u, i) =>
		parseUser(u, `users[${i}]`),
	);
	assertUnique(
		users.map((u) => u.email),
		'user email',
	);
	assertUnique(
		users.map((u) => u.developerKey),
		'developer key (of another user)',
	);
	assertUnique(
		users.flatMap((u) => u.accessKeys.map((k) => k.id)),
		'access key id',
	);
	assertUnique(
		users.flatMap((u) => u.devices.map((d) => d.id)),
		'device id',
	);
	const serviceIds = users.flatMap((u) =>
		u.devices.flatMap((d) =>
			d.services
				.filter((s) => s.application !== 35)
				.map((s) => s.id)
				.concat(d.id),
		),
	);
	assertUnique(serviceIds, 'service id');
	return { users };
}

/** Reads and validates a seed file; errors are one line and never include file contents beyond the field path. */
export function loadSeedFile(path: string): Seed {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		throw new SeedError(
			`cannot read seed file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`,
		);
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new SeedError(`seed file ${path} is not valid JSON`);
	}
	return validateSeed(parsed);
}

export function resolveSeed(seed: Seed | string | undefined): Seed {
	if (seed === undefined) return loadSeedFile(DEMO_SEED_PATH);
	return typeof seed === 'string' ? loadSeedFile(seed) : validateSeed(seed);
}
