/**
 * What a failed name lookup found nearest, so that its error says where the user went wrong: the device exists
 * and these are its services, or these are the device names closest to the one typed.
 */
import type { Device } from './types';

/** Levenshtein distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
	const s = a.toLowerCase();
	const t = b.toLowerCase();
	let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
	for (let i = 1; i <= s.length; i++) {
		const current = [i];
		for (let j = 1; j <= t.length; j++) {
			current[j] = Math.min(
				previous[j] + 1,
				current[j - 1] + 1,
				previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1),
			);
		}
		previous = current;
	}
	return previous[t.length];
}

/**
 * Up to `max` names close to `typed`: one contains the other, or they differ by a typo or two (a third of the
 * typed length at most). Nearest first; none when nothing is close, rather than unrelated names.
 */
export function closestNames(typed: string, names: string[], max = 3): string[] {
	const wanted = typed.trim().toLowerCase();
	if (wanted === '') return [];
	const allowed = Math.max(2, Math.floor(wanted.length / 3));
	const scored = [...new Set(names)].map((name) => {
		const lower = name.toLowerCase();
		const contains = lower.includes(wanted) || wanted.includes(lower);
		return { name, distance: editDistance(wanted, lower), contains };
	});
	return scored
		.filter(({ distance, contains }) => contains || distance <= allowed)
		.sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
		.slice(0, max)
		.map(({ name }) => name);
}

const quoted = (names: string[]): string => names.map((name) => `"${name}"`).join(', ');

/** "Closest device names: "factory-gateway"." or "No device has a similar name (5 devices)." */
export function closestDevicesSentence(typedNames: string[], devices: Device[]): string {
	const names = devices.map((device) => device.name);
	const closest = [...new Set(typedNames.flatMap((typed) => closestNames(typed, names)))].slice(
		0,
		3,
	);
	if (closest.length > 0) return `Closest device names: ${quoted(closest)}.`;
	return `No device has a similar name (${devices.length} device${devices.length === 1 ? '' : 's'} in the account).`;
}

/**
 * "Device "factory-gateway" exists, but has no service "Telnet"; its services: "SSH", "Web UI"."
 * Names are sorted: GraphQL and REST list a device's services in different orders.
 */
export function servicesSentence(device: Device, missing: string): string {
	const exists = `Device "${device.name}" exists, but has no service "${missing}"`;
	if (device.services.length === 0) return `${exists}; it has no services.`;
	return `${exists}; its services: ${quoted(device.services.map((service) => service.name).sort((a, b) => a.localeCompare(b)))}.`;
}
