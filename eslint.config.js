import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'Node built-ins belong in main/.' };
const sharedMayNot = [
  { regex: '(^|/)(main|renderer)/', message: 'shared/ never imports main/ or renderer/.' },
  { group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'ws', 'exceljs', 'serialport'], message: 'shared/ runs anywhere.' },
  nodeBuiltins,
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.electron-native/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.{js,mjs}', 'bin/**/*.mjs', '*.config.js'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Import boundaries (architecture.md): checked here, not by hope.
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: sharedMayNot }] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)main/', message: 'renderer/ talks to main only through the typed API client.' },
            { group: ['electron', 'better-sqlite3', 'serialport', 'ws', 'exceljs'], message: 'renderer/ is browser code.' },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\./shared/api/)', message: 'the preload sees only the shared API types and electron.' }, nodeBuiltins] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'services and hosts never import electron; only main/electron/ does.' },
            { regex: '(^|/)renderer/', message: 'main/ never imports renderer/.' },
          ],
        },
      ],
    },
  },
);
