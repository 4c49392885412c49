/**
 * The public shapes of the remote.it client: its options, its results, and the client itself.
 * Engine shells (n8n, Node-RED) code against these and nothing else in client/.
 */

export type AccessMode = 'latching' | 'public' | 'restricted';
export type ProxyType = 'auto' | 'port' | 'reverse';
export type ApiChoice = 'auto' | 'graphql' | 'rest';

export type RemoteItAuth =
	| { type: 'accessKey'; accessKeyId: string; secretAccessKey: string; developerKey?: string }
	| { type: 'password'; developerKey: string; username: string; password: string }
	| { type: 'token'; developerKey: string; token: string };

export interface HttpRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: string;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** Sends one HTTP request; each engine supplies its own (n8n's request helper, Node-RED's axios instance). */
export type SendRequest = (request: HttpRequest) => Promise<HttpResponse>;

/** A cancellable deadline: `expired` rejects with `onExpiry()` once `ms` have passed, unless cancelled first. */
export type StartDeadline = (
	ms: number,
	onExpiry: () => Error,
) => { expired: Promise<never>; cancel(): void };

export interface RetryPolicy {
	/** Tries in all, the first included (1 = never retry). Only 429, 502/503/504 and network resets are retried. */
	attempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export interface RemoteItClientOptions {
	/** Default 'https://api.remote.it'. REST lives under /apv/v27, GraphQL at /graphql/v1. */
	apiUrl?: string;
	auth: RemoteItAuth;
	/** Default: an axios transport. */
	send?: SendRequest;
	/** Default 30000; applies to every request. */
	timeoutMs?: number;
	/**
	 * How a timeout error tells the user to raise the timeout, in the words of the setting they see (for example
	 * 'raise "Timeout" under Options'). Default 'raise the timeout'.
	 */
	timeoutAdvice?: string;
	/** Default 3 attempts, 500 ms base delay, 10000 ms cap. */
	retry?: RetryPolicy;
	/** Waits between retries. Default: a timer; n8n passes n8n-workflow's `sleep`. */
	sleep?: (ms: number) => Promise<void>;
	/** Bounds each request by `timeoutMs` whatever `send` does. Default: a timer; n8n relies on its request helper's timeout. */
	deadline?: StartDeadline;
	/**
	 * The most requests this client keeps in flight (1-100). Without it, every call goes out at once. With it, the
	 * bound narrows while remote.it answers 429 and widens again as requests succeed; 429s are then retried (after
	 * Retry-After) until the bound fits remote.it's rate, up to 10 tries.
	 */
	concurrency?: number;
	/**
	 * Who adds the credential's own headers (HTTP signature, developer key, fixed session token). Default 'client'.
	 * 'transport': the engine's transport adds them, as n8n's credential `authenticate` does for every request sent
	 * through `httpRequestWithAuthentication`. A password login and the session token it yields stay with the client
	 * either way, because only the client can tell that remote.it refused the token and renew it.
	 */
	authenticatedBy?: 'client' | 'transport';
	now?: () => Date;
	/**
	 * Tries once to reach a proxy endpoint; true when it accepted a connection. Needed for Connect's
	 * `waitUntilReachable`. Engines supply their own (n8n: its request helper; Node-RED: a TCP connect), so the
	 * client itself opens no sockets.
	 */
	probe?: ProbeEndpoint;
}

export type ProbeEndpoint = (endpoint: {
	host: string;
	port: number | null;
	url: string;
}) => Promise<boolean>;

/** What Connect outputs in both engines (docs/design.md, "The connection object"). */
export interface Connection {
	id: string;
	serviceId: string;
	host: string;
	port: number | null;
	/** Ready to use: https://… for reverse proxies, tcp://host:port otherwise. */
	url: string;
	/** The proxy string exactly as remote.it returned it. */
	proxy: string;
	reverseProxy: boolean;
	accessMode: AccessMode;
	hostIp: string;
	createdAt: string;
	expiresAt: string;
	timeoutSeconds: number;
	/** Set when opening this connection made remote.it close this client's earlier one to the same service. */
	replacedConnectionId?: string;
	/** Only with `includeRaw`: the API response the connection was built from. */
	raw?: unknown;
}

export interface Disconnection {
	id: string;
	serviceId: string;
	disconnected: true;
}

export interface ConnectOptions {
	accessMode?: AccessMode;
	/** Required (a public IPv4) when accessMode is 'restricted'. */
	hostIp?: string;
	proxyType?: ProxyType;
	/** REST `wait`: answer once the proxy is up. Default true. */
	wait?: boolean;
	api?: ApiChoice;
	/**
	 * Return a live connection to the same service instead of opening a new proxy: only one this client opened that
	 * remote.it still lists among the account's own proxy sessions (a session carries no address, so a connection
	 * opened elsewhere cannot be reused). Otherwise a new one is opened.
	 */
	reuse?: boolean;
	includeRaw?: boolean;
	/**
	 * After connecting, probe the endpoint until it accepts a connection or `reachableTimeoutMs` (default 30000)
	 * passes; on timeout the connection is closed and a RemoteItTimeoutError thrown. With latching access the probe's
	 * own source address latches the proxy: only use it from the machine that will use the connection.
	 */
	waitUntilReachable?: boolean;
	reachableTimeoutMs?: number;
}

export interface Service {
	id: string;
	name: string;
	state: 'active' | 'inactive';
	online: boolean;
	/** remote.it application type id (docs/remoteit-api.md §3): 28 SSH, 7 HTTP, 35 Bulk Service, ... */
	application: number;
	/** remote.it's title for the type: 'SSH', 'HTTP', 'Generic TCP', ... */
	type: string;
	port: number | null;
}

export interface Device {
	id: string;
	name: string;
	state: 'active' | 'inactive';
	online: boolean;
	hardwareId?: string;
	lastReported?: string;
	/** The names of the device's tags (docs/remoteit-api.md §3a). */
	tags: string[];
	services: Service[];
}

/** `any`: devices with at least one of the tags; `all`: devices with every one of them. */
export type TagOperator = 'any' | 'all';

/** Devices chosen by their tags (remote.it's `ListFilter`, docs/remoteit-api.md §3a). */
export interface TagFilter {
	/** At least one; tag names match exactly. */
	tags: string[];
	operator: TagOperator;
}

/** What addTags and removeTags did: the devices and the tag names, as sent. */
export interface TagChange {
	deviceIds: string[];
	tags: string[];
}

export interface ListDevicesOptions {
	/** Case-insensitive substring of the device name. */
	name?: string;
	state?: 'active' | 'inactive';
	/** Only devices carrying these tags (listed over GraphQL: remote.it's REST API has no tags). */
	tags?: string[];
	/** How `tags` combine; default 'any'. */
	tagOperator?: TagOperator;
	/** Default DEFAULT_DEVICE_LIMIT (page-sizes.ts); ignored with returnAll. */
	limit?: number;
	returnAll?: boolean;
	api?: ApiChoice;
}

/** How a reference to a service or device is read: see RemoteItClient.serviceIdOf. */
export type ReferenceKind = 'id' | 'name' | 'either';

/** One entry of a service picker ("device name / service name"). */
export interface ServiceChoice {
	id: string;
	name: string;
	deviceId: string;
	deviceName: string;
	serviceName: string;
	online: boolean;
}

export interface SearchServicesOptions {
	/** Case-insensitive substring of the device name. */
	filter?: string;
	/** Opaque paging cursor from a previous page's `next`. */
	cursor?: string;
}

export interface ServicePage {
	items: ServiceChoice[];
	next?: string;
}

/**
 * One of this account's own live proxy connections (docs/remoteit-api.md §3). remote.it's session list gives no
 * proxy address: `proxy`, `host` and `port` are present only for connections opened by this process.
 */
export interface ActiveConnection {
	/** Equals the connection id. */
	id: string;
	serviceId: string;
	serviceName: string;
	/** The device the service belongs to: several devices may each have an "SSH". */
	deviceId: string;
	deviceName: string;
	createdAt: string;
	proxy?: string;
	host?: string;
	port?: number | null;
}

/** remote.it event kinds (docs/remoteit-api.md §3). */
export type RemoteItEventType = 'DEVICE_STATE' | 'DEVICE_CONNECT' | 'DEVICE_SHARE';

/** One entry of remote.it's event log (GraphQL `login.events`). */
export interface RemoteItEvent {
	id: string;
	type: RemoteItEventType;
	/**
	 * As remote.it sends it: `active` | `inactive` for DEVICE_STATE, `connected` | `disconnected` for DEVICE_CONNECT
	 * [inferred from the emulator; docs/remoteit-api.md documents no values]. Empty when remote.it sends none.
	 */
	state: string;
	/** ISO 8601. */
	timestamp: string;
	/** What the event is about: the device for DEVICE_STATE, the service for DEVICE_CONNECT. */
	target?: { id: string; name: string };
}

export interface ListEventsOptions {
	/** At least one; remote.it returns only these kinds. */
	types: RemoteItEventType[];
	/** Only events at or after this instant (inclusive). An ISO date or a Date. */
	minDate?: string | Date;
	/** The most events to return: default 100, at most 1000. Pages are followed until this many or no more. */
	size?: number;
	/** Events to skip, counted from the newest. Default 0. */
	from?: number;
}

export interface RemoteItClient {
	testCredentials(): Promise<{ email: string }>;
	connect(serviceId: string, options?: ConnectOptions): Promise<Connection>;
	disconnect(target: { connectionId: string; serviceId: string }): Promise<Disconnection>;
	listDevices(options?: ListDevicesOptions): Promise<Device[]>;
	/** Adds tags to devices (or services), making the account's tags that do not exist yet. */
	addTags(deviceIds: string | string[], tags: string[]): Promise<TagChange>;
	/** Takes tags off devices (or services); the account keeps the tags themselves. */
	removeTags(deviceIds: string | string[], tags: string[]): Promise<TagChange>;
	/** `as` as for serviceIdOf: 'id' is checked as an id; otherwise an id's shape decides, since no name has one. */
	getDevice(idOrName: string, as?: ReferenceKind): Promise<Device>;
	/** Resolves a service id or a `device name/service name` pair. */
	findService(idOrName: string): Promise<{ device: Device; service: Service }>;
	/**
	 * The one answer to "is this an id or a name?": the service id a reference stands for. `as` 'id': an id, checked
	 * without a request; 'name': looked up with findService (an id is accepted there too); 'either' (the default):
	 * looked up only when it holds a "/", as every "device name/service name" does and no id does.
	 */
	serviceIdOf(reference: string, as?: ReferenceKind): Promise<string>;
	searchServices(options?: SearchServicesOptions): Promise<ServicePage>;
	listActiveConnections(): Promise<ActiveConnection[]>;
	/** The account's events of the given kinds, newest first (docs/remoteit-api.md §3). */
	listEvents(options: ListEventsOptions): Promise<RemoteItEvent[]>;
}
