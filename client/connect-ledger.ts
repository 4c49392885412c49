/**
 * What one client knows about the connects it made: which connection ids it handed out (so reconciliation never
 * takes another item's connection for a lost one) and which connects to a service are still waiting for their
 * answer (a lost connect waits for them, so their connections are claimed before it looks).
 */

/** Handed-out ids are forgotten after remote.it's usual proxy lifetime (8 h, docs/remoteit-api.md §5), with margin. */
const CLAIM_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface ConnectAttempt {
	readonly serviceId: string;
	/** Resolves when this attempt's request (not its reconciliation) has ended, with its connection id claimed if any. */
	readonly requestEnded: Promise<void>;
	end(): void;
}

export class ConnectLedger {
	private readonly claimed = new Map<string, { atMs: number; order: number }>();
	private orders = 0;
	private readonly inFlight = new Map<string, Set<ConnectAttempt>>();
	private readonly queues = new Map<string, Promise<unknown>>();

	constructor(private readonly nowMs: () => number) {}

	begin(serviceId: string): ConnectAttempt {
		const running = this.inFlight.get(serviceId) ?? new Set<ConnectAttempt>();
		this.inFlight.set(serviceId, running);
		let resolve: () => void = () => undefined;
		const requestEnded = new Promise<void>((r) => (resolve = r));
		const attempt: ConnectAttempt = {
			serviceId,
			requestEnded,
			end: () => {
				running.delete(attempt);
				if (running.size === 0) this.inFlight.delete(serviceId);
				resolve();
			},
		};
		running.add(attempt);
		return attempt;
	}

	/** The other connects to this service whose answers are still awaited. */
	othersInFlight(attempt: ConnectAttempt): Promise<void>[] {
		return [...(this.inFlight.get(attempt.serviceId) ?? [])]
			.filter((a) => a !== attempt)
			.map((a) => a.requestEnded);
	}

	/** Every connect of this client whose answer is still awaited, to whatever service. */
	allInFlight(): Promise<void>[] {
		return [...this.inFlight.values()].flatMap((running) =>
			[...running].map((a) => a.requestEnded),
		);
	}

	/** Claims a connection id when its answer arrives; claims are numbered in the order answers arrived. */
	claim(connectionId: string): number {
		const now = this.nowMs();
		for (const [id, claim] of this.claimed)
			if (now - claim.atMs > CLAIM_LIFETIME_MS) this.claimed.delete(id);
		const order = this.nextOrder();
		this.claimed.set(connectionId.toUpperCase(), { atMs: now, order });
		return order;
	}

	/** A number past every claim so far: what happens next is ordered after them. */
	nextOrder(): number {
		return (this.orders += 1);
	}

	release(connectionId: string): void {
		this.claimed.delete(connectionId.toUpperCase());
	}

	isClaimed(connectionId: string): boolean {
		return this.claimed.has(connectionId.toUpperCase());
	}

	/** When this client handed the connection out, as a claim number; undefined if it did not. */
	claimOrder(connectionId: string): number | undefined {
		return this.claimed.get(connectionId.toUpperCase())?.order;
	}

	/** Runs reconciliations of one service one at a time, so two of them never act on the same connection. */
	serially<T>(serviceId: string, task: () => Promise<T>): Promise<T> {
		const previous = this.queues.get(serviceId) ?? Promise.resolve();
		const next = previous.catch(() => undefined).then(task);
		const settled = next.catch(() => undefined);
		this.queues.set(serviceId, settled);
		void settled.then(() => {
			if (this.queues.get(serviceId) === settled) this.queues.delete(serviceId);
		});
		return next;
	}
}
