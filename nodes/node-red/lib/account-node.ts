/**
 * What the account node (type `remoteit-config`) offers the nodes that use it, and how they find it. Like the
 * core mqtt-broker node, the account node owns the connection (here: the client) and the other nodes stay thin.
 */
import { RemoteItValidationError, type RemoteItClient } from '../../../client';
import { configurationStatus } from './node-status';
import type { NodeRedRuntime, RuntimeNode } from './node-red-api';
import { sharedText } from './texts';

export const ACCOUNT_NODE_TYPE = 'remoteit-config';

export interface RemoteItAccountNode extends RuntimeNode {
	/** The API URL the account's client talks to (also what stored credentials may be tested against). */
	readonly apiUrl: string;
	/** The account's one client; throws the configuration problem when the credentials are incomplete. */
	client(): RemoteItClient;
}

function isAccountNode(node: RuntimeNode | null | undefined): node is RemoteItAccountNode {
	return (
		node?.type === ACCOUNT_NODE_TYPE &&
		typeof (node as Partial<RemoteItAccountNode>).client === 'function'
	);
}

export function findAccount(RED: NodeRedRuntime, accountId: unknown): RemoteItAccountNode | null {
	if (typeof accountId !== 'string' || !accountId) return null;
	const node = RED.nodes.getNode(accountId);
	return isAccountNode(node) ? node : null;
}

/** The saved settings of the picked account when it exists but is disabled (Node-RED starts no disabled node). */
function disabledAccount(RED: NodeRedRuntime, accountId: unknown): { name?: unknown } | undefined {
	let disabled: { name?: unknown } | undefined;
	RED.nodes.eachNode((config) => {
		if (config.id === accountId && config.type === ACCOUNT_NODE_TYPE && config.d === true)
			disabled = config;
	});
	return disabled;
}

export function accountClient(RED: NodeRedRuntime, accountId: unknown): RemoteItClient {
	const account = findAccount(RED, accountId);
	if (account) return account.client();
	const disabled = disabledAccount(RED, accountId);
	if (disabled) {
		const named = typeof disabled.name === 'string' && disabled.name !== '';
		throw new RemoteItValidationError(
			'account',
			named
				? sharedText(RED, 'errors.accountDisabledNamed', { name: disabled.name })
				: sharedText(RED, 'errors.accountDisabled'),
		);
	}
	throw new RemoteItValidationError('account', sharedText(RED, 'errors.noAccount'));
}

/**
 * Shows a red status at start when the node cannot work (no account, or an account missing a credential), so
 * the problem is visible before the first message; that message still fails with the full explanation.
 */
export function showAccountProblem(
	RED: NodeRedRuntime,
	node: RuntimeNode,
	accountId: unknown,
): void {
	const account = findAccount(RED, accountId);
	if (!account) {
		const problem = disabledAccount(RED, accountId) ? 'accountDisabled' : 'noAccount';
		node.status(configurationStatus(sharedText(RED, `status.${problem}`)));
		return;
	}
	try {
		account.client();
	} catch {
		node.status(configurationStatus(sharedText(RED, 'status.accountIncomplete')));
	}
}
