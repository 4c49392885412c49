/** Users, devices, services, tokens and events: the account data the API handlers read and change. */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EmulatorClock } from './clock';
import { newSessionToken } from './random-ids';
import type { Seed, SeedDevice, SeedService, SeedUser } from './seed-types';
import type {
	DeviceRecord,
	EventRecord,
	EventType,
	ServiceRecord,
	TokenRecord,
	UserRecord,
} from './state-types';

/** Constant-time comparison for passwords, developer keys and other secrets of unequal length. */
export function secretsEqual(sent: string, expected: string): boolean {
	// Hashing first gives equal-length buffers, so timingSafeEqual never throws and length is not leaked.
	const a = createHash('sha256').update(sent).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** application 35 is the device itself (docs/remoteit-api.md §3). */
export const BULK_SERVICE_APPLICATION = 35;

function serviceRecord(service: SeedService, deviceId: string): ServiceRecord {
	return {
		...service,
		id: service.id.toUpperCase(),
		state: service.state ?? 'active',
		deviceId,
		tags: [],
	};
}

function deviceRecord(device: SeedDevice, ownerEmail: string, startedAt: Date): DeviceRecord {
	const services = device.services.map((s) => serviceRecord(s, device.id));
	if (!services.some((s) => s.application === BULK_SERVICE_APPLICATION)) {
		services.unshift({
			id: device.id,
			name: 'Bulk Service',
			application: BULK_SERVICE_APPLICATION,
			port: 65535,
			state: device.state,
			deviceId: device.id,
			tags: [],
		});
	}
	const bulk = services.find((s) => s.application === BULK_SERVICE_APPLICATION) as ServiceRecord;
	bulk.tags = [...new Set(device.tags ?? [])];
	const lastReported = device.lastReported ? new Date(device.lastReported) : startedAt;
	return {
		id: device.id,
		name: device.name,
		state: device.state,
		hardwareId: device.hardwareId ?? `hw-${device.id.replace(/:/g, '').toLowerCase()}`,
		lastReported,
		lastIp: device.lastIp ?? '203.0.113.1',
		createdAt: new Date(lastReported.getTime() - 30 * 86_400_000),
		ownerEmail,
		services,
	};
}

function userRecord(user: SeedUser, startedAt: Date): UserRecord {
	return {
		email: user.email,
		guid: randomUUID(),
		password: user.password,
		developerKey: user.developerKey,
		mfa: user.mfa === true ? 'SOFTWARE_TOKEN_MFA' : user.mfa || null,
		accessKeys: user.accessKeys.map((k) => ({
			id: k.id,
			key: Buffer.from(k.secret, 'base64'),
			enabled: k.enabled,
		})),
		devices: user.devices.map((d) => deviceRecord(d, user.email, startedAt)),
		tags: [...new Set(user.devices.flatMap((d) => d.tags ?? []))].map((name) => ({
			name,
			color: null,
			createdAt: startedAt,
		})),
	};
}

export class AccountState {
	readonly users: UserRecord[];
	private readonly tokens = new Map<string, TokenRecord>();
	private readonly events: EventRecord[] = [];

	constructor(
		seed: Seed,
		private readonly clock: EmulatorClock,
		private readonly tokenTtlSeconds: number,
	) {
		this.users = seed.users.map((u) => userRecord(u, clock.now()));
		for (const user of this.users) {
			for (const device of user.devices)
				this.recordEvent(
					user.email,
					'DEVICE_STATE',
					device.state,
					device,
					device.lastReported.getTime(),
				);
		}
	}

	userByEmail(email: string): UserRecord | undefined {
		return this.users.find((u) => u.email === email.trim().toLowerCase());
	}

	userByDeveloperKey(developerKey: string): UserRecord | undefined {
		return this.users.find((u) => secretsEqual(developerKey, u.developerKey));
	}

	accessKey(id: string): { user: UserRecord; key: UserRecord['accessKeys'][number] } | undefined {
		for (const user of this.users) {
			const key = user.accessKeys.find((k) => k.id === id);
			if (key) return { user, key };
		}
		return undefined;
	}

	issueToken(user: UserRecord): { token: string; expiresAtMs: number } {
		const token = newSessionToken();
		const expiresAtMs = this.clock.nowMs() + this.tokenTtlSeconds * 1000;
		this.tokens.set(token, { email: user.email, expiresAtMs });
		return { token, expiresAtMs };
	}

	/** The token's user, or undefined when unknown or expired by the emulator clock. */
	userByToken(token: string): UserRecord | undefined {
		const record = this.tokens.get(token);
		if (!record || record.expiresAtMs <= this.clock.nowMs()) return undefined;
		return this.userByEmail(record.email);
	}

	expireAllTokens(): number {
		const count = this.tokens.size;
		this.tokens.clear();
		return count;
	}

	findService(
		user: UserRecord,
		serviceId: string,
	): { device: DeviceRecord; service: ServiceRecord } | undefined {
		const id = serviceId.trim().toUpperCase();
		for (const device of user.devices) {
			const service = device.services.find((s) => s.id === id);
			if (service) return { device, service };
		}
		return undefined;
	}

	/** Sets a device (and so all its services) or a single service online or offline. */
	setOnline(id: string, online: boolean): 'device' | 'service' | undefined {
		const state = online ? 'active' : 'inactive';
		for (const user of this.users) {
			const device = user.devices.find((d) => d.id === id.toUpperCase());
			if (device) {
				device.state = state;
				if (online) device.lastReported = this.clock.now();
				this.recordEvent(user.email, 'DEVICE_STATE', state, device);
				return 'device';
			}
			const found = this.findService(user, id);
			if (found) {
				found.service.state = state;
				return 'service';
			}
		}
		return undefined;
	}

	recordEvent(
		ownerEmail: string,
		type: EventType,
		state: string,
		target: { id: string; name: string },
		timestampMs = this.clock.nowMs(),
		sessionId?: string,
	): void {
		this.events.push({
			id: randomUUID(),
			type,
			state,
			timestampMs,
			ownerEmail,
			targetId: target.id,
			targetName: target.name,
			sessionId,
		});
	}

	/** A user's events, newest first (docs/remoteit-api.md §3). */
	eventsOf(email: string): EventRecord[] {
		return this.events
			.filter((e) => e.ownerEmail === email)
			.sort((a, b) => b.timestampMs - a.timestampMs);
	}
}

/** A service is reachable only when it and its device are both active. */
export function isServiceOnline(device: DeviceRecord, service: ServiceRecord): boolean {
	return device.state === 'active' && service.state === 'active';
}
