/** The HTTP(S) server: loopback only, body collection, latency, rate limit and faults, routing, request log and traffic counts. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { STATUS_CODES, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { detectAuthScheme } from './auth';
import { callerAccount } from './caller-account';
import { CONTROL_PREFIX, handleControl } from './control/control-api';
import type { FaultKind } from './faults';
import { GRAPHQL_PATH, handleGraphQL } from './graphql/graphql-handler';
import type { ApiResponse, EmulatorRequest } from './http-types';
import { jsonResponse, textResponse } from './http-types';
import { handleConnect, handleConnectStop } from './rest/connect';
import { handleListAll, handleMetadataList } from './rest/devices';
import { handleLogin } from './rest/login';
import type { EmulatorContext, EmulatorRuntime } from './runtime';

const MAX_BODY_BYTES = 1024 * 1024;
/** A body a JSON parser must reject, as a broken proxy or truncated answer would produce. */
const MALFORMED_BODY = '{"status":"true","devices":[{"deviceaddress":"80:00';

/** The REST v27 endpoints this emulator serves (docs/remoteit-api.md §2). */
const REST_PREFIX = '/apv/v27';

type RestHandler = (
	request: EmulatorRequest,
	context: EmulatorContext,
) => ApiResponse | Promise<ApiResponse>;

const ROUTES: Record<string, RestHandler> = {
	'POST /user/login': handleLogin,
	'GET /device/list/all': handleListAll,
	'GET /device/metadata/list/me': handleMetadataList,
	'POST /device/connect': handleConnect,
	'POST /device/connect/stop': handleConnectStop,
};

function findRestHandler(method: string, pathname: string): RestHandler | undefined {
	if (!pathname.startsWith(`${REST_PREFIX}/`)) return undefined;
	return ROUTES[`${method} ${pathname.slice(REST_PREFIX.length).replace(/\/+$/, '')}`];
}

export function isLoopback(address: string | undefined): boolean {
	return address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));
}

/** A body shorter than its Content-Length (or one trickling in) would otherwise hold the request open forever. */
class BodyTimeout extends Error {}

function readBody(req: IncomingMessage, timeoutMs: number): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const timer = setTimeout(() => reject(new BodyTimeout()), timeoutMs);
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => {
			clearTimeout(timer);
			resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined);
		});
		req.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

function faultResponse(
	fault: Exclude<FaultKind, { kind: 'delay' } | { kind: 'drop' }>,
): ApiResponse {
	if (fault.kind === 'malformed')
		return { status: 200, headers: { 'content-type': 'application/json' }, body: MALFORMED_BODY };
	const headers: Record<string, string> =
		fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
	return textResponse(fault.status, fault.body ?? STATUS_CODES[fault.status] ?? 'Error', headers);
}

/** A certificate and key in PEM, to serve HTTPS (the bench makes them with emulator/tls-certificates.ts). */
export interface TlsIdentity {
	key: string | Buffer;
	cert: string | Buffer;
}

export class EmulatorServer {
	private readonly server: Server;
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly scheme: 'http' | 'https';

	constructor(
		private readonly runtime: EmulatorRuntime,
		tls?: TlsIdentity,
	) {
		const listener = (req: IncomingMessage, res: ServerResponse): void => {
			this.handle(req, res).catch((error: unknown) => {
				if (error instanceof BodyTimeout) {
					// The rest of the body may never come: answer, then drop the connection.
					if (!res.headersSent)
						res.writeHead(408, { 'content-type': 'text/plain', connection: 'close' });
					res.end('Request Timeout', () => req.socket.destroy());
					return;
				}
				if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
				res.end('Internal Server Error');
			});
		};
		this.scheme = tls ? 'https' : 'http';
		this.server = tls
			? createTlsServer({ key: tls.key, cert: tls.cert }, listener)
			: createServer(listener);
	}

