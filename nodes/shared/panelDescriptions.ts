/**
 * The descriptions n8n shows for our two nodes. n8n's node panel lists the remote.it node and the remote.it
 * Trigger as one entry (a trigger named like its node plus "Trigger" is merged into it) and shows the
 * Trigger's description for that entry (n8n editor-ui, useActionsGeneration.ts: "default to trigger
 * description"). So the Trigger's description says what the entry offers: the node's own description, then
 * what the Trigger adds. The node's description stays its own: it is also what an AI agent reads of the tool.
 */
export const NODE_DESCRIPTION =
	'Open remote.it proxy connections to devices behind NAT (SSH, HTTP, databases, ...), close them, and list devices';

export const TRIGGER_DESCRIPTION = `${NODE_DESCRIPTION}; or start a workflow when a device goes offline or comes online, or a connection is opened`;
