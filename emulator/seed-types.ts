/** The seed file format (emulator/README.md): users, their keys, their devices and services. */

/** remote.it's two-factor refusal codes for /user/login (docs/remoteit-api.md §1). */
export type MfaCode = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';

export interface SeedAccessKey {
	/** ~20 upper-case alphanumerics. */
	id: string;
	/** Base64; the HMAC key is the decoded bytes (docs/remoteit-api.md §4). */
	secret: string;
	enabled: boolean;
}

export interface SeedService {
	/** 8 colon-separated hex octets. A Bulk Service (application 35) has the device's own id. */
	id: string;
	name: string;
	/** remote.it application type id: 1 TCP, 4 VNC, 5 RDP, 7 HTTP, 8 HTTPS, 28 SSH, 35 Bulk Service. */
	application: number;
	port: number;
	state?: 'active' | 'inactive';
	/**
	 * Where its proxies forward: `127.0.0.1:<port>`, the built-in `http` page or `echo`, or `device:<name>`, a device
	 * service whose address startEmulator's `deviceServices` gives (emulator-defined).
	 */
	target?: string;
	/** Live sessions other people (or their peer-to-peer clients) hold on this service (emulator-defined). */
	sessions?: SeedForeignSession[];
}

export interface SeedForeignSession {
	email: string;
	/** false: a peer-to-peer session (remote.it's `SessionEndpoint.proxy`). */
	proxy: boolean;
}

export interface SeedDevice {
	id: string;
	name: string;
	state: 'active' | 'inactive';
	hardwareId?: string;
	/** ISO date; defaults to the emulator's start time. */
	lastReported?: string;
	/** Last public IP the device reported from (REST `devicelastip`). */
	lastIp?: string;
	/** Names of the device's tags; the account's tags are made from them (emulator-defined: no colour). */
	tags?: string[];
	services: SeedService[];
}

export interface SeedUser {
	email: string;
	password: string;
	developerKey: string;
	/** true means SOFTWARE_TOKEN_MFA; a code picks the refusal remote.it sends. */
	mfa?: boolean | MfaCode;
	accessKeys: SeedAccessKey[];
	devices: SeedDevice[];
}

export interface Seed {
	users: SeedUser[];
}
