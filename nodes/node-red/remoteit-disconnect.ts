/**
 * remoteit-disconnect: closes a remote.it proxy. The connection comes from msg.payload by default: the object
 * remoteit-connect produced, or its id. remote.it needs the service id as well (docs/remoteit-api.md §2,
 * /device/connect/stop), taken from, in order: the connection object, the node's Service ID field, msg.serviceId.
 */
import { RemoteItValidationError } from '../../client';
import { accountClient, showAccountProblem } from './lib/account-node';
import { handleMessages } from './lib/input-handler';
import { namingFields } from './lib/field-names';
import {
	connectionReferenceFrom,
	describeProperty,
	evaluateProperty,
	type TypedProperty,
} from './lib/message-values';
import type { NodeDefinition, NodeMessage, NodeRedRuntime, RuntimeNode } from './lib/node-red-api';

interface DisconnectDefinition extends NodeDefinition {
	account?: string;
	connection?: string;
	connectionType?: string;
	/** Used when the connection arrives as a bare id. Flow JSON is hand-editable: any type may arrive. */
	serviceId?: unknown;
}

export = function registerRemoteItDisconnect(RED: NodeRedRuntime): void {
	function RemoteItDisconnectNode(this: RuntimeNode, definition: DisconnectDefinition): void {
		RED.nodes.createNode(this, definition);
		const connection: TypedProperty = {
			value: definition.connection || 'payload',
			type: definition.connectionType || 'msg',
			field: { name: 'connection', label: 'Connection (connection)' },
		};
		const configuredServiceId =
			typeof definition.serviceId === 'string'
				? definition.serviceId.trim() || undefined
				: undefined;
		showAccountProblem(RED, this, definition.account);

		handleMessages(
			RED,
			this,
			RED._('remoteit-disconnect.status.disconnecting'),
			async (msg, send) => {
				const client = accountClient(RED, definition.account);
				const value = await evaluateProperty(RED, this, connection, msg);
				const reference = connectionReferenceFrom(
					value,
					describeProperty(connection, 'connection'),
				);
				const fromMessage = serviceIdFromMessage(msg);
				const serviceId = reference.serviceId ?? configuredServiceId ?? fromMessage;
				const serviceIdFrom =
					reference.from.serviceId ??
					(configuredServiceId ? 'Service ID (serviceId)' : 'msg.serviceId');
				if (!serviceId) {
					throw new RemoteItValidationError(
						'serviceId',
						RED._('remoteit-disconnect.errors.serviceId'),
					);
				}
				const names = { connectionId: reference.from.connectionId, serviceId: serviceIdFrom };
				msg.payload = await namingFields(names, () =>
					client.disconnect({ connectionId: reference.connectionId, serviceId }),
				);
				send(msg);
				return RED._('remoteit-disconnect.status.disconnected');
			},
			RED.util.cloneMessage,
		);
	}

	RED.nodes.registerType('remoteit-disconnect', RemoteItDisconnectNode);
};

function serviceIdFromMessage(msg: NodeMessage): string | undefined {
	if (!Object.prototype.hasOwnProperty.call(msg, 'serviceId')) return undefined;
	return typeof msg.serviceId === 'string' && msg.serviceId.trim()
		? msg.serviceId.trim()
		: undefined;
}
