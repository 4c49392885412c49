/** The emulator's GraphQL schema is remote.it's, and every query the client sends is valid in remote.it's schema. */
import { parse, validate } from 'graphql';
import { QUERIES } from '../../client/wire/graphql';
import { schema } from '../../emulator/graphql/schema';
import { differencesFromRemoteIt, remoteItSchema } from '../support/remoteit-schema';

describe("the emulator's GraphQL schema", () => {
	it("declares only types, fields, arguments and enums that remote.it's schema has, with the same types", () => {
		expect(differencesFromRemoteIt(schema)).toEqual([]);
	});

	it('the check itself notices a field typed differently from remote.it', async () => {
		const { buildSchema } = await import('graphql');
		const wrong = buildSchema(
			'type Query { login: User } type User { id: ID! sessions: [Session!] } type Session { id: ID! endpoint: SessionEndpoint } type SessionEndpoint { id: ID! proxy: String }',
		);
		expect(differencesFromRemoteIt(wrong)).toEqual([
			'SessionEndpoint.proxy is String, remote.it has Boolean!',
		]);
	});

	it('the check itself notices an input field typed or defaulted differently from remote.it', async () => {
		const { buildSchema } = await import('graphql');
		const wrong = buildSchema(
			'enum ListOperator { ANY ALL } input ListFilter { operator: ListOperator = ALL values: [String!]! } type Query { login(tag: ListFilter): ID }',
		);
		expect(differencesFromRemoteIt(wrong)).toEqual(
			expect.arrayContaining([
				'ListFilter.operator is ListOperator, remote.it has ListOperator!',
				'ListFilter.values is [String!]!, remote.it has [Any!]!',
			]),
		);
	});
});

describe("the client's GraphQL operations", () => {
	it.each(Object.entries(QUERIES))("%s is valid against remote.it's schema", (_name, query) => {
		expect(validate(remoteItSchema(), parse(query)).map((e) => e.message)).toEqual([]);
	});

	it.each(Object.entries(QUERIES))("%s is valid against the emulator's schema", (_name, query) => {
		expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
	});
});

describe('the answer-shape check', () => {
	it('flags a session endpoint whose proxy is a URL string and an event target that is one object', () => {
		const { shapeProblems } = jest.requireActual<typeof import('../support/remoteit-schema')>(
			'../support/remoteit-schema',
		);
		const query =
			'{ login { sessions { endpoint { proxy } } events { items { target { id } } } } }';
		const data = {
			login: {
				sessions: [{ endpoint: { proxy: 'http://proxy18.rt3.io:38575' } }],
				events: { items: [{ target: { id: 'x' } }] },
			},
		};
		expect(shapeProblems(query, {}, data)).toEqual([
			'login.sessions.0.endpoint.proxy: Boolean cannot represent a non boolean value: "http://proxy18.rt3.io:38575"',
			'login.events.items.0.target: Expected Iterable, but did not find one for field "JobEvent.target".',
		]);
	});
});
