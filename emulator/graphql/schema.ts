/**
 * The subset of remote.it's GraphQL v1 schema this project uses (contract section 3), written in SDL
 * and built by the reference `graphql` package; argument and field names follow remote.it's schema.
 */
import { buildSchema } from 'graphql';

export const SCHEMA_SDL = /* GraphQL */ `
  scalar DateTime

  enum EventType { DEVICE_STATE DEVICE_CONNECT DEVICE_SHARE }
  enum ConnectionType { AUTO_PROXY REVERSE_PROXY PORT_PROXY }

  type Query {
    login: User
  }

  type Mutation {
    connect(serviceId: String!, hostIP: String, type: ConnectionType): Connection
    disconnect(serviceId: String, connectionId: String!): Boolean
  }

  type User {
    id: String!
    email: String!
    devices(size: Int, from: Int, name: String, state: String, sort: String): DeviceList!
    "Returns a list, even for one id."
    device(id: [String!]!): [Device!]!
    sessions: [Session!]!
    events(from: Int, size: Int, minDate: DateTime, maxDate: DateTime, types: [EventType!]): EventList!
  }

  type DeviceList {
    total: Int!
    hasMore: Boolean!
    items: [Device!]!
  }

  type Device {
    id: String!
    name: String!
    state: String!
    online: Boolean!
    hardwareId: String
    lastReported: DateTime
    created: DateTime
    owner: Owner!
    services: [Service!]!
  }

  type Owner {
    email: String!
  }

  type Service {
    id: String!
    name: String!
    state: String!
    online: Boolean!
    application: Int!
    title: String!
    port: Int
    device: Device!
  }

  type Session {
    id: String!
    timestamp: DateTime!
    target: Service!
    endpoint: SessionEndpoint!
  }

  type SessionEndpoint {
    proxy: String
    host: String
    port: Int
    reverseProxy: Boolean!
    hostIP: String!
    timeout: Int!
  }

  type EventList {
    total: Int!
    hasMore: Boolean!
    items: [Event!]!
  }

  type Event {
    id: String!
    type: EventType!
    state: String
    timestamp: DateTime!
    target: EventTarget
  }

  type EventTarget {
    id: String!
    name: String!
  }

  type Connection {
    id: String!
    host: String!
    "null for reverse proxies"
    port: Int
    reverseProxy: Boolean!
    url: String!
    hostIP: String!
    created: DateTime!
    timeout: Int!
  }
`;

export const schema = buildSchema(SCHEMA_SDL);
