/**
 * A cost limit on GraphQL documents (emulator-defined: remote.it publishes none). Deep nesting and many fields
 * (aliases repeat a field as often as one likes) are refused before execution, so one request cannot keep the
 * emulator busy for seconds. Fragments are followed as they would be executed, with a guard against cycles.
 */
import type { DocumentNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql';
import { Kind, parse } from 'graphql';

export const GRAPHQL_LIMITS = {
	/** Nesting of fields; the client's deepest query (devices with services) is 5. */
	depth: 10,
	/** Fields in the whole document, each alias counted, fragments expanded. */
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

/** Why a parsed document is too costly to run (depth, fields), or undefined. */
export function documentCostProblem(document: DocumentNode): string | undefined {
	const fragments = new Map<string, FragmentDefinitionNode>();
	for (const definition of document.definitions) {
		if (definition.kind === Kind.FRAGMENT_DEFINITION)
			fragments.set(definition.name.value, definition);
	}
	let fields = 0;
	const walk = (set: SelectionSetNode, depth: number, inFragments: ReadonlySet<string>): void => {
		for (const selection of set.selections) {
			if (selection.kind === Kind.FIELD) {
				fields += 1;
				if (fields > GRAPHQL_LIMITS.fields)
					throw new TooCostly(
						`Query is too costly: more than ${GRAPHQL_LIMITS.fields} fields (aliases count).`,
					);
				if (selection.selectionSet) {
					if (depth + 1 > GRAPHQL_LIMITS.depth)
						throw new TooCostly(`Query is too deep: more than ${GRAPHQL_LIMITS.depth} levels.`);
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
	try {
		for (const definition of document.definitions) {
			if (definition.kind === Kind.OPERATION_DEFINITION)
				walk(definition.selectionSet, 1, new Set());
		}
	} catch (error) {
		if (error instanceof TooCostly) return error.message;
		throw error;
	}
	return undefined;
}
