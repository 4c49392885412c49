/**
 * The client's public entry: what the n8n and Node-RED shells may use (an eslint rule keeps them to this file and
 * client/transport/). Engine-neutral: nothing it loads uses an HTTP library or a global timer.
 */
export { buildRemoteItClient, type EngineClientOptions } from './remoteit-client';
export * from './types';
export * from './errors';
export {
	signRequest,
	formatHttpDate,
	buildSigningString,
	DEFAULT_SIGNED_HEADERS,
	type SignRequestInput,
	type SignatureHeaders,
} from './auth/signing';
export { authFromCredentialFields, type CredentialField } from './auth/session';
export { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, flattenHeaders, headerValue } from './wire/request';
export { parseProxy, type ParsedProxy } from './connections/result';
export { DEFAULT_REACHABLE_TIMEOUT_MS, MAX_REACHABLE_TIMEOUT_MS } from './connections/connect';
export {
	eventsOnTaggedDevices,
	hasTags,
	LABELLED_BY_SHELL,
	tagFilterOf,
	tagNamesOf,
	tagOperatorOf,
} from './account/tags';
export {
	DEFAULT_API_URL,
	DEFAULT_DEVICE_LIMIT,
	DEFAULT_EVENT_COUNT,
	DEFAULT_REQUEST_TIMEOUT_MS,
	isWholeNumberIn,
	MAX_PAGE_SIZE,
	MAX_REQUEST_TIMEOUT_MS,
	normaliseApiUrl,
	normaliseServiceId,
	PICKER_PAGE_SIZE,
} from './validate';
export { EVENT_TYPES } from './account/events';
export * from './account/event-watch';
export { bodyText, isPlainObject } from './json-values';
