/**
 * How many requests a client keeps in flight: at most its own `max`, and, once remote.it has throttled the account,
 * at most the account's window, which every client of that account in this process shares (every n8n execution and
 * Node-RED flow of one credential), so they back off together instead of each overshooting the one rate limit.
 * Additive increase, multiplicative decrease (as TCP does): a 429 narrows the account's window to 70% (CUBIC's
 * factor; halving left a quarter of a rate limit unused in `npm run bench`), once per burst, and each success widens
 * it by 1/window, about one request per round trip. The first 429 narrows the fan-out that met the limit. remote.it
 * publishes no rate limit (docs/remoteit-api.md §6), so the window is learnt from its answers, never configured.
 * In memory only; the key names an account, never holds a secret.
 */
import { RemoteItValidationError } from './errors';
import { isWholeNumberIn } from './validate';

/** Requests one client may keep in flight at most (the n8n node's Parallel Requests goes up to this too). */
export const MAX_CONCURRENCY = 100;

/**
 * What both shells keep in flight unless told otherwise (n8n's Parallel Requests default, each Node-RED account).
 * n8n's request helper opens a new HTTPS connection per request (three round trips each), so 50 at a time hides
 * the handshakes: faster than n8n's HTTP Request node sending all items at once (docs/benchmarks.md).
 */
export const DEFAULT_CONCURRENCY = 50;

/** The window after a burst of 429s, as a share of the window before it. */
const DECREASE = 0.7;

/** An account's window that grows back past this is forgotten: only the clients' own maximums bound it again. */
const FORGET_ABOVE = MAX_CONCURRENCY;

/** What became of a request that held a slot. */
export type SlotOutcome = 'ok' | 'throttled' | 'failed';

export interface Slot {
	release(outcome: SlotOutcome): void;
}

export interface AdaptiveConcurrency {
	/** Waits for a free slot; the caller sends its request and then releases the slot with the outcome. */
	acquire(): Promise<Slot>;
	/** The window this client may use now (its maximum, or less while the account is throttled). */
	readonly window: number;
	readonly max: number;
}

interface Client {
	max: number;
	inFlight: number;
}

/** One account's shared state: the learnt window (Infinity until a 429), requests in flight, clients waiting. */
interface AccountWindow {
	window: number;
	inFlight: number;
	/** Bumped at each decrease: a 429 of a request sent before it is part of the same burst and decreases nothing. */
	epoch: number;
	waiting: Array<{ client: Client; admit: () => void }>;
}

const accounts = new Map<string, AccountWindow>();

const newAccountWindow = (): AccountWindow => ({
	window: Infinity,
	inFlight: 0,
	epoch: 0,
	waiting: [],
});

/** The account's state; `key` undefined gives a window of this client alone. */
function accountWindow(key: string | undefined): AccountWindow {
	if (key === undefined) return newAccountWindow();
	let found = accounts.get(key);
	if (!found) accounts.set(key, (found = newAccountWindow()));
	return found;
}

const accountFull = (account: AccountWindow): boolean =>
	account.inFlight >= Math.max(1, Math.floor(account.window));

const hasRoom = (account: AccountWindow, client: Client): boolean =>
	client.inFlight < client.max && !accountFull(account);

function take(account: AccountWindow, client: Client): void {
	account.inFlight++;
	client.inFlight++;
}

/** Admits waiters in arrival order, passing over those whose own client is full. */
function wake(account: AccountWindow): void {
	for (let i = 0; i < account.waiting.length;) {
		const { client, admit } = account.waiting[i];
		if (accountFull(account)) return;
		if (client.inFlight < client.max) {
			account.waiting.splice(i, 1);
			take(account, client);
			admit();
		} else i++;
	}
}

/** Keeps learnt windows; an idle account with nothing learnt is dropped, so many credentials do not grow the map. */
function sweep(key: string | undefined, account: AccountWindow): void {
	if (
		key !== undefined &&
		account.inFlight === 0 &&
		account.waiting.length === 0 &&
		account.window === Infinity
	)
		accounts.delete(key);
}

/**
 * A client's window. `accountKey` (client/connection-records.ts `accountKey`) shares what 429s taught with every
 * other client of the same account in this process; without it the window is this client's alone.
 */
export function createAdaptiveConcurrency(max: unknown, accountKey?: string): AdaptiveConcurrency {
	if (!isWholeNumberIn(max, 1, MAX_CONCURRENCY)) {
		throw new RemoteItValidationError(
			'concurrency',
			`concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}.`,
		);
	}
	const client: Client = { max, inFlight: 0 };
	const solo = accountKey === undefined ? newAccountWindow() : undefined;
	// Looked up per use: a swept account is made afresh by the next request.
	const account = (): AccountWindow => solo ?? accountWindow(accountKey);

	const slotFor = (shared: AccountWindow, startedIn: number, sentAmong: number): Slot => {
		let released = false;
		return {
			release(outcome) {
				if (released) return;
				released = true;
				shared.inFlight--;
				client.inFlight--;
				if (outcome === 'throttled' && startedIn === shared.epoch) {
					// Nothing learnt yet: the fan-out that met the limit (this client's maximum, or more with others).
					const base = shared.window === Infinity ? Math.max(sentAmong, client.max) : shared.window;
					shared.window = Math.max(1, base * DECREASE);
					shared.epoch++;
				} else if (outcome === 'ok' && shared.window !== Infinity) {
					shared.window += 1 / shared.window;
					if (shared.window > FORGET_ABOVE) shared.window = Infinity;
				}
				wake(shared);
				sweep(accountKey, shared);
			},
		};
	};

	return {
		async acquire() {
			const shared = account();
			if (shared.waiting.length === 0 && hasRoom(shared, client)) {
				take(shared, client);
			} else {
				await new Promise<void>((admit) => {
					shared.waiting.push({ client, admit });
					wake(shared);
				});
			}
			return slotFor(shared, shared.epoch, shared.inFlight);
		},
		get window() {
			return Math.min(max, (solo ?? accounts.get(accountKey!))?.window ?? Infinity);
		},
		max,
	};
}

/** Forgets every account's learnt window (tests start from a clean process state, as with the token cache). */
export function forgetSharedWindows(): void {
	accounts.clear();
}
