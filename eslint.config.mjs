// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Frameworks and adapters the pure migration domain must never reach for. */
const frameworkImports = [
  { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'The migration domain is pure: talk to the bot through a port.' },
  { group: ['@microsoft/*'], message: 'The migration domain is pure: no teams-ai here.' },
  { group: ['restify', 'restify-*'], message: 'The migration domain is pure: no HTTP server here.' },
  { group: ['@azure/*'], message: 'The migration domain is pure: storage goes through a repository port.' },
  { group: ['adaptivecards*', '**/cards/**', '**/dialogs/**', '**/storage/**', '**/routes/**'], message: 'The migration domain is pure: cards, dialogs and storage depend on it, not the other way round.' },
  { group: ['pino'], message: 'The migration domain is pure: return results, let the edges log.' },
];

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
    rules: { 'no-restricted-imports': ['error', { patterns: frameworkImports }] },
  },
  {
    // Cards are plain JSON; bot/teams/cardMessage.ts is the one place that wraps them for the Bot Framework.
    files: ['cards/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: frameworkImports.slice(0, 3) }] },
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