	listen(port: number): Promise<string> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				const { port: bound } = this.server.address() as AddressInfo;
				resolve(`${this.scheme}://127.0.0.1:${bound}`);
			});
		});
	}

	close(): Promise<void> {
		this.runtime.context.connections.clear();
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = await readBody(req, this.runtime.settings.bodyTimeoutMs ?? 10_000);
		const url = new URL(req.url ?? '/', 'http://emulator.invalid');
		const request: EmulatorRequest = {
			method: (req.method ?? 'GET').toUpperCase(),
			target: req.url ?? '/',
			pathname: url.pathname,
			headers: req.headers,
			body: body ?? Buffer.alloc(0),
			remoteAddress: req.socket.remoteAddress ?? '',
		};
		if (request.pathname.startsWith(CONTROL_PREFIX)) {
			const answer = isLoopback(request.remoteAddress)
				? handleControl(this.runtime, request)
				: textResponse(403, 'control API is loopback only');
			return this.write(res, answer);
		}
		if (body === undefined) return this.write(res, textResponse(413, 'Payload Too Large'));
		await this.serveApi(request, res, req.socket);
	}

	private async serveApi(
		request: EmulatorRequest,
		res: ServerResponse,
		socket: Socket,
	): Promise<void> {
		this.runtime.traffic.requestStarted(socket);
		try {
			await this.answerApi(request, res);
		} finally {
			this.runtime.traffic.requestEnded();
		}
	}

	private async answerApi(request: EmulatorRequest, res: ServerResponse): Promise<void> {
		if (this.runtime.faults.latencyMs > 0) await this.sleep(this.runtime.faults.latencyMs);
		const rate = this.runtime.rateLimit.take(callerAccount(request, this.runtime.context.accounts));
		if (!rate.allowed) {
			this.runtime.traffic.throttledOne();
			const answer = textResponse(429, 'Too Many Requests', {
				'retry-after': String(rate.retryAfterSeconds),
			});
			this.record(request, answer, 'rate-limit');
			return this.write(res, answer);
		}
		const fault = this.runtime.faults.take(request.method, request.pathname);
		if (fault?.kind === 'drop') {
			this.record(request, { status: 0, headers: {}, body: '' }, 'drop');
			res.socket?.destroy();
			return;
		}
		if (fault?.kind === 'delay') await this.sleep(fault.delayMs);
		const answer =
			fault && fault.kind !== 'delay' ? faultResponse(fault) : await this.route(request);
		this.record(request, answer, fault?.kind);
		this.write(res, answer);
	}

	private route(request: EmulatorRequest): ApiResponse | Promise<ApiResponse> {
		const context = this.runtime.context;
		if (request.pathname === GRAPHQL_PATH) return handleGraphQL(request, context);
		const rest = findRestHandler(request.method, request.pathname);
		if (rest) return rest(request, context);
		return jsonResponse(404, {
			status: 'false',
			reason: `no such endpoint: ${request.method} ${request.pathname}`,
		});
	}

	private record(request: EmulatorRequest, answer: ApiResponse, fault: string | undefined): void {
		this.runtime.log.add({
			at: this.runtime.context.clock.now().toISOString(),
			method: request.method,
			path: request.pathname,
			auth: answer.log?.auth ?? detectAuthScheme(request),
			status: answer.status,
			...(answer.log?.operation ? { operation: answer.log.operation } : {}),
			...(fault ? { fault } : {}),
			...(answer.log?.authFailure ? { authFailure: answer.log.authFailure } : {}),
		});
	}

	private write(res: ServerResponse, answer: ApiResponse): void {
		if (res.destroyed) return;
		const body = Buffer.from(answer.body, 'utf8');
		// The Date header follows the emulator clock, like every time it serves (clients may measure skew by it).
		res.writeHead(answer.status, {
			date: this.runtime.context.clock.now().toUTCString(),
			...answer.headers,
			'content-length': String(body.length),
		});
		res.end(body);
	}
}
