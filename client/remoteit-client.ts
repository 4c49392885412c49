/**
 * The remote.it client without defaults: the engine supplies `send` and `sleep` (and, optionally, the deadline that
 * bounds each request), so nothing here uses an HTTP library or a global timer. The n8n package ships this module
 * and what it imports, never client/transport/ (n8n's verification forbids runtime dependencies and global timers).
 */
import {
	closeConnection,
	openConnection,
	prepareConnect,
	resolveApi,
	type ConnectState,
	reachableTimeoutOf,
	waitUntilReachable,
	type ReachableSettings,
} from './connections/connect';
import {
	ConnectLedger,
	accountKey,
	recordsFor,
	sameId,
	SharedSessionList,
} from './connections/book';
import { listDevicesVia } from './account/devices';
import {
	createSecretRegistry,
	redactError,
	RemoteItUnavailableError,
	RemoteItValidationError,
} from './errors';
import { listEvents } from './account/events';
import { changeTags, tagFilterOf } from './account/tags';
import { isPlainObject } from './json-values';
import { callGraphql, QUERIES } from './wire/graphql';
import { findService, getDevice, searchServices, serviceIdOf } from './account/names';
import { createAdaptiveConcurrency, type RequestSettings } from './wire/request';
import type { ApiContext } from './wire/api';
import { createAuthSession } from './auth/session';
import { listActiveConnections } from './connections/active';
import type {
	Connection,
	ConnectOptions,
	ListDevicesOptions,
	ListEventsOptions,
	ProbeEndpoint,
	RemoteItAuth,
	RemoteItClient,
	RemoteItClientOptions,
	SearchServicesOptions,
	ReferenceKind,
} from './types';
import {
	apiChoiceOf,
	deviceStateOf,
	LIMITS,
	normaliseApiUrl,
	normaliseAuth,
	normaliseLimit,
	normaliseRetryPolicy,
	normaliseTimeout,
	optionalText,
} from './validate';

function secretsOf(auth: RemoteItAuth): string[] {
	if (auth.type === 'accessKey') return [auth.secretAccessKey, auth.developerKey ?? ''];
	if (auth.type === 'password') return [auth.password, auth.developerKey];
	return [auth.token, auth.developerKey];
}

function emailFrom(data: unknown): string {
	const login = isPlainObject(data) ? data.login : undefined;
	const email = isPlainObject(login) ? login.email : undefined;
	if (typeof email !== 'string')
		throw new RemoteItUnavailableError(
			'remote.it answered the credential test without an account email.',
		);
	return email;
}

function buildClient(
	context: ApiContext,
	now: () => Date,
	account: string,
	probe: ProbeEndpoint | undefined,
): RemoteItClient {
	const authType = context.authSession.authType;
	const ledger = new ConnectLedger(() => now().getTime());
	const state: ConnectState = {
		records: () => recordsFor(account, now().getTime()),
		ledger,
		sessions: new SharedSessionList(ledger, () => listActiveConnections(context)),
		now,
	};
	const apiFor = (choice: unknown) => resolveApi(apiChoiceOf(choice), authType);
	// Device outputs carry tags, which only GraphQL has (docs/remoteit-api.md §3a): every sign-in lists over it.
	const deviceApiOf = (choice: unknown) => {
		const api = apiChoiceOf(choice);
		return api === 'auto' ? 'graphql' : api;
	};
	const reachableSettings = (timeout: unknown): ReachableSettings => {
		const timeoutMs = reachableTimeoutOf(timeout);
		if (!probe)
			throw new RemoteItValidationError(
				'waitUntilReachable',
				'Waiting until the proxy is reachable needs a probe, which this engine does not supply.',
			);
		return { probe, timeoutMs, now, sleep: context.requestSettings.sleep };
	};
	const opened = (id: string) => [...state.records().values()].find((c) => sameId(c.id, id));
	return {
		testCredentials: async () => ({
			email:
				authType === 'password'
					? await context.authSession.loginEmail()
					: emailFrom(await callGraphql(context, QUERIES.login)),
		}),
		connect: async (serviceId: string, connectOptions: ConnectOptions = {}) => {
			const prepared = prepareConnect(serviceId, connectOptions ?? {}, authType);
			const reachable =
				connectOptions?.waitUntilReachable === true
					? reachableSettings(connectOptions.reachableTimeoutMs)
					: undefined;
			const answers = reachable
				? (c: Connection) =>
						reachable.probe({ host: c.host, port: c.port, url: c.url }).catch(() => false)
				: undefined;
			const connection = await openConnection(
				context,
				state,
				prepared,
				connectOptions?.reuse === true,
				answers,
			);
			if (reachable) {
				try {
					await waitUntilReachable(connection, reachable);
				} catch (error) {
					// Nothing is left open on remote.it after a failure (docs/design.md): close what will never be used.
					await closeConnection(
						context,
						state,
						{ connectionId: connection.id, serviceId: connection.serviceId },
						apiFor(prepared.api),
					).catch(() => undefined);
					throw error;
				}
			}
			return connection;
		},
		disconnect: async (target) => closeConnection(context, state, target, apiFor(undefined)),
		listDevices: async (query: ListDevicesOptions = {}) => {
			const name = optionalText('name', query?.name, LIMITS.name);
			const deviceState = deviceStateOf(query?.state);
			const tags = tagFilterOf(query?.tags, query?.tagOperator);
			const limit = query?.returnAll === true ? Infinity : normaliseLimit(query?.limit);
			const api = deviceApiOf(query?.api);
			if (tags && api === 'rest')
				throw new RemoteItValidationError(
					'tags',
					'remote.it lists devices by tag over GraphQL only, not REST.',
				);
			return listDevicesVia(api, context, { name, state: deviceState, tags, limit });
		},
		getDevice: async (idOrName: string, as?: ReferenceKind) =>
			getDevice(deviceApiOf(undefined), context, idOrName, as),
		addTags: async (deviceIds: string | string[], tags: string[]) =>
			changeTags(context, 'add', deviceIds, tags),
		removeTags: async (deviceIds: string | string[], tags: string[]) =>
			changeTags(context, 'remove', deviceIds, tags),
		findService: async (idOrName: string) => findService(apiFor(undefined), context, idOrName),
		serviceIdOf: async (reference: string, as?: ReferenceKind) =>
			serviceIdOf(apiFor(undefined), context, reference, as),
		searchServices: async (search: SearchServicesOptions = {}) =>
			searchServices(apiFor(undefined), context, search ?? {}),
		listActiveConnections: async () => listActiveConnections(context, opened),
		listEvents: async (query: ListEventsOptions) => listEvents(context, query),
	};
}

