/** remote.it application type ids and their titles (docs/remoteit-api.md §3). */
const TITLES: Record<number, string> = {
	1: 'Generic TCP',
	4: 'VNC',
	5: 'RDP',
	7: 'HTTP',
	8: 'HTTPS',
	28: 'SSH',
	35: 'Bulk Service',
};

/**
 * `applicationTypes`: remote.it's ApplicationType fields (schema); the values are emulator-defined (remote.it's
 * own list is not published), ids and ports as in docs/remoteit-api.md §3.
 */
export const APPLICATION_TYPES = [
	{
		id: 1,
		name: 'Generic TCP',
		description: 'Generic TCP',
		port: null,
		proxy: false,
		scheme: null,
		protocol: 'TCP',
	},
	{
		id: 4,
		name: 'VNC',
		description: 'VNC remote desktop',
		port: 5900,
		proxy: false,
		scheme: 'vnc',
		protocol: 'TCP',
	},
	{
		id: 5,
		name: 'RDP',
		description: 'Remote Desktop Protocol',
		port: 3389,
		proxy: false,
		scheme: 'rdp',
		protocol: 'TCP',
	},
	{
		id: 7,
		name: 'HTTP',
		description: 'Web (HTTP)',
		port: 80,
		proxy: true,
		scheme: 'http',
		protocol: 'TCP',
	},
	{
		id: 8,
		name: 'HTTPS',
		description: 'Secure web (HTTPS)',
		port: 443,
		proxy: true,
		scheme: 'https',
		protocol: 'TCP',
	},
	{
		id: 28,
		name: 'SSH',
		description: 'Secure Shell',
		port: 22,
		proxy: false,
		scheme: 'ssh',
		protocol: 'TCP',
	},
	{
		id: 35,
		name: 'Bulk Service',
		description: 'The device itself',
		port: 65535,
		proxy: false,
		scheme: null,
		protocol: 'TCP',
	},
];

export function applicationTitle(application: number): string {
	return TITLES[application] ?? 'TCP';
}

function octets(value: number): string[] {
	return [(value >> 8) & 0xff, value & 0xff].map((b) =>
		b.toString(16).toUpperCase().padStart(2, '0'),
	);
}

/**
 * REST `devicetype`: 16 colon-separated hex octets; octets 1-2 hold the application type id and
 * octets 11-12 the port (docs/remoteit-api.md §2). The other octets carry flags we do not model.
 */
export function encodeDeviceType(application: number, port: number): string {
	const bytes = Array.from({ length: 16 }, () => '00');
	bytes.splice(0, 2, ...octets(application));
	bytes.splice(10, 2, ...octets(port));
	return bytes.join(':');
}
