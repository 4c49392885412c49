/** One axios call per request; axios interprets nothing, and its errors (they carry every header) never leave. */
import { setMaxListeners } from 'node:events';
import axios from 'axios';
import { isPlainObject } from '../json-values';
import type { HttpRequest, HttpResponse, SendRequest } from '../types';
import { flattenHeaders } from '../wire/request';

export interface AxiosTransportOptions {
	/** Per-request timeout; the client enforces its own as well. */
	timeoutMs: number;
	/** Aborts every request in flight, e.g. when a Node-RED config node closes. */
	signal?: AbortSignal;
}

/** An error stripped of everything axios attaches (config, request, response). */
export class TransportError extends Error {
	readonly code?: string;

	constructor(name: string, message: string, code?: string) {
		super(message);
		this.name = name;
		if (code) this.code = code;
	}
}

function toTransportError(error: unknown): TransportError {
	if (axios.isCancel(error))
		return new TransportError('AbortError', 'The request was cancelled.', 'ERR_CANCELED');
	const code = isPlainObject(error) ? error.code : undefined;
	const message = error instanceof Error ? error.message : 'request failed';
	return new TransportError(
		error instanceof Error ? error.name : 'Error',
		message,
		typeof code === 'string' ? code : undefined,
	);
}

export function createAxiosTransport(options: AxiosTransportOptions): SendRequest {
	// Each request in flight listens on the shared signal until it ends; a busy flow has many, which is not a leak.
	if (options.signal) setMaxListeners(0, options.signal);
	const instance = axios.create({
		timeout: options.timeoutMs,
		// Every status is an answer for the client to read; 3xx are not followed (remote.it does not redirect).
		validateStatus: () => true,
		maxRedirects: 0,
		responseType: 'text',
		transformResponse: [(data: unknown) => data],
	});
	return async (request: HttpRequest): Promise<HttpResponse> => {
		try {
			const response = await instance.request<string>({
				method: request.method,
				url: request.url,
				headers: request.headers,
				data: request.body,
				signal: options.signal,
			});
			return {
				status: response.status,
				headers: flattenHeaders(response.headers),
				body: String(response.data ?? ''),
			};
		} catch (error) {
			throw toTransportError(error);
		}
	};
}
