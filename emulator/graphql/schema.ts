/**
 * The part of remote.it's GraphQL v1 schema the emulator serves (docs/remoteit-api.md §3), in SDL built by the
 * reference `graphql` package. Every type, field, argument, default and enum here is copied from remote.it's
 * schema introspection (test/fixtures/remoteit-schema.json); test/integration/emulator-schema.test.ts fails
 * on any difference. Fields remote.it has and the emulator does not serve are simply absent.
 */
import { buildSchema } from 'graphql';

/** `events` on User, Device and Service: the account's or the target's event log, paged. */
const EVENTS_FIELD = `
	events(
		after: ID
		from: Int = 0
		size: Int = 100
		maxDate: DateTime
		minDate: DateTime
		types: [EventType!]
	): PaginatedEventResponse!
`;

/** What remote.it's ServiceReference, Service and Device have in common, in remote.it's order. */
const REFERENCE_FIELDS = `
	id: ID!
	protocol: Protocol
	name: String
	manufacturer: Int
	platform: Int
	created: DateTime
	application: Int
	port: Int
	title: String
	owner: UserReference
	device: Device
`;

/** Service's fields; a Device has them all, then its own. */
const SERVICE_FIELDS = `
	${REFERENCE_FIELDS}
	host: String
	enabled: Boolean!
	access: [Access!]!
	attributes(name: String, context: String): Object!
	tags(accountId: String): [DeviceTag!]!
	endpoint: ServiceEndpoint
	lastReported: DateTime
	sessions: [Session!]
	state: String!
	online: Boolean!
	${EVENTS_FIELD}
`;

/** The LogEvent interface; SDL makes every event type repeat the fields of the interface it implements. */
const LOG_EVENT_FIELDS = `
	action: String
	id: ID!
	state: String
	timestamp: DateTime
	type: String!
	actor: UserReference
	devices: [ServiceReference!] @deprecated(reason: "Use target instead")
	owner: UserReference
	services: [ServiceReference!] @deprecated(reason: "Use target instead")
	users: [UserReference!]
	target: [ServiceReference!]
`;

