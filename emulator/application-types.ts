/** remote.it application type ids and their titles (contract section 3). */
const TITLES: Record<number, string> = {
  1: 'Generic TCP',
  4: 'VNC',
  5: 'RDP',
  7: 'HTTP',
  8: 'HTTPS',
  28: 'SSH',
  35: 'Bulk Service',
};

export function applicationTitle(application: number): string {
  return TITLES[application] ?? 'TCP';
}

function octets(value: number): string[] {
  return [(value >> 8) & 0xff, value & 0xff].map((b) => b.toString(16).toUpperCase().padStart(2, '0'));
}

/**
 * REST `devicetype`: 16 colon-separated hex octets; octets 1-2 hold the application type id and
 * octets 11-12 the port (contract section 2). The other octets carry flags we do not model.
 */
export function encodeDeviceType(application: number, port: number): string {
  const bytes = Array.from({ length: 16 }, () => '00');
  bytes.splice(0, 2, ...octets(application));
  bytes.splice(10, 2, ...octets(port));
  return bytes.join(':');
}
