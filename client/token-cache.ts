/**
 * Password-login session tokens, shared by every client in this process: every remote.it node, execution and
 * Node-RED flow that uses the same credential logs in once per token lifetime (docs/scaling.md, "Logins").
 * In memory only. Entries are keyed by a hash of the API URL and the whole credential, secret included, so two
 * accounts (or one account after a password change) never share a token, and no secret is kept as a key.
 */
import { createHash } from 'node:crypto';

export interface CachedToken {
	token: string;
	email: string;
	expiresAtMs: number;
}

export interface PasswordIdentity {
	apiUrl: string;
	developerKey: string;
	username: string;
	password: string;
}

/** One credential's token: the cached one, and the login in flight that every concurrent caller waits on. */
export interface TokenSlot {
	/** A token valid for at least `marginMs` more, logging in (once for all concurrent callers) if there is none. */
	current(nowMs: number, marginMs: number, logIn: () => Promise<CachedToken>): Promise<CachedToken>;
	/** remote.it refused `token`: forget it, unless another caller already replaced it. */
	drop(token: string): void;
}

interface Slot {
	cached?: CachedToken;
	inFlight?: Promise<CachedToken>;
}

const slots = new Map<string, Slot>();

export function tokenKey(identity: PasswordIdentity): string {
	const parts = [identity.apiUrl, identity.developerKey, identity.username, identity.password];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Expired entries go when a new token is stored, so a process that sees many credentials does not grow. */
function sweep(nowMs: number): void {
	for (const [key, slot] of slots) {
		if (!slot.inFlight && (!slot.cached || slot.cached.expiresAtMs <= nowMs)) slots.delete(key);
	}
}

export function sharedTokenSlot(identity: PasswordIdentity): TokenSlot {
	const key = tokenKey(identity);
	const slot = (): Slot => {
		let found = slots.get(key);
		if (!found) slots.set(key, (found = {}));
		return found;
	};
	return {
		current(nowMs, marginMs, logIn) {
			const entry = slot();
			if (entry.cached && nowMs < entry.cached.expiresAtMs - marginMs)
				return Promise.resolve(entry.cached);
			if (entry.inFlight) return entry.inFlight;
			const login = logIn().then((fresh) => {
				sweep(nowMs);
				slot().cached = fresh;
				return fresh;
			});
			entry.inFlight = login;
			// Cleared whether it worked or not: a failed login is not cached, the next caller tries again.
			const clear = () => {
				if (slots.get(key)?.inFlight === login) delete slots.get(key)!.inFlight;
			};
			login.then(clear, clear);
			return login;
		},
		drop(token) {
			const entry = slots.get(key);
			if (entry?.cached?.token === token) delete entry.cached;
		},
	};
}

/** Forgets every cached token of this process (the emulator's reset does the same on its side; tests use both). */
export function forgetSharedTokens(): void {
	slots.clear();
}
