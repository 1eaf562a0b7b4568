// Lint rules for the whole repository: typescript-eslint for the middleware, the CLI and scripts;
// Salesforce's recommended LWC rules for the Lightning components under force-app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createRequire } from 'node:module';
import prettierOff from 'eslint-config-prettier/flat';

const require = createRequire(import.meta.url);
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');

export default tseslint.config(
  {
    ignores: [
      'lib/**',
      'node_modules/**',
      'coverage/**',
      '.sf/**',
      '.sfdx/**',
      'middleware/src/portals/*/generated/**',
      'preview/dist/**',
      'preview/node_modules/**',
      'test-artifacts/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', '*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node }, sourceType: 'module' },
  },
  {
    // The Jest stand-ins for base components are components too (decorators, LWC rules).
    files: ['force-app/main/default/lwc/**/*.js', 'force-app/test/jest-mocks/**/*.js'],
    extends: [lwcRecommended],
  },
  {
    // The Lightning preview: its build script runs in Node, its modules in the browser.
    files: ['preview/*.js', 'preview/src/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser }, sourceType: 'module' },
  },
  {
    files: ['preview/modules/**/*.js', 'preview/src/main.js'],
    extends: [lwcRecommended],
  },
  {
    files: ['force-app/main/default/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
    },
  },
  // Prettier owns layout: rules about it (such as no-confusing-arrow's parentheses) are turned off.
  prettierOff,
);
