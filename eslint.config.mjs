// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import path from 'node:path';

/**
 * What `bot/migration/**` may import: its own folders, zod, and the Node built-ins a pure domain needs. An allow-list,
 * so a new framework, adapter or edge module (storage, log, teams, config, cards, dialogs, routes) is refused without
 * anyone having to think of banning it first. Relative paths are resolved against the importing file.
 */
const DOMAIN_ROOT = path.join(import.meta.dirname, 'bot', 'migration');
const DOMAIN_PACKAGES = new Set(['zod', 'node:crypto']);

/** @type {import('eslint').Rule.RuleModule} */
const domainImports = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      outside:
        "The migration domain is pure: '{{source}}' is outside bot/migration. Let the edge call the domain through a port instead.",
      package: "The migration domain is pure: '{{source}}' is not on its allow-list (zod, node:crypto). Talk to it through a port.",
      dynamic: 'The migration domain is pure: an import whose path is computed cannot be checked, so it is not allowed.',
    },
  },
  create(context) {
    const check = (node, source) => {
      if (typeof source !== 'string') return context.report({ node, messageId: 'dynamic' });
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(context.filename), source);
        if (target !== DOMAIN_ROOT && !target.startsWith(DOMAIN_ROOT + path.sep)) context.report({ node, messageId: 'outside', data: { source } });
        return undefined;
      }
      if (!DOMAIN_PACKAGES.has(source) && !source.startsWith('zod/')) context.report({ node, messageId: 'package', data: { source } });
      return undefined;
    };
    const literal = (node) => (node?.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSImportType: (node) => check(node, literal(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument)),
      TSExternalModuleReference: (node) => check(node, literal(node.expression)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, literal(node.arguments[0]));
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'coverage/**', 'devTools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['bot/migration/**/*.ts'],
    plugins: { gateway: { rules: { 'domain-imports': domainImports } } },
    rules: { 'gateway/domain-imports': 'error' },
  },
  {
    // Cards are plain JSON; bot/teams/cardMessage.ts is the one place that wraps them for the Bot Framework.
    files: ['cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'Cards are plain JSON: wrap them at the Teams edge (bot/teams/cardMessage.ts).' },
            { group: ['@microsoft/*'], message: 'Cards are plain JSON: no teams-ai here.' },
            { group: ['restify', 'restify-*'], message: 'Cards are plain JSON: no HTTP server here.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bot/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['eslint.config.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
