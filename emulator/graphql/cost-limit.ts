/**
 * A cost limit on GraphQL documents (emulator-defined: remote.it publishes none). Deep nesting and many fields
 * (aliases repeat a field as often as one likes) are refused before execution, so one request cannot keep the
 * emulator busy for seconds. Fragments are followed as they would be executed, with a guard against cycles.
 * Introspection has limits of its own: those of graphql's standard introspection query (see INTROSPECTION_LIMITS).
 */
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import { getIntrospectionQuery, Kind, parse } from 'graphql';

interface CostLimits {
	/** Nesting of fields. */
	depth: number;
	/** Fields in the whole document, each alias counted, fragments expanded. */
	fields: number;
}

export const GRAPHQL_LIMITS = {
	/** The client's deepest query (devices with services) is 5. */
	depth: 10,
	fields: 300,
	/** Lexical tokens, enforced by the parser itself. */
	tokens: 5000,
} as const;

class TooCostly extends Error {}

/** Parses within the token limit: the document, or why not (too large, or graphql's own syntax error). */
export function parseWithinLimit(
	source: string,
): { document: DocumentNode } | { tooLarge: string } | { syntaxError: unknown } {
	try {
		return { document: parse(source, { maxTokens: GRAPHQL_LIMITS.tokens }) };
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		return /Parsing aborted/.test(message)
			? { tooLarge: `Query is too large: more than ${GRAPHQL_LIMITS.tokens} tokens.` }
			: { syntaxError: error };
	}
}

/** The document's depth and field count, or TooCostly as soon as either passes its limit. */
function measure(document: DocumentNode, limits: CostLimits): CostLimits {
	const fragments = new Map<string, FragmentDefinitionNode>();
	for (const definition of document.definitions) {
		if (definition.kind === Kind.FRAGMENT_DEFINITION)
			fragments.set(definition.name.value, definition);
	}
	let fields = 0;
	let deepest = 0;
	const walk = (set: SelectionSetNode, depth: number, inFragments: ReadonlySet<string>): void => {
		deepest = Math.max(deepest, depth);
		for (const selection of set.selections) {
			if (selection.kind === Kind.FIELD) {
				fields += 1;
				if (fields > limits.fields)
					throw new TooCostly(
						`Query is too costly: more than ${limits.fields} fields (aliases count).`,
					);
				if (selection.selectionSet) {
					if (depth + 1 > limits.depth)
						throw new TooCostly(`Query is too deep: more than ${limits.depth} levels.`);
					walk(selection.selectionSet, depth + 1, inFragments);
				}
			} else if (selection.kind === Kind.INLINE_FRAGMENT) {
				walk(selection.selectionSet, depth, inFragments);
			} else {
				const name = selection.name.value;
				const fragment = fragments.get(name);
				// An unknown or cyclic fragment is graphql's validation error to report, not a cost.
				if (fragment && !inFragments.has(name))
					walk(fragment.selectionSet, depth, new Set([...inFragments, name]));
			}
		}
	};
	for (const definition of document.definitions) {
		if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1, new Set());
	}
	return { depth: deepest, fields };
}

/**
 * remote.it answered the standard introspection query (its published schema is such an answer, docs/remoteit-api.md
 * §3), and GraphQL tools send it; it nests ofType deeper than GRAPHQL_LIMITS allow. A document that asks only for
 * `__schema`, `__type` or `__typename` may be as deep and wide as graphql's own query with every option on, no more.
 */
const INTROSPECTION_LIMITS = measure(
	parse(
		getIntrospectionQuery({
			descriptions: true,
			specifiedByUrl: true,
			directiveIsRepeatable: true,
			schemaDescription: true,
			inputValueDeprecation: true,
			oneOf: true,
		}),
	),
	{ depth: Infinity, fields: Infinity },
);

const META_FIELDS = new Set(['__schema', '__type', '__typename']);

function isIntrospection(document: DocumentNode): boolean {
	const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
	return (
		operations.length > 0 &&
		operations.every((operation) =>
			operation.selectionSet.selections.every(
				(s) => s.kind === Kind.FIELD && META_FIELDS.has(s.name.value),
			),
		)
	);
}

/** Why a parsed document is too costly to run (depth, fields), or undefined. */
export function documentCostProblem(document: DocumentNode): string | undefined {
	try {
		measure(document, isIntrospection(document) ? INTROSPECTION_LIMITS : GRAPHQL_LIMITS);
	} catch (error) {
		if (error instanceof TooCostly) return error.message;
		throw error;
	}
	return undefined;
}
