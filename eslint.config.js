const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

// n8n's community-node rules are not repeated here: `n8n-node lint` (current rules, n8n's own config) checks the n8n
// sources, and n8n's package scanner the sources and the tarball (dev/n8n-tools, test/e2e/n8n-verification.test.ts).
module.exports = tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'dev/**/node_modules/**',
			'coverage/**',
			'artifacts/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.js', '**/*.mjs'],
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				require: 'readonly',
				module: 'writable',
				__dirname: 'readonly',
				process: 'readonly',
				console: 'readonly',
			},
		},
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		files: ['**/*.mjs'],
		languageOptions: { sourceType: 'module' },
	},
	{
		files: ['client/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'error' },
	},
	{
		// The shells use the client through its public entry (client/index.ts) and client/transport/ only.
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/client/*', '!**/client/transport', '!**/client/transport/*'],
							message:
								'Import the client from its public entry (client/index.ts) or client/transport/.',
						},
					],
				},
			],
		},
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
		},
	},
);
