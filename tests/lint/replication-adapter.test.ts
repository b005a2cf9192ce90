/**
 * RxDB's replication engine is imported in one file, src/sync/rxdb-adapter.ts (SPEC [S21]): the
 * rule is itself tested, so it cannot silently stop firing.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const code =
  "import { replicateRxCollection } from 'rxdb/plugins/replication';\nexport const x = replicateRxCollection;";

async function ruleIdsFor(filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('[S21] one adapter reaches RxDB replication', () => {
  it('reports the replication plugin anywhere else in src/sync and src/db', async () => {
    expect(await ruleIdsFor('src/sync/events-channel.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/db/repositories/example.ts')).toContain('no-restricted-imports');
  });

  it('allows it in the adapter', async () => {
    expect(await ruleIdsFor('src/sync/rxdb-adapter.ts')).toEqual([]);
  });
});
