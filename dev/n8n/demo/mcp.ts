/**
 * The MCP demo ("remote.it tools over MCP"): n8n's MCP Server Trigger with the remote.it node's tools behind a bearer
 * token, and what an MCP client needs to reach it. One home for the path, the credential and the client
 * configuration, read by `npm start`, the README's snippets and the MCP e2e.
 */
import { randomBytes } from 'node:crypto';

/** The trigger's Path: n8n serves it at `<n8n>/mcp/<path>` (typeVersion 2: SSE on GET, streamable HTTP on POST). */
const MCP_PATH = 'remoteit';

const MCP_CREDENTIAL = {
	id: 'remoteItDemoMcp1',
	name: 'remote.it MCP clients (bearer token)',
} as const;

/** A token an MCP client cannot guess; `REMOTEIT_MCP_TOKEN` keeps one across `npm start` runs. */
export function mcpToken(env: NodeJS.ProcessEnv = process.env): string {
	return env.REMOTEIT_MCP_TOKEN?.trim() || randomBytes(24).toString('base64url');
}

/** n8n's Bearer Auth credential, which the trigger compares with each request's Authorization header. */
export function mcpCredential(token: string): {
	id: string;
	name: string;
	type: 'httpBearerAuth';
	data: { token: string };
} {
	return { ...MCP_CREDENTIAL, type: 'httpBearerAuth', data: { token } };
}

export function mcpUrl(n8nUrl: string): string {
	return `${n8nUrl.replace(/\/$/, '')}/mcp/${MCP_PATH}`;
}

/** Where to send MCP requests and what to send with them, as `npm start` prints it. */
export function mcpEndpointText(n8nUrl: string, token: string): string {
	return `${mcpUrl(n8nUrl)} with the header "Authorization: Bearer ${token}"`;
}

/** The header every MCP request carries. */
function mcpHeaders(token: string): { Authorization: string } {
	return { Authorization: `Bearer ${token}` };
}

export interface McpClientConfigs {
	streamableHttp: { mcpServers: { remoteit: { url: string; headers: Record<string, string> } } };
	claudeDesktop: {
		mcpServers: { remoteit: { command: string; args: string[]; env: Record<string, string> } };
	};
}

/**
 * Client configurations for the server at `url`. Clients that speak streamable HTTP (Cursor, VS Code, Claude Code)
 * take the URL and headers; Claude Desktop's config file starts stdio servers only, so it runs the `mcp-remote`
 * bridge, as n8n's docs for this trigger show.
 */
export function mcpClientConfigs(url: string, token: string): McpClientConfigs {
	return {
		streamableHttp: { mcpServers: { remoteit: { url, headers: mcpHeaders(token) } } },
		claudeDesktop: {
			mcpServers: {
				remoteit: {
					command: 'npx',
					args: ['-y', 'mcp-remote', url, '--header', 'Authorization: Bearer ${MCP_TOKEN}'],
					env: { MCP_TOKEN: token },
				},
			},
		},
	};
}
