/**
 * Optional seed fields of a service the emulator defines (no remote.it source; emulator/README.md):
 * `target` (where its proxies forward) and `sessions` (live sessions other people hold on it).
 */
import type { SeedForeignSession } from './seed-types';

type Json = Record<string, unknown>;
type Fail = (where: string, problem: string) => never;

/**
 * `host:port` on loopback, a built-in responder (`http`: a small device web page; `echo`), or `device:<name>`: a
 * device service started beside the emulator, whose address startEmulator's `deviceServices` gives.
 */
const TARGET = /^(http|echo|(127\.0\.0\.1|localhost):\d{1,5}|device:[a-z][a-z0-9-]{0,30})$/;

export function parseTarget(record: Json, where: string, fail: Fail): string | undefined {
	const value = record.target;
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !TARGET.test(value))
		fail(`${where}.target`, 'must be "http", "echo", "device:<name>" or "127.0.0.1:<port>"');
	const port =
		value.includes(':') && !value.startsWith('device:') ? Number(value.split(':')[1]) : 1;
	if (port < 1 || port > 65535) fail(`${where}.target`, 'has a port outside 1-65535');
	return value;
}

export function parseForeignSessions(
	record: Json,
	where: string,
	fail: Fail,
): SeedForeignSession[] | undefined {
	const value = record.sessions;
	if (value === undefined) return undefined;
	if (!Array.isArray(value)) fail(`${where}.sessions`, 'must be an array');
	return value.map((entry: unknown, i) => {
		const at = `${where}.sessions[${i}]`;
		if (typeof entry !== 'object' || entry === null) fail(at, 'must be an object');
		const { email, proxy } = entry as Json;
		if (typeof email !== 'string' || !email.includes('@'))
			fail(`${at}.email`, 'must be an e-mail address');
		if (typeof proxy !== 'boolean') fail(`${at}.proxy`, 'must be true or false');
		return { email: email.toLowerCase(), proxy };
	});
}
