/**
 * The walls between the app's layers, each proven to fire: screens go through the data facade
 * ([ARCH4]), src/platform sits below the shell and the screens ([ARCH5]), and the sync server takes
 * only the domain from src/ ([ARCH2]). Every case is linted as if it were a file at `filePath`.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

const SCREEN = 'src/features/treat/example.tsx';

describe('[ARCH4] screens read and write through the data facade only', () => {
  it.each([
    ["import { createRxDatabase } from 'rxdb';\nexport const x = createRxDatabase;", SCREEN],
    ["import { watchStaff } from '../../db/repositories/staff';\nexport const x = watchStaff;", SCREEN],
    [
      "import type { ChairsideDatabase } from '../../db/collections';\nexport type X = ChairsideDatabase;",
      SCREEN,
    ],
    ["import { readEnrollment } from '../../sync/enrollment';\nexport const x = readEnrollment;", SCREEN],
    ["import { openDatabase } from '../db/database';\nexport const x = openDatabase;", 'src/ui/example.tsx'],
  ])('reports storage reached from a screen: %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toContain('no-restricted-imports');
  });

  it.each([
    'export const f = (db: { products: { find(): unknown } }) => db.products.find();',
    'export const f = (ctx: { db: { lots: unknown } }) => ctx.db.lots;',
    "export const f = (db: { settings: { findOne(k: string): unknown } }) => db.settings.findOne('k');",
  ])('reports a collection reached through a db: %s', async (code) => {
    expect(await ruleIdsFor(code, SCREEN)).toContain('no-restricted-syntax');
  });

  it.each([
    ["import { useLocal } from '../../app/DatabaseContext';\nexport const x = useLocal;", SCREEN],
    [
      "import { SCREENS } from '../../app/screens';\nexport const x = SCREENS;",
      'src/features/settings/a/b.ts',
    ],
    ["import { Header } from '../app/Header';\nexport const x = Header;", 'src/ui/example.tsx'],
  ])('reports a screen importing the shell: %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toContain('no-restricted-imports');
  });

  it('allows the facade, the session, the domain, other screens and a product list that is not a db', async () => {
    const code = [
      "import { useData } from '../../platform/DataContext';",
      "import { useSession } from '../../platform/session';",
      "import { formatQuantity } from '../../domain/quantity';",
      "import { Scanner } from '../scanner/Scanner';",
      'export const x = [useData, useSession, formatQuantity, Scanner];',
      'export const names = (demo: { products: string[] }) => demo.products;',
    ].join('\n');
    expect(await ruleIdsFor(code, SCREEN)).toEqual([]);
  });

  it('lets a screen test seed and inspect the database', async () => {
    const code = [
      "import { openTestDatabase } from '../../db/testing';",
      'export const x = openTestDatabase;',
      'export const count = (db: { visits: { count(): unknown } }) => db.visits.count();',
    ].join('\n');
    expect(await ruleIdsFor(code, 'src/features/treat/example.test.tsx')).toEqual([]);
  });
});

describe('[ARCH5] src/platform is below the shell and the screens', () => {
  it.each([
    "import { App } from '../app/App';\nexport const x = App;",
    "import { TreatScreen } from '../features/treat/TreatScreen';\nexport const x = TreatScreen;",
    "import { createRxDatabase } from 'rxdb';\nexport const x = createRxDatabase;",
  ])('reports %s', async (code) => {
    expect(await ruleIdsFor(code, 'src/platform/example.ts')).toContain('no-restricted-imports');
  });

  it('builds the facade on src/db and src/sync, and the shell composes the screens', async () => {
    const facade = "import { watchVisit } from '../db/repositories/visits';\nexport const x = watchVisit;";
    expect(await ruleIdsFor(facade, 'src/platform/example.ts')).toEqual([]);
    const shell =
      "import { TreatScreen } from '../features/treat/TreatScreen';\nexport const x = TreatScreen;";
    expect(await ruleIdsFor(shell, 'src/app/example.tsx')).toEqual([]);
  });
});

describe('[ARCH2] the sync server takes only the domain from src/', () => {
  const SERVER = 'sync-server/src/routes/example.ts';
  it.each([
    "import { openDatabase } from '../../../src/db/database';\nexport const x = openDatabase;",
    "import { TreatScreen } from '../../../src/features/treat/TreatScreen';\nexport const x = TreatScreen;",
    "import { SyncError } from '../../../src/sync/api';\nexport const x = SyncError;",
    "import { now } from '../../src/platform/clock';\nexport const x = now;",
    "import { createRxDatabase } from 'rxdb';\nexport const x = createRxDatabase;",
  ])('reports %s', async (code) => {
    expect(await ruleIdsFor(code, SERVER)).toContain('no-restricted-imports');
  });

  it('allows src/domain at any depth, the shared PIN hash and its own modules', async () => {
    const code = [
      "import type { Product } from '../../../src/domain/model';",
      "import { reduceLedger } from '../../../src/domain/ledger/reducer';",
      "import { hashPin } from '../../../src/auth/pin';",
      "import { buildApp } from '../app';",
      'export type P = Product;',
      'export const x = [reduceLedger, hashPin, buildApp];',
    ].join('\n');
    expect(await ruleIdsFor(code, SERVER)).toEqual([]);
  });
});
