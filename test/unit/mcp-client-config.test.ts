/**
 * The MCP client configurations the README shows are the ones the MCP e2e connects with (dev/n8n/demo/mcp.ts), at
 * the URL `npm start` prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mcpClientConfigs, mcpEndpointText, mcpUrl } from '../../dev/n8n/demo/mcp';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function section(heading: string): string {
	const start = readme.indexOf(`\n${heading}\n`);
	const next = readme.slice(start + heading.length + 2).search(/\n#{2,3} /);
	return readme.slice(start, next < 0 ? undefined : start + heading.length + 2 + next);
}

describe('README "Use over MCP"', () => {
	const text = section('### Use over MCP');
	const url = mcpUrl('http://127.0.0.1:5678');

	it('shows the configurations the e2e uses, for the URL npm start prints', () => {
		const blocks = [...text.matchAll(/```json\n([\s\S]*?)\n```/g)].map(
			(match) => JSON.parse(match[1]) as unknown,
		);
		const { streamableHttp, claudeDesktop } = mcpClientConfigs(url, '<token>');
		expect(blocks).toEqual([streamableHttp, claudeDesktop]);
	});

	it('shows the endpoint as npm start prints it', () => {
		expect(text).toContain(mcpEndpointText('http://127.0.0.1:5678', '<token>'));
	});
});
