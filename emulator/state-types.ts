/** The emulator's live records, built from a seed and mutated by requests and the control API. */
import type { MfaCode, SeedForeignSession } from './seed-types';

export type OnlineState = 'active' | 'inactive';

export interface ServiceRecord {
	id: string;
	name: string;
	application: number;
	port: number;
	state: OnlineState;
	deviceId: string;
	target?: string;
	sessions?: SeedForeignSession[];
	/** Names of the account's tags on this service; a device's tags are those of its Bulk Service. */
	tags: string[];
}

export interface DeviceRecord {
	id: string;
	name: string;
	state: OnlineState;
	hardwareId: string;
	lastReported: Date;
	lastIp: string;
	createdAt: Date;
	ownerEmail: string;
	/** Always includes the device's own Bulk Service (application 35, id = device id). */
	services: ServiceRecord[];
}

export interface AccessKeyRecord {
	id: string;
	/** The decoded HMAC key (docs/remoteit-api.md §4). */
	key: Buffer;
	enabled: boolean;
}

export interface UserRecord {
	email: string;
	guid: string;
	password: string;
	developerKey: string;
	mfa: MfaCode | null;
	accessKeys: AccessKeyRecord[];
	devices: DeviceRecord[];
	/** The account's tags (remote.it's `User.tags`), in the order they were made. */
	tags: TagRecord[];
}

export interface TagRecord {
	name: string;
	color: number | null;
	createdAt: Date;
}

export interface TokenRecord {
	email: string;
	expiresAtMs: number;
}

export type EventType = 'DEVICE_STATE' | 'DEVICE_CONNECT' | 'DEVICE_SHARE';

export interface EventRecord {
	id: string;
	type: EventType;
	state: string;
	timestampMs: number;
	ownerEmail: string;
	targetId: string;
	targetName: string;
	/** DEVICE_CONNECT: the connection (= session) id. */
	sessionId?: string;
}
