// Lint: typescript-eslint's recommended rules, and the layout's boundaries (ENGINEERING.md §2).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const forbid = (...groups) => ({
  'no-restricted-imports': [
    'error',
    { patterns: groups.map((g) => ({ group: g, message: 'crosses a layer boundary (ENGINEERING.md §2)' })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'client/.swc/**',
      'test/conformance/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['types/**'], rules: forbid(['**/cloudfunctions/**', '**/client/**', '**/emulator/**', '**/scripts/**']) },
  { files: ['client/**'], rules: forbid(['**/cloudfunctions/**', '**/emulator/**', '**/scripts/**']) },
  { files: ['cloudfunctions/**'], rules: forbid(['**/client/**', '**/emulator/**', '**/scripts/**']) },
  {
    files: ['emulator/**'],
    rules: forbid(['**/cloudfunctions/**', '**/client/**', '**/types/**', '@lxq/types', '**/scripts/**']),
  },
);
