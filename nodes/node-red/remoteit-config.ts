/**
 * remoteit-config: one remote.it account (the type keeps its first name, which saved flows refer to; everything
 * else calls it the account). It owns the account's one client (one axios transport with a
 * timeout, one token cache) for as long as it is deployed, and aborts its requests in flight on close.
 * It also registers the admin endpoints the edit dialogs call (Test credentials, the service picker).
 */
import type { RemoteItClient } from '../../client';
import { ACCOUNT_CREDENTIAL_TYPES, type AccountCredentials } from './lib/account-credentials';
import { apiUrlFrom, createAccountClient } from './lib/account-client';
import { ACCOUNT_NODE_TYPE, type RemoteItAccountNode } from './lib/account-node';
import { registerAdminEndpoints } from './lib/admin-endpoints';
import { asError } from './lib/input-handler';
import type { NodeDefinition, NodeRedRuntime } from './lib/node-red-api';

interface AccountDefinition extends NodeDefinition {
	authMethod?: string;
	apiUrl?: string;
	/** Per-request timeout in seconds. */
	timeout?: number | string;
}

type MutableAccountNode = { -readonly [K in keyof RemoteItAccountNode]: RemoteItAccountNode[K] };

export = function registerRemoteItAccount(RED: NodeRedRuntime): void {
	function RemoteItAccount(this: MutableAccountNode, definition: AccountDefinition): void {
		RED.nodes.createNode(this, definition);
		const inFlight = new AbortController();
		this.name = definition.name ?? '';
		this.apiUrl = apiUrlFrom(definition.apiUrl);

		// A missing credential must not stop the flow from starting: the nodes using this account report it
		// on their first message (Catch nodes see it), and the account keeps no half-built client.
		let client: RemoteItClient | Error;
		try {
			client = createAccountClient(
				{
					apiUrl: this.apiUrl,
					authMethod: definition.authMethod,
					credentials: (this.credentials ?? {}) as AccountCredentials,
					timeoutSeconds: definition.timeout,
				},
				inFlight.signal,
			);
		} catch (thrown: unknown) {
			client = asError(thrown);
		}
		this.client = () => {
			if (client instanceof Error) throw client;
			return client;
		};

		this.on('close', (_removed, done) => {
			inFlight.abort();
			done();
		});
	}

	RED.nodes.registerType(ACCOUNT_NODE_TYPE, RemoteItAccount, {
		credentials: ACCOUNT_CREDENTIAL_TYPES,
	});
	registerAdminEndpoints(RED);
};
