/**
 * remoteit-connections: the account's live proxy connections (those remote.it lists as the account's own,
 * docs/remoteit-api.md §3), as one array in msg.payload or one message per connection with msg.parts.
 */
import { RemoteItValidationError } from '../../client';
import { accountClient, showAccountProblem } from './lib/account-node';
import { handleMessages } from './lib/input-handler';
import type { NodeDefinition, NodeRedRuntime, RuntimeNode } from './lib/node-red-api';
import { onePerEntry } from './lib/split-messages';

interface ConnectionsDefinition extends NodeDefinition {
	account?: string;
	/** Flow JSON is hand-editable: any value may arrive. */
	output?: unknown;
}

export = function registerRemoteItConnections(RED: NodeRedRuntime): void {
	function RemoteItConnectionsNode(this: RuntimeNode, definition: ConnectionsDefinition): void {
		RED.nodes.createNode(this, definition);
		showAccountProblem(RED, this, definition.account);

		handleMessages(
			RED,
			this,
			RED._('remoteit-connections.status.listing'),
			async (msg, send) => {
				const output = definition.output ?? 'array';
				if (output !== 'array' && output !== 'split') {
					throw new RemoteItValidationError('output', RED._('remoteit-connections.errors.output'));
				}
				const connections = await accountClient(RED, definition.account).listActiveConnections();
				if (output === 'split') {
					if (connections.length > 0) send([onePerEntry(RED, msg, connections)]);
				} else {
					msg.payload = connections;
					send(msg);
				}
				return RED._('remoteit-connections.status.listed', { count: connections.length });
			},
			RED.util.cloneMessage,
		);
	}

	RED.nodes.registerType('remoteit-connections', RemoteItConnectionsNode);
};
