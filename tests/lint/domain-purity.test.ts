/**
 * The import rule that keeps src/domain pure is itself tested: each forbidden thing, written into
 * a file under src/domain, must be reported (SPEC [ARCH1]).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath = 'src/domain/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('[ARCH1] src/domain stays pure', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;", 'no-restricted-imports'],
    ["import { createRxDatabase } from 'rxdb';\nexport const x = createRxDatabase;", 'no-restricted-imports'],
    ["import Dexie from 'dexie';\nexport const x = Dexie;", 'no-restricted-imports'],
    [
      "import { openDatabase } from '../db/database';\nexport const x = openDatabase;",
      'no-restricted-imports',
    ],
    // Any depth: a file two folders down reaching the app's layers is caught too.
    [
      "import { getSetting } from '../../db/repositories/settings';\nexport const x = getSetting;",
      'no-restricted-imports',
    ],
    ["import { now } from '../../platform/clock';\nexport const x = now;", 'no-restricted-imports'],
    ["import { App } from '../../../src/app/App';\nexport const x = App;", 'no-restricted-imports'],
    ["import { hashPin } from '../../auth/pin';\nexport const x = hashPin;", 'no-restricted-imports'],
    ['export const x = () => window.innerWidth;', 'no-restricted-globals'],
    ["export const x = () => fetch('/api');", 'no-restricted-globals'],
    ['export const x = () => Date.now();', 'no-restricted-properties'],
    ['export const x = () => Math.random();', 'no-restricted-properties'],
    ['export const x = () => new Date();', 'no-restricted-syntax'],
  ])('reports %s', async (code, rule) => {
    expect(await ruleIdsFor(code)).toContain(rule);
  });

  it('allows imports within src/domain, at any depth', async () => {
    const code = "import { reduceLedger } from '../ledger/reducer';\nexport const x = reduceLedger;";
    expect(await ruleIdsFor(code, 'src/domain/fefo/example.ts')).toEqual([]);
  });

  it('allows pure code and time passed in', async () => {
    expect(await ruleIdsFor('export const iso = (ms: number) => new Date(ms).toISOString();')).toEqual([]);
  });

  it('allows the same code outside src/domain', async () => {
    expect(await ruleIdsFor('export const x = () => Date.now();', 'src/app/example.ts')).toEqual([]);
  });

  it('keeps raw rxdb out of screens (repositories only)', async () => {
    const code = "import { createRxDatabase } from 'rxdb';\nexport const x = createRxDatabase;";
    expect(await ruleIdsFor(code, 'src/features/treat/example.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor(code, 'src/db/example.ts')).toEqual([]);
  });
});
