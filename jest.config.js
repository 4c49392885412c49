/** Every suite `npm test` runs. Type checking is done once by `npm run typecheck`, so ts-jest only transpiles (isolatedModules in tsconfig.jest.json). */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }];
const project = (name, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	roots: [`<rootDir>/test/${name}`],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': tsJest },
	...extra,
});

module.exports = {
	projects: [
		project('unit'),
		project('integration'),
		project('n8n'),
		project('node-red'),
		// Installs the real engines (cached outside the clone) before the first e2e suite: see dev/engines.
		project('e2e', { globalSetup: '<rootDir>/test/e2e/global-setup.ts' }),
	],
};
