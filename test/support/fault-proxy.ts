/**
 * A seeded fault proxy: a real loopback HTTP proxy in front of the emulator that breaks API requests the way a bad
 * network or an overloaded remote.it would, chosen by a seeded random draw per request (or by a scripted list
 * first). The code under test never chooses these faults; the emulator's own fault injection is not used.
 * Control requests (/_emulator/) always pass untouched.
 *
 * - `503`: answered 503 before the request reaches the emulator (nothing happened there).
 * - `503-after`: forwarded, then the emulator's answer is replaced by 503 (it did happen).
 * - `429`: answered 429 with `Retry-After` before forwarding.
 * - `hold`: held for `holdMs` (past the client's timeout), then forwarded anyway, as a slow remote.it would.
 * - `drop`: forwarded, then the client's socket is destroyed instead of answering (it did happen).
 */
import {
	createServer,
	request as httpRequest,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyFault = '503' | '503-after' | '429' | 'hold' | 'drop';

export interface FaultMix {
	/** Probabilities per request; whatever is left passes through untouched. */
	[fault: string]: number;
}

export interface FaultProxyOptions {
	target: string;
	seed: number;
	mix?: Partial<Record<ProxyFault, number>>;
	/** Faults for the next API requests, in order, before the seeded mix takes over. */
	script?: Array<ProxyFault | 'pass'>;
	holdMs?: number;
	retryAfterSeconds?: number;
}

export interface FaultProxy {
	url: string;
	/** How many API requests got each fault (and 'pass'). */
	counts: Record<ProxyFault | 'pass', number>;
	/** Requests still held or forwarded but unanswered. */
	pending(): number;
	close(): Promise<void>;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: req.url,
				headers: req.headers,
			},
			(res) =>
				void readAll(res).then(
					(data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }),
					reject,
				),
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
	const target = new URL(options.target);
	const random = seededRandom(options.seed);
	const script = [...(options.script ?? [])];
	const mix = Object.entries(options.mix ?? {}) as Array<[ProxyFault, number]>;
	const counts: FaultProxy['counts'] = {
		'503': 0,
		'503-after': 0,
		'429': 0,
		hold: 0,
		drop: 0,
		pass: 0,
	};
	const timers = new Set<NodeJS.Timeout>();
	let inFlight = 0;

	const draw = (): ProxyFault | 'pass' => {
		const scripted = script.shift();
		if (scripted) return scripted;
		let r = random();
		for (const [fault, p] of mix) {
			if (r < p) return fault;
			r -= p;
		}
		return 'pass';
	};
	const wait = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const timer = setTimeout(() => (timers.delete(timer), resolve()), ms);
			timers.add(timer);
		});
	const answer = (
		res: ServerResponse,
		status: number,
		headers: Record<string, string>,
		body: string,
	): void => {
		if (res.destroyed) return;
		res.writeHead(status, {
			'content-type': 'text/plain',
			'content-length': String(Buffer.byteLength(body)),
			...headers,
		});
		res.end(body);
	};

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const body = await readAll(req);
		const fault = (req.url ?? '').startsWith('/_emulator/') ? 'pass' : draw();
		if (!(req.url ?? '').startsWith('/_emulator/')) counts[fault] += 1;
		if (fault === '503') return answer(res, 503, {}, 'Service Unavailable');
		if (fault === '429')
			return answer(
				res,
				429,
				{ 'retry-after': String(options.retryAfterSeconds ?? 1) },
				'Too Many Requests',
			);
		if (fault === 'hold') await wait(options.holdMs ?? 2000);
		inFlight += 1;
		let upstream: Answer;
		try {
			upstream = await forward(target, req, body);
		} finally {
			inFlight -= 1;
		}
		if (fault === 'drop') {
			res.socket?.destroy();
			return;
		}
		if (fault === '503-after') return answer(res, 503, {}, 'Service Unavailable');
		if (res.destroyed) return;
		const headers = Object.fromEntries(
			Object.entries(upstream.headers).filter(
				([name]) => !['connection', 'keep-alive', 'transfer-encoding'].includes(name),
			),
		);
		res.writeHead(upstream.status, headers);
		res.end(upstream.body);
	};

	const server: Server = createServer((req, res) => {
		handle(req, res).catch(() => answer(res, 502, {}, 'Bad Gateway'));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		counts,
		pending: () => inFlight + timers.size,
		close: () =>
			new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
