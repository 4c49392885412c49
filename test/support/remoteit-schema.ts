/** remote.it's published GraphQL schema (test/fixtures/README.md) and a check of another schema against it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLField, GraphQLNamedType, GraphQLSchema, IntrospectionQuery } from 'graphql';
import {
	buildClientSchema,
	executeSync,
	isEnumType,
	isInputObjectType,
	isInterfaceType,
	isObjectType,
	isScalarType,
	isUnionType,
	parse,
} from 'graphql';

const FIXTURE = join(__dirname, '..', 'fixtures', 'remoteit-schema.json');

let cached: GraphQLSchema | undefined;

export function remoteItSchema(): GraphQLSchema {
	cached ??= buildClientSchema(
		(JSON.parse(readFileSync(FIXTURE, 'utf8')) as { data: IntrospectionQuery }).data,
	);
	return cached;
}

function fieldDifferences(
	where: string,
	ours: GraphQLField<unknown, unknown>,
	theirs: GraphQLField<unknown, unknown> | undefined,
): string[] {
	if (!theirs) return [`${where} does not exist in remote.it's schema`];
	const problems: string[] = [];
	if (String(ours.type) !== String(theirs.type))
		problems.push(`${where} is ${String(ours.type)}, remote.it has ${String(theirs.type)}`);
	for (const arg of ours.args) {
		const real = theirs.args.find((a) => a.name === arg.name);
		if (!real) problems.push(`${where}(${arg.name}) is not an argument in remote.it's schema`);
		else if (String(real.type) !== String(arg.type))
			problems.push(
				`${where}(${arg.name}) is ${String(arg.type)}, remote.it has ${String(real.type)}`,
			);
		else if (JSON.stringify(real.defaultValue) !== JSON.stringify(arg.defaultValue)) {
			problems.push(
				`${where}(${arg.name}) defaults to ${JSON.stringify(arg.defaultValue)}, remote.it to ${JSON.stringify(real.defaultValue)}`,
			);
		}
	}
	// A required argument remote.it has and we leave out would let requests pass here that remote.it refuses.
	for (const real of theirs.args) {
		if (
			String(real.type).endsWith('!') &&
			real.defaultValue === undefined &&
			!ours.args.some((a) => a.name === real.name)
		) {
			problems.push(`${where} lacks remote.it's required argument ${real.name}`);
		}
	}
	return problems;
}

function typeDifferences(ours: GraphQLNamedType, theirs: GraphQLNamedType | undefined): string[] {
	if (!theirs) return [`type ${ours.name} does not exist in remote.it's schema`];
	if (ours.constructor !== theirs.constructor)
		return [`${ours.name} is a different kind of type in remote.it's schema`];
	if (isEnumType(ours) && isEnumType(theirs)) {
		const a = ours
			.getValues()
			.map((v) => v.name)
			.sort()
			.join(' ');
		const b = theirs
			.getValues()
			.map((v) => v.name)
			.sort()
			.join(' ');
		return a === b ? [] : [`enum ${ours.name} is {${a}}, remote.it has {${b}}`];
	}
	if (
		(isObjectType(ours) && isObjectType(theirs)) ||
		(isInterfaceType(ours) && isInterfaceType(theirs))
	) {
		const real = theirs.getFields();
		const problems = Object.values(ours.getFields()).flatMap((field) =>
			fieldDifferences(`${ours.name}.${field.name}`, field, real[field.name]),
		);
		const interfaces = theirs.getInterfaces().map((i) => i.name);
		for (const i of ours.getInterfaces())
			if (!interfaces.includes(i.name))
				problems.push(`${ours.name} does not implement ${i.name} in remote.it's schema`);
		return problems;
	}
	if (isInputObjectType(ours) && isInputObjectType(theirs)) {
		const real = theirs.getFields();
		return Object.values(ours.getFields()).flatMap((field) => {
			const where = `${ours.name}.${field.name}`;
			const match = real[field.name];
			if (!match) return [`${where} does not exist in remote.it's schema`];
			if (String(match.type) !== String(field.type))
				return [`${where} is ${String(field.type)}, remote.it has ${String(match.type)}`];
			return JSON.stringify(match.defaultValue) === JSON.stringify(field.defaultValue)
				? []
				: [
						`${where} defaults to ${JSON.stringify(field.defaultValue)}, remote.it to ${JSON.stringify(match.defaultValue)}`,
					];
		});
	}
	if (isScalarType(ours) || isUnionType(ours)) return [];
	return [`${ours.name}: kind not checked`];
}

/** Every type, field, argument and enum `schema` declares, compared with remote.it's; [] when they agree. */
export function differencesFromRemoteIt(schema: GraphQLSchema): string[] {
	const real = remoteItSchema();
	return Object.values(schema.getTypeMap())
		.filter((type) => !type.name.startsWith('__'))
		.flatMap((type) => typeDifferences(type, real.getType(type.name) ?? undefined));
}

/**
 * Re-executes `query` against remote.it's schema with the answer's `data` as the only source of values, so
 * graphql-js checks every value's type, nullability and list-ness as remote.it's schema declares them.
 * Returns the problems found; [] when the answer is shaped as remote.it's schema says.
 */
export function shapeProblems(
	query: string,
	variables: Record<string, unknown>,
	data: unknown,
): string[] {
	const schema = remoteItSchema();
	const result = executeSync({
		schema,
		document: parse(query),
		variableValues: variables,
		rootValue: data,
		fieldResolver: (source: unknown, _args, _context, info) =>
			(source as Record<string, unknown>)[info.path.key as string],
		// The fragment type is the possible type whose fields cover every key the answer holds for the object.
		typeResolver: (value: unknown, _context, info, abstractType) => {
			const keys = Object.keys(value as object);
			const candidates = info.schema.getPossibleTypes(abstractType);
			const fits = candidates.filter((t) => keys.every((k) => k in t.getFields()));
			return (fits.find((t) => t.name !== 'GenericEvent') ?? fits[0] ?? candidates[0]).name;
		},
	});
	return (result.errors ?? []).map((e) => `${e.path?.join('.') ?? ''}: ${e.message}`);
}
