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

/**
 * Import patterns for a layer of src/, matched at any depth ('../db', '../../db/x', 'src/db/x'): the
 * folder itself (an index import) and anything inside it.
 */
const layer = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

const storage = ['rxdb', 'rxdb/*', 'dexie'];

/** The collections of the local database, by property name (src/db/collections.ts). */
const COLLECTIONS =
  'locations|staff|products|lots|events|settings|balances|visits|syncmarks|purchase_orders|counts';

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
              group: layer('app', 'platform', 'features', 'db', 'sync', 'ui'),
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
              group: [
                ...layer('db', 'sync', 'scan', 'features', 'ui', 'app', 'platform', 'auth', 'sync-server'),
                '**/src/**',
              ],
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
  {
    // Screens (and shared UI) read and write through the data facade of src/platform (useData), never
    // the database: no storage, no src/db or src/sync, no collection reached through a `db`, and
    // nothing of the shell that composes them (SPEC [ARCH4], [ARCH5]). Tests seed through src/db.
    files: ['src/features/**/*.ts', 'src/features/**/*.tsx', 'src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: storage, message: 'Screens use the data facade (useData) from src/platform.' },
            {
              group: layer('db', 'sync'),
              message: 'Screens use the data facade (useData) from src/platform, never the database.',
            },
            {
              group: layer('app'),
              message: 'src/app composes the screens; what screens share lives in src/platform.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name='db'][property.name=/^(${COLLECTIONS})$/]`,
          message: 'Screens do not reach collections: add a repository function and use it through useData.',
        },
        {
          selector: `MemberExpression[object.property.name='db'][property.name=/^(${COLLECTIONS})$/]`,
          message: 'Screens do not reach collections: add a repository function and use it through useData.',
        },
      ],
    },
  },
  {
    // The layer below the shell and the screens: it may use src/db and src/sync to build the facade,
    // but knows neither the shell nor any screen (SPEC [ARCH5]).
    files: ['src/platform/**/*.ts', 'src/platform/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: storage, message: 'src/platform builds on the repositories in src/db, not on RxDB.' },
            {
              group: layer('app', 'features'),
              message: 'src/platform sits below the shell and the screens: it imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sync server shares the domain with the tablet and nothing else of src/ (SPEC [ARCH2]); the
    // PIN hash (src/auth/pin.ts, Web Crypto only) is shared so a seeded PIN verifies on the tablet,
    // and the approval proofs (src/auth/approval.ts) so the server checks what the tablet made.
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // gitignore semantics: a folder excluded as a whole cannot have a file re-included, so
              // src/'s entries are excluded one level down and src/domain (and the PIN hash) let back.
              group: [
                '**/src/*',
                '!**/src/domain',
                '!**/src/auth',
                '**/src/auth/*',
                '!**/src/auth/pin',
                '!**/src/auth/approval',
              ],
              message:
                'The server imports src/domain only (and the shared PIN hash and approval proofs in src/auth).',
            },
            {
              group: ['react', 'react-*', 'react/*', ...storage, 'zustand', 'wouter'],
              message: 'The server has no UI and no tablet storage.',
            },
          ],
        },
      ],
    },
  },
);
