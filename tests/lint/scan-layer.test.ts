/**
 * src/scan is shared by every screen's scanner, so it stays free of React and of the app, the
 * screens and storage (SPEC [ARCH3]); the rule that keeps it so is tested like the domain's.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath = 'src/scan/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('[ARCH3] src/scan imports no React, app, screens or storage', () => {
  it.each([
    "import { useState } from 'react';\nexport const x = useState;",
    "import { useLocal } from '../app/DatabaseContext';\nexport const x = useLocal;",
    "import { Scanner } from '../features/scanner/Scanner';\nexport const x = Scanner;",
    "import { getSetting } from '../db/repositories/settings';\nexport const x = getSetting;",
    "import { createRxDatabase } from 'rxdb';\nexport const x = createRxDatabase;",
    "import { now } from '../platform/clock';\nexport const x = now;",
  ])('reports %s', async (code) => {
    expect(await ruleIdsFor(code)).toContain('no-restricted-imports');
  });

  it('reports the app and storage reached from a folder further down', async () => {
    const code = "import { watchLots } from '../../db/repositories/lots';\nexport const x = watchLots;";
    expect(await ruleIdsFor(code, 'src/scan/deeper/example.ts')).toContain('no-restricted-imports');
  });

  it('allows the domain and zxing-wasm, and React in src/features/scanner', async () => {
    const pure = "import { parseBarcode } from '../domain/barcode';\nexport const x = parseBarcode;";
    expect(await ruleIdsFor(pure)).toEqual([]);
    const wasm = "import { readBarcodes } from 'zxing-wasm/reader';\nexport const x = readBarcodes;";
    expect(await ruleIdsFor(wasm)).toEqual([]);
    const hook = "import { useState } from 'react';\nexport const x = useState;";
    expect(await ruleIdsFor(hook, 'src/features/scanner/example.ts')).toEqual([]);
  });
});
