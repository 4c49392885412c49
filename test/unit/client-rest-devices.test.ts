import fc from 'fast-check';
import { groupRestDevices, parseDeviceType } from '../../client/account/devices';

/** REST device/list/all entries (docs/remoteit-api.md §2): one per service, the device as its Bulk Service entry. */
const entry = (
	address: string,
	alias: string,
	title: string,
	devicetype: string,
	state = 'active',
) => ({
	deviceaddress: address,
	devicealias: alias,
	devicestate: state,
	servicetitle: title,
	devicetype,
	lastcontacted: '2026-01-05T08:00:00.000Z',
});
const BULK = '00:23:00:00:00:00:00:00:00:00:FF:FF:00:00:00:00';
const SSH = '00:1C:00:00:00:00:00:00:00:00:00:16:00:00:00:00';
const HTTP = '00:07:00:00:00:00:00:00:00:00:00:50:00:00:00:00';

describe('devicetype octets', () => {
	it('reads the application type from octets 1-2 and the port from octets 11-12', () => {
		expect(parseDeviceType(SSH)).toEqual({ application: 28, port: 22 });
		expect(parseDeviceType(BULK)).toEqual({ application: 35, port: 65535 });
		expect(parseDeviceType(HTTP.toLowerCase())).toEqual({ application: 7, port: 80 });
	});

	it('property: never throws, and unreadable values give no application and no port', () => {
		fc.assert(
			fc.property(fc.anything(), (value) => {
				const parsed = parseDeviceType(value);
				expect(Number.isInteger(parsed.application)).toBe(true);
			}),
			{ numRuns: 300 },
		);
		expect(parseDeviceType('00:1C')).toEqual({ application: 0, port: null });
	});
});

describe('grouping REST entries into devices', () => {
	const entries = [
		entry('80:00:00:00:01:00:00:02', 'SSH', 'SSH', SSH),
		entry('80:00:00:00:01:00:00:01', 'factory-gateway', 'Bulk Service', BULK),
		entry('80:00:00:00:01:00:00:03', 'Web UI', 'HTTP', HTTP),
		entry('80:00:00:00:09:00:00:01', 'legacy-box', 'SSH', SSH, 'inactive'),
	];
	const metadata = {
		'80:00:00:00:01:00:00:01': { hardwareid: 'hw-1' },
		'80:00:00:00:01:00:00:02': { hardwareid: 'hw-1' },
		'80:00:00:00:01:00:00:03': { hardwareid: 'hw-1' },
	};

	it('makes the Bulk Service entry the device and the entries sharing its hardwareid its services', () => {
		const devices = groupRestDevices(entries, metadata);
		expect(devices[0]).toMatchObject({
			id: '80:00:00:00:01:00:00:01',
			name: 'factory-gateway',
			hardwareId: 'hw-1',
			online: true,
		});
		expect(devices[0].services.map((s) => [s.name, s.application, s.port, s.type])).toEqual([
			['SSH', 28, 22, 'SSH'],
			['Web UI', 7, 80, 'HTTP'],
		]);
	});

	it('keeps a service without hardwareid or Bulk Service entry as a device of its own', () => {
		const legacy = groupRestDevices(entries, metadata).find((d) => d.name === 'legacy-box');
		expect(legacy).toMatchObject({
			id: '80:00:00:00:09:00:00:01',
			state: 'inactive',
			online: false,
		});
		expect(legacy?.services).toHaveLength(1);
	});

	it('property: never throws on arbitrary answers', () => {
		fc.assert(
			fc.property(fc.array(fc.anything()), fc.anything(), (list, meta) => {
				expect(Array.isArray(groupRestDevices(list, meta))).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});
});
