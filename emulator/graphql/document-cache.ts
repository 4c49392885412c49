/**
 * `graphql()` with parsed, cost-checked and validated documents kept per query text. Clients send the same few
 * query texts over and over; validating each anew made the emulator's own CPU, not the wire, the cost the bench
 * measured. The cost limit (cost-limit.ts) is part of what is kept, so a cached text is refused as surely as a new one.
 */
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { GraphQLError, execute, validate } from 'graphql';
import { documentCostProblem, parseWithinLimit } from './cost-limit';

const MAX_DOCUMENTS = 200;

interface Prepared {
	schema: GraphQLSchema;
	/** The parsed text, valid or not (the request log names its operation). */
	parsed?: DocumentNode;
	/** The parsed text once it passed the cost limit and validation. */
	document?: DocumentNode;
	errors?: readonly GraphQLError[];
	/** Why the text is refused before execution (too large, deep or wide). */
	tooCostly?: string;
}

const documents = new Map<string, Prepared>();

function prepare(schema: GraphQLSchema, source: string): Prepared {
	const parsed = parseWithinLimit(source);
	if ('tooLarge' in parsed) return { schema, tooCostly: parsed.tooLarge };
	if ('syntaxError' in parsed) {
		const error = parsed.syntaxError;
		return {
			schema,
			errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))],
		};
	}
	const tooCostly = documentCostProblem(parsed.document);
	if (tooCostly) return { schema, parsed: parsed.document, tooCostly };
	const errors = validate(schema, parsed.document);
	return errors.length > 0
		? { schema, parsed: parsed.document, errors }
		: { schema, parsed: parsed.document, document: parsed.document };
}

function prepared(schema: GraphQLSchema, source: string): Prepared {
	const cached = documents.get(source);
	if (cached && cached.schema === schema) return cached;
	const entry = prepare(schema, source);
	if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value as string);
	documents.set(source, entry);
	return entry;
}

/** Why this query text is too costly to run (cost-limit.ts), or undefined; cached like the document. */
export function costProblemOf(schema: GraphQLSchema, source: string): string | undefined {
	return prepared(schema, source).tooCostly;
}

/** The query text parsed (cached like the rest), or undefined when it does not parse. */
export function parsedDocument(schema: GraphQLSchema, source: string): DocumentNode | undefined {
	return prepared(schema, source).parsed;
}

export interface GraphqlArgs {
	schema: GraphQLSchema;
	source: string;
	rootValue?: unknown;
	contextValue?: unknown;
	variableValues?: Record<string, unknown>;
	operationName?: string;
}

export async function runGraphql(args: GraphqlArgs): Promise<ExecutionResult> {
	const { document, errors, tooCostly } = prepared(args.schema, args.source);
	if (tooCostly) return { errors: [new GraphQLError(tooCostly)] };
	if (!document) return { errors: errors ?? [] };
	return execute({
		schema: args.schema,
		document,
		rootValue: args.rootValue,
		contextValue: args.contextValue,
		variableValues: args.variableValues,
		operationName: args.operationName,
	});
}
