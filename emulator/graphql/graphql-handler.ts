/** POST /graphql/v1: authenticate, then let the reference `graphql` package execute the request. */
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';
import { identifyCaller } from '../auth';
import type { EmulatorContext } from '../runtime';
import type { ApiResponse, EmulatorRequest } from '../http-types';
import { jsonResponse, textResponse } from '../http-types';
import { costProblemOf, parsedDocument, runGraphql } from './document-cache';
import { rootValue } from './resolvers';
import { schema } from './schema';

export const GRAPHQL_PATH = '/graphql/v1';

interface GraphQLRequestBody {
	query: string;
	variables?: Record<string, unknown>;
	operationName?: string;
}

function parseBody(body: Buffer): GraphQLRequestBody | string {
	let value: unknown;
	try {
		value = JSON.parse(body.toString('utf8'));
	} catch {
		return 'Request body is not valid JSON';
	}
	if (typeof value !== 'object' || value === null) return 'Request body must be a JSON object';
	const { query, variables, operationName } = value as Record<string, unknown>;
	if (typeof query !== 'string') return 'Must provide query string.';
	if (variables != null && (typeof variables !== 'object' || Array.isArray(variables)))
		return 'Variables must be an object.';
	return {
		query,
		variables: (variables ?? undefined) as Record<string, unknown> | undefined,
		operationName: typeof operationName === 'string' ? operationName : undefined,
	};
}

/** "mutation connect", "query login": which operation ran, for the request log. */
export function describeOperation(
	document: DocumentNode | undefined,
	operationName?: string,
): string | undefined {
	const operations = (document?.definitions ?? []).filter(
		(d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
	);
	const operation = operations.find((o) => o.name?.value === operationName) ?? operations[0];
	if (!operation) return undefined;
	const fields = operation.selectionSet.selections.flatMap((s) =>
		s.kind === Kind.FIELD ? [s.name.value] : [],
	);
	return `${operation.operation} ${fields.join(',')}`;
}

export async function handleGraphQL(
	request: EmulatorRequest,
	context: EmulatorContext,
): Promise<ApiResponse> {
	const caller = identifyCaller(request, context.accounts, context.clock, context.settings);
	const log: NonNullable<ApiResponse['log']> = { auth: caller.scheme, authFailure: caller.failure };
	// Auth failures are plain text, no GraphQL envelope (docs/remoteit-api.md §3).
	if (caller.scheme === 'signature' && !caller.user)
		return { ...textResponse(403, 'Forbidden'), log };
	// A token alone is enough for GraphQL: remote.it's Go SDK sends only `token` (docs/remoteit-api.md §1).
	if (caller.scheme === 'token' && caller.developerKeySent && !caller.developerKeyValid)
		return {
			...textResponse(401, 'Unauthorized'),
			log: { ...log, authFailure: 'developer key invalid' },
		};
	if (!caller.user) return { ...textResponse(401, 'Unauthorized'), log };
	if (request.method !== 'POST')
		return {
			...jsonResponse(405, { errors: [{ message: 'GraphQL requests must be POST' }] }),
			log,
		};
	const body = parseBody(request.body);
	if (typeof body === 'string')
		return { ...jsonResponse(400, { errors: [{ message: body }] }), log };
	const tooCostly = costProblemOf(schema, body.query);
	if (tooCostly) return { ...jsonResponse(400, { errors: [{ message: tooCostly }] }), log };
	log.operation = describeOperation(parsedDocument(schema, body.query), body.operationName);
	const result = await runGraphql({
		schema,
		source: body.query,
		rootValue,
		contextValue: { emulator: context, user: caller.user },
		variableValues: body.variables,
		operationName: body.operationName,
	});
	return { ...jsonResponse(200, result), log };
}
