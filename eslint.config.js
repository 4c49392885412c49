const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base');
// An ES module: loaded through require(esm), which Node has by default from 20.19.
const n8nCommunityNodes = require('@n8n/eslint-plugin-community-nodes');

// n8n's community-node rules, for the n8n nodes and credential only (the Node-RED nodes live in nodes/node-red).
const n8nFiles = { nodes: ['nodes/RemoteIt/**/*.ts', 'nodes/RemoteItTrigger/**/*.ts'], credentials: ['credentials/**/*.ts'] };
const n8nConfigs = [
  { files: [...n8nFiles.nodes, ...n8nFiles.credentials], plugins: n8nCommunityNodes.configs.recommended.plugins, rules: n8nCommunityNodes.configs.recommended.rules },
  {
    files: n8nFiles.nodes,
    plugins: { 'n8n-nodes-base': n8nNodesBase },
    rules: {
      ...n8nNodesBase.configs.nodes.rules,
      // These two predate NodeConnectionTypes.Main, which n8n's own nodes and starter now use.
      'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
      'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
    },
  },
  {
    files: n8nFiles.credentials,
    plugins: { 'n8n-nodes-base': n8nNodesBase },
    rules: {
      ...n8nNodesBase.configs.credentials.rules,
      // Written for n8n's bundled docs slugs; a community credential links to its own README (as the starter does).
      'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
    },
  },
];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'dev/*/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['client/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...n8nConfigs,
);