export const SCHEMA_SDL = /* GraphQL */ `
	scalar DateTime
	scalar Object
	scalar Any

	enum ProxyType {
		AUTO_PROXY
		REVERSE_PROXY
		PORT_PROXY
	}
	enum EventType {
		DEVICE_STATE
		DEVICE_CONNECT
		DEVICE_SHARE
		LICENSE_UPDATED
		AUTH_LOGIN
		AUTH_LOGIN_ATTEMPT
		AUTH_PASSWORD_CHANGE
		AUTH_PASSWORD_RESET
		AUTH_PHONE_CHANGE
		AUTH_MFA_ENABLED
		AUTH_MFA_DISABLED
		DEVICE_REFRESH
		DEVICE_TRANSFER
		DEVICE_DELETE
		DEVICE_JOB
	}
	enum ListOperator {
		ANY
		ALL
	}
	input ListFilter {
		operator: ListOperator! = ANY
		values: [Any!]!
	}
	input TagInput {
		name: String!
		color: Int
	}
	enum Protocol {
		TCP
		UDP
	}
	enum ConnectionSource {
		UNKNOWN
		INTERNAL
		EXTERNAL
		WEBSOCKET
	}
	enum EndpointQuality {
		UNKNOWN
		POOR
		MODERATE
		GOOD
	}

	type Query {
		applicationTypes: [ApplicationType!]!
		login: User
	}

	type Mutation {
		connect(
			hostIP: String! = "255.255.255.255"
			type: ProxyType! = AUTO_PROXY
			serviceId: String!
		): Connection!
		disconnect(connectionId: String!, serviceId: String): Boolean!
		setTag(tag: [TagInput!]!, accountId: String): Boolean
		renameTag(to: String!, from: String!, accountId: String): Boolean
		deleteTag(name: [String!]!, accountId: String): Boolean
		addTag(name: [String!]!, serviceId: [String!]!, accountId: String): Boolean
		removeTag(name: [String!]!, serviceId: [String!]!, accountId: String): Boolean
	}

	type ApplicationType {
		id: Int!
		name: String!
		description: String!
		port: Int
		proxy: Boolean!
		scheme: String
		protocol: Protocol!
	}

	type User {
		id: ID!
		email: String
		created: DateTime
		account(email: String, id: String): User
		sessions: [Session!]
		device(id: [String!]!): [Device!]
		service(id: [String!]!): [Service!]
		devices(
			sort: String! = "name"
			after: ID
			from: Int = 0
			size: Int = 100
			application: [Int!]
			hardwareId: String
			id: [String!]
			name: String
			owner: Boolean
			platform: [Int!]
			state: String
			tag: ListFilter
		): PaginatedDeviceResponse!
		endpoints(id: [String!], state: String): [ServiceEndpoint!]
		${EVENTS_FIELD}
		applicationTypes: [ApplicationType!]!
		tags: [Tag!]!
	}

	type Tag {
		name: String!
		color: Int
		created: DateTime!
	}

	type UserReference {
		id: ID!
		email: String
	}

	type PaginatedDeviceResponse {
		items: [Device!]!
		hasMore: Boolean!
		last: String
		total: Int!
	}

	type Access {
		created: DateTime
		scripting: Boolean
		user: UserReference!
	}

	type DeviceTag {
		created: DateTime!
		name: String!
		color: Int
	}

	type Device {
		${SERVICE_FIELDS}
		categoryA: String
		categoryB: String
		categoryC: String
		categoryD: String
		categoryE: String
		hardwareId: String
		statusA: String
		statusB: String
		statusC: String
		statusD: String
		statusE: String
		services(
			sort: String! = "name"
			application: [Int!]
			id: [String!]
			name: String
			owner: Boolean
			state: String
		): [Service!]!
	}

	type Service {
		${SERVICE_FIELDS}
	}

	type ServiceReference {
		${REFERENCE_FIELDS}
	}

	type Geolocation {
		city: String
		connectionType: String
		continent: String
		continentName: String
		country: String
		countryName: String
		isp: String
		latitude: Float
		longitude: Float
		postal: String
		state: String
		stateName: String
		timezone: String
	}

	type ServiceEndpoint {
		externalAddress: String
		id: ID!
		timestamp: DateTime!
		geo: Geolocation
		availability: Float
		expired: Boolean
		name: String
		online: Boolean!
		state: String!
		quality: EndpointQuality
		version: String
		application: Int
		port: Int
		title: String
	}

	type Session {
		id: ID!
		timestamp: DateTime!
		state: String!
		connected: Boolean!
		source: ConnectionSource
		address: String
		user: UserReference
		target: ServiceReference
		endpoint: SessionEndpoint
	}

	type SessionEndpoint {
		externalAddress: String
		id: ID!
		timestamp: DateTime!
		platform: Int
		manufacturer: Int
		geo: Geolocation
		proxy: Boolean!
	}

	type Connection {
		id: ID!
		reverseProxy: Boolean!
		host: String!
		port: Int
		url: String!
		created: DateTime!
		timeout: Int!
		session: Session
	}

	type PaginatedEventResponse {
		items: [LogEvent!]!
		hasMore: Boolean!
		last: String
		total: Int!
	}

	interface LogEvent {
		${LOG_EVENT_FIELDS}
	}

	type DeviceStateEvent implements LogEvent {
		${LOG_EVENT_FIELDS}
		expired: Boolean
		externalAddress: String
		internalAddress: String
		serverAddress: String
		geo: Geolocation
	}

	type DeviceConnectEvent implements LogEvent {
		${LOG_EVENT_FIELDS}
		session: String
		source: ConnectionSource
		sourceType: String
		txBytes: Int
		rxBytes: Int
		lifetime: Int
		address: String
		sourceAddress: String
		targetAddress: String
		sourceGeo: Geolocation
		targetGeo: Geolocation
		proxy: Boolean
	}

	type DeviceShareEvent implements LogEvent {
		${LOG_EVENT_FIELDS}
		scripting: Boolean
	}

	type GenericEvent implements LogEvent {
		${LOG_EVENT_FIELDS}
	}
`;

export const schema = buildSchema(SCHEMA_SDL);
