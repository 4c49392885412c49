/**
 * The client's GraphQL operations must not lean on schema details docs/remoteit-api.md §3 leaves open, because
 * the emulator's schema is our guess at them: the name of the enum behind connect's `type` argument, and whether
 * disconnect's `serviceId` argument is required (remote.it's desktop app declares `$serviceId: String!`).
 */
import { buildSchema, parse, validate } from 'graphql';
import { QUERIES } from '../../client/wire/graphql';
import { SCHEMA_SDL } from '../../emulator/graphql/schema';

const emulatorSchema = buildSchema(SCHEMA_SDL);
const stricterSchema = buildSchema(
	SCHEMA_SDL.replace(/\bConnectionType\b/g, 'ProxyConnectionKind').replace(
		'disconnect(serviceId: String,',
		'disconnect(serviceId: String!,',
	),
);

const problemsOf = (schema: typeof emulatorSchema, query: string): string[] =>
	validate(schema, parse(query)).map((error) => error.message);

describe.each(Object.entries(QUERIES))('GraphQL operation %s', (_name, query) => {
	it('is valid against the emulator schema', () => {
		expect(problemsOf(emulatorSchema, query)).toEqual([]);
	});

	it('stays valid whatever the connect-type enum is called and when disconnect requires serviceId', () => {
		expect(stricterSchema.getType('ConnectionType')).toBeUndefined();
		expect(problemsOf(stricterSchema, query)).toEqual([]);
	});
});
