/**
 * A chat model on loopback that speaks OpenAI's Chat Completions API (POST /v1/chat/completions, plain or streamed)
 * and answers from a script instead of a model: what n8n's OpenAI Chat Model node talks to in the AI Agent e2e. It
 * keeps every request, so a test can assert on what the model was offered (tools, their parameters and
 * descriptions) and what it was told (tool results). No internet: it never calls anything itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
	role: string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatTool {
	type: string;
	function: { name: string; description?: string; parameters?: JsonSchema };
}

export interface JsonSchema {
	type?: string;
	properties?: Record<string, JsonSchema & { description?: string }>;
	required?: string[];
}

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
}

export interface ToolCall {
	name: string;
	arguments: Record<string, unknown>;
}

/** What the scripted model answers: calls to tools, or a final text. */
export type ModelReply = { toolCalls: ToolCall[] } | { content: string };

/** The model's next reply for a request; `turn` counts the requests of the current script from 0. */
export type ModelScript = (request: ChatCompletionRequest, turn: number) => ModelReply;

export interface ScriptedChatModel {
	/** The OpenAI base URL, ending in /v1, for the openAiApi credential's Base URL. */
	baseUrl: string;
	/** Every chat completion request of the current script, in order. */
	requests: ChatCompletionRequest[];
	/** Replaces the script and forgets the requests (one script per test). */
	play(script: ModelScript): void;
	/** What a script threw, answered as a 500 so that the run fails visibly. */
	scriptErrors: string[];
	close(): Promise<void>;
}

export const SCRIPTED_MODEL_NAME = 'scripted-model';
/** Token counts sent with every answer, so no client estimates them (langchain would fetch a tokenizer). */
const USAGE = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

export async function startScriptedChatModel(): Promise<ScriptedChatModel> {
	let script: ModelScript = () => ({ content: 'No script is playing.' });
	const model: Omit<ScriptedChatModel, 'baseUrl' | 'close'> = {
		requests: [],
		scriptErrors: [],
		play(next) {
			script = next;
			model.requests = [];
			model.scriptErrors = [];
		},
	};
	let calls = 0;
	const server = createServer((request, response) => {
		void answer(request, response).catch((error: unknown) => {
			const message = error instanceof Error ? error.message : String(error);
			model.scriptErrors.push(message);
			sendJson(response, 500, { error: { message, type: 'scripted_model_error' } });
		});
	});

	async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const path = new URL(request.url ?? '/', 'http://localhost').pathname;
		if (request.method === 'GET' && path === '/v1/models') {
			sendJson(response, 200, {
				object: 'list',
				data: [{ id: SCRIPTED_MODEL_NAME, object: 'model', owned_by: 'test' }],
			});
			return;
		}
		if (request.method !== 'POST' || path !== '/v1/chat/completions') {
			sendJson(response, 404, { error: { message: `No ${request.method} ${path} here` } });
			return;
		}
		const body = JSON.parse(await readBody(request)) as ChatCompletionRequest;
		const turn = model.requests.length;
		model.requests.push(body);
		const reply = script(body, turn);
		const id = `chatcmpl-${++calls}`;
		const toolCalls =
			'toolCalls' in reply
				? reply.toolCalls.map((call, index) => ({
						id: `call_${calls}_${index}`,
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.arguments) },
					}))
				: undefined;
		const message = toolCalls
			? { role: 'assistant', content: null, tool_calls: toolCalls }
			: { role: 'assistant', content: 'content' in reply ? reply.content : '' };
		const finishReason = toolCalls ? 'tool_calls' : 'stop';
		const head = { id, created: Math.floor(Date.now() / 1000), model: body.model };
		if (!body.stream) {
			sendJson(response, 200, {
				...head,
				object: 'chat.completion',
				choices: [{ index: 0, message, finish_reason: finishReason }],
				usage: USAGE,
			});
			return;
		}
		response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const chunk = (fields: object): void => {
			response.write(
				`data: ${JSON.stringify({ ...head, object: 'chat.completion.chunk', ...fields })}\n\n`,
			);
		};
		const delta = {
			role: 'assistant',
			content: message.content,
			...(toolCalls ? { tool_calls: toolCalls.map((call, index) => ({ index, ...call })) } : {}),
		};
		chunk({ choices: [{ index: 0, delta, finish_reason: null }] });
		chunk({ choices: [{ index: 0, delta: {}, finish_reason: finishReason }] });
		if (body.stream_options?.include_usage) chunk({ choices: [], usage: USAGE });
		response.end('data: [DONE]\n\n');
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(model, {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
}

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => (text += chunk));
		request.on('end', () => resolve(text));
		request.on('error', reject);
	});
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}

/** The tool the request offers whose description matches, as the model would pick it. */
export function toolOffered(request: ChatCompletionRequest, description: RegExp): ChatTool {
	const tool = request.tools?.find((offered) =>
		description.test(offered.function.description ?? ''),
	);
	if (!tool) {
		const offered = (request.tools ?? []).map(
			(t) => `${t.function.name}: ${t.function.description}`,
		);
		throw new Error(`No tool described as ${description} among: ${offered.join(' | ') || 'none'}`);
	}
	return tool;
}

/** The text of the last tool result the request carries (what the model was told the tool returned). */
export function lastToolResult(request: ChatCompletionRequest): string {
	const message = [...request.messages].reverse().find((m) => m.role === 'tool');
	if (!message) throw new Error('The request carries no tool result');
	return textOf(message);
}

export function textOf(message: ChatMessage): string {
	const { content } = message;
	if (typeof content === 'string') return content;
	return (content ?? []).map((part) => part.text ?? '').join('');
}
