// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Globals that make code impure or browser-bound; src/domain must receive these as arguments. */
const impureGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'crypto',
  'performance',
  'location',
  'self',
  'setTimeout',
  'setInterval',
].map((name) => ({ name, message: 'src/domain is pure: pass this in from the caller.' }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.tmp/', 'public/', 'dev-dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Raw RxDB and Dexie stay behind src/db (repositories) and src/sync (replication).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/db/**', 'src/sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['rxdb', 'rxdb/*', 'dexie'], message: 'Use the repositories in src/db.' }] },
      ],
    },
  },
  {
    // The scanner core (camera, worker protocol, dedup, pack flow, match) is plain TypeScript that
    // every screen shares: the React side lives in src/features/scanner (SPEC [ARCH3]).
    files: ['src/scan/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'react/*', 'zustand', 'wouter', 'rxdb', 'rxdb/*', 'dexie'],
              message: 'src/scan has no React or storage: hooks and components go in src/features/scanner.',
            },
            {
              group: ['../app', '../app/*', '../features/*', '../db/*', '../sync/*', '../ui/*'],
              message: 'src/scan depends only on src/domain: pass the shell, clock and catalog in.',
            },
          ],
        },
      ],
    },
  },
  {
    // RxDB's replication engine (and its internals) is reached through one adapter only.
    files: ['src/db/**/*.ts', 'src/sync/**/*.ts'],
    ignores: ['src/sync/rxdb-adapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['rxdb/plugins/replication', 'rxdb/plugins/replication-*'],
              message:
                'Replicate through src/sync/rxdb-adapter.ts (the one file that knows RxDB replication).',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain core is pure TypeScript: no UI, storage, network, clock or randomness.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'react/*',
                'rxdb',
                'rxdb/*',
                'dexie',
                'zustand',
                'wouter',
                '@zxing/*',
                'workbox-*',
                'node:*',
                'fs',
                'path',
              ],
              message: 'src/domain is pure TypeScript: no UI, storage, network or Node imports.',
            },
            {
              group: ['../db/*', '../sync/*', '../scan/*', '../features/*', '../ui/*', '../app/*'],
              message: 'src/domain depends on nothing outside itself.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/domain takes time as an argument.' },
        { object: 'Math', property: 'random', message: 'src/domain takes randomness as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/domain takes time as an argument.',
        },
      ],
    },
  },
);
