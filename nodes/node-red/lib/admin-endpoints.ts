/**
 * The admin endpoints behind the edit dialogs (under Node-RED's httpAdmin, so they honour adminAuth):
 * - POST /remoteit-config/test           (remoteit-config.write) the Test credentials button; works before deploy.
 * - GET  /remoteit-config/:id/services   (remoteit-config.read)  the service picker of remoteit-connect.
 * Answers carry the client's (redacted) message, never a credential.
 */
import { isPlainObject, isRemoteItError, type SearchServicesOptions } from '../../../client';
import { CREDENTIAL_NAMES, type AccountCredentials } from './account-credentials';
import { apiUrlFrom, createAccountClient } from './account-client';
import { findAccount } from './account-node';
import { asError } from './input-handler';
import type { AdminRequest, AdminResponse, NodeRedRuntime } from './node-red-api';

/** What the editor shows in a password field whose value is stored in the runtime. */
const PASSWORD_PLACEHOLDER = '__PWRD__';

export function registerAdminEndpoints(RED: NodeRedRuntime): void {
	RED.httpAdmin.post(
		'/remoteit-config/test',
		RED.auth.needsPermission('remoteit-config.write'),
		(request, response) => {
			void testCredentials(RED, request, response);
		},
	);
	RED.httpAdmin.get(
		'/remoteit-config/:id/services',
		RED.auth.needsPermission('remoteit-config.read'),
		(request, response) => {
			void listServices(RED, request, response);
		},
	);
}

interface TestRequestBody {
	id?: unknown;
	authMethod?: unknown;
	apiUrl?: unknown;
	timeout?: unknown;
	credentials?: unknown;
}

async function testCredentials(
	RED: NodeRedRuntime,
	request: AdminRequest,
	response: AdminResponse,
): Promise<void> {
	try {
		const body = (isPlainObject(request.body) ? request.body : {}) as TestRequestBody;
		const apiUrl = apiUrlFrom(body.apiUrl);
		const { credentials, usesStored } = credentialsToTest(RED, body);
		if (usesStored && !isDeployedApiUrl(RED, body.id, apiUrl)) {
			response.status(400).json({
				ok: false,
				message:
					'Stored credentials are only tested against the API URL they were deployed with: re-enter them to test this URL',
			});
			return;
		}
		const client = createAccountClient({
			apiUrl,
			authMethod: body.authMethod,
			credentials,
			timeoutSeconds: body.timeout,
		});
		const { email } = await client.testCredentials();
		response.json({ ok: true, email, message: `Authenticated as ${email}` });
	} catch (thrown: unknown) {
		response.json({ ok: false, message: asError(thrown).message });
	}
}

/**
 * The dialog's values, where a password placeholder stands for the value stored for node `id`: so the
 * button works before deploy (everything typed) and after (nothing re-typed).
 */
function credentialsToTest(
	RED: NodeRedRuntime,
	body: TestRequestBody,
): { credentials: AccountCredentials; usesStored: boolean } {
	const submitted = isPlainObject(body.credentials) ? body.credentials : {};
	const stored =
		typeof body.id === 'string' && body.id ? (RED.nodes.getCredentials(body.id) ?? {}) : {};
	const credentials: AccountCredentials = {};
	let usesStored = false;
	for (const name of CREDENTIAL_NAMES) {
		const value = submitted[name];
		if (value === PASSWORD_PLACEHOLDER) {
			usesStored = true;
			credentials[name] = stored[name];
		} else if (typeof value === 'string') {
			credentials[name] = value;
		}
	}
	return { credentials, usesStored };
}

/** Stored secrets never go to a URL the deployed account does not use (a changed URL could collect them). */
function isDeployedApiUrl(RED: NodeRedRuntime, accountId: unknown, apiUrl: string): boolean {
	const account = findAccount(RED, accountId);
	return account !== null && withoutTrailingSlash(account.apiUrl) === withoutTrailingSlash(apiUrl);
}

async function listServices(
	RED: NodeRedRuntime,
	request: AdminRequest,
	response: AdminResponse,
): Promise<void> {
	const account = findAccount(RED, request.params.id);
	if (!account) {
		response
			.status(404)
			.json({ message: 'Deploy the remote.it account first, then pick a service' });
		return;
	}
	try {
		const options: SearchServicesOptions = {};
		const { filter, cursor } = request.query;
		if (typeof filter === 'string' && filter.trim()) options.filter = filter.trim();
		if (typeof cursor === 'string' && cursor) options.cursor = cursor;
		response.json(await account.client().searchServices(options));
	} catch (thrown: unknown) {
		const error = asError(thrown);
		const status = isRemoteItError(error) && error.code === 'VALIDATION' ? 400 : 502;
		response.status(status).json({ message: error.message });
	}
}

function withoutTrailingSlash(url: string): string {
	return url.replace(/\/+$/, '');
}