/**
 * The client's methods (written out in buildClient) with every failure passed through the client's redaction before
 * it reaches the caller.
 */
function withRedactedErrors(
	client: RemoteItClient,
	redact: (text: string) => string,
): RemoteItClient {
	const wrapped: Record<string, unknown> = {};
	for (const [name, method] of Object.entries(client) as Array<
		[string, (...args: unknown[]) => Promise<unknown>]
	>) {
		wrapped[name] = async (...args: unknown[]) => {
			try {
				return await method(...args);
			} catch (error) {
				throw redactError(error, redact);
			}
		};
	}
	return wrapped as unknown as RemoteItClient;
}

/** What an engine must supply: how to send a request and how to wait between retries. */
export type EngineClientOptions = RemoteItClientOptions &
	Required<Pick<RemoteItClientOptions, 'send' | 'sleep'>>;

export function buildRemoteItClient(options: EngineClientOptions): RemoteItClient {
	// Until auth is validated, its secret fields may hold anything.
	const rawAuth: unknown = options?.auth;
	const known = createSecretRegistry(
		['secretAccessKey', 'password', 'token', 'developerKey'].map((field) => {
			const value = isPlainObject(rawAuth) ? rawAuth[field] : undefined;
			return typeof value === 'string' ? value : undefined;
		}),
	);
	try {
		const auth = normaliseAuth(options?.auth);
		const secrets = createSecretRegistry(secretsOf(auth));
		const timeoutMs = normaliseTimeout(options.timeoutMs);
		const now = options.now ?? (() => new Date());
		const apiUrl = normaliseApiUrl(options.apiUrl);
		const requestSettings: RequestSettings = {
			send: options.send,
			timeoutMs,
			retry: normaliseRetryPolicy(options.retry),
			sleep: options.sleep,
			...(options.deadline ? { deadline: options.deadline } : {}),
			now,
			redact: secrets.redact,
			...(typeof options.timeoutAdvice === 'string'
				? { timeoutAdvice: options.timeoutAdvice }
				: {}),
			...(options.concurrency !== undefined
				? {
						// One window per account in this process: every client of it backs off together.
						concurrency: createAdaptiveConcurrency(options.concurrency, accountKey(apiUrl, auth)),
					}
				: {}),
		};
		const authSession = createAuthSession({
			apiUrl,
			auth,
			requestSettings,
			secrets,
			authenticatedBy: options.authenticatedBy,
		});
		const restAvailable = auth.type !== 'accessKey' || auth.developerKey !== undefined;
		return withRedactedErrors(
			buildClient(
				{ apiUrl, requestSettings, authSession, restAvailable },
				now,
				accountKey(apiUrl, auth),
				options.probe,
			),
			secrets.redact,
		);
	} catch (error) {
		throw redactError(error, known.redact);
	}
}
