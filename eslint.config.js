import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'assets/**',
      'test/fixtures/**',
      'chartready-demo/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
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
    // Layer rule (docs/architecture.md): core modules are plain Node, never Electron or React.
    files: ['src-main/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core and shared code must run without Electron' },
            { name: 'react', message: 'core and shared code must not depend on React' },
          ],
          patterns: [
            {
              group: ['**/src-renderer/**', '**/electron/**', '**/cli/**', '**/server/**'],
              message: 'core may not import shells',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**', 'node:*'],
              message: 'shared/ imports nothing from the other layers',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', 'node:*'],
              message: 'the renderer talks only to the API contract in shared/',
            },
          ],
        },
      ],
    },
  },
);
