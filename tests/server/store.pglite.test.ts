import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { openPgliteDriver } from '../../sync-server/src/store/pglite-driver';
import { defineStoreContract } from './store-contract';

// Every test database is a real data directory on disk, so close/reopen exercises persistence.
// Each starts from one freshly initdb'd template (initdb in WASM takes seconds; loading a copy ~1 s).
const dirs: string[] = [];
let template: Promise<Blob> | undefined;
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function emptyClusterTemplate(): Promise<Blob> {
  const db = await PGlite.create();
  try {
    return await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
}

defineStoreContract({
  kind: 'pglite',
  async createDatabase() {
    template ??= emptyClusterTemplate();
    const loadDataDir = await template;
    const dir = await mkdtemp(join(tmpdir(), 'chairside-pglite-'));
    dirs.push(dir);
    let opened = false;
    return {
      async open() {
        const driver = await openPgliteDriver(join(dir, 'pglite'), opened ? {} : { loadDataDir });
        opened = true;
        return driver;
      },
    };
  },
});
