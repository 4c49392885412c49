/**
 * What the wire saw, for the bench and tests: new TCP connections, TLS handshakes (full and resumed), API
 * requests, the most requests in flight at once, and 429s the rate limiter answered. A socket is counted when its
 * first API request arrives, so the control API's own sockets (tests, the bench) never count.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface TrafficSnapshot {
	tcpConnections: number;
	tlsHandshakes: number;
	tlsResumed: number;
	requests: number;
	peakInFlight: number;
	throttled: number;
}

export class TrafficCounters {
	private counts: TrafficSnapshot = TrafficCounters.zero();
	private inFlight = 0;
	private seen = new WeakSet<Socket>();

	private static zero(): TrafficSnapshot {
		return {
			tcpConnections: 0,
			tlsHandshakes: 0,
			tlsResumed: 0,
			requests: 0,
			peakInFlight: 0,
			throttled: 0,
		};
	}

	requestStarted(socket: Socket): void {
		if (!this.seen.has(socket)) {
			this.seen.add(socket);
			this.counts.tcpConnections++;
			if ('encrypted' in socket && socket.encrypted) {
				this.counts.tlsHandshakes++;
				if ((socket as TLSSocket).isSessionReused()) this.counts.tlsResumed++;
			}
		}
		this.counts.requests++;
		this.inFlight++;
		this.counts.peakInFlight = Math.max(this.counts.peakInFlight, this.inFlight);
	}

	requestEnded(): void {
		this.inFlight--;
	}

	throttledOne(): void {
		this.counts.throttled++;
	}

	snapshot(): TrafficSnapshot {
		return { ...this.counts };
	}

	/** Starts counting afresh; requests still in flight keep counting towards the new peak. */
	clear(): void {
		this.counts = { ...TrafficCounters.zero(), peakInFlight: this.inFlight };
		this.seen = new WeakSet();
	}
}
