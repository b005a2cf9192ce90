/**
 * The server's data access: services call these methods, never SQL. Backed by one SqlDriver
 * (PGlite or PostgreSQL, chosen by `openStore` from the config).
 */
import { join } from 'node:path';
import type { DemoClinic } from '../../../src/domain/demo/clinic';
import type { Organization } from '../../../src/domain/model';
import type { Config } from '../config';
import { DeviceStore } from './device-store';
import type { SqlDriver, StoreKind } from './driver';
import { EventStore } from './event-store';
import { migrate, schemaVersion } from './migrations';
import { openPgliteDriver } from './pglite-driver';
import { openPostgresDriver } from './postgres-driver';
import { RecordStore } from './record-store';
import { setApprovalKey } from './approval-store';
import { insertDemoClinic } from './seed';
import type { PinHashes } from './seed';

export interface OrgSummary {
  locations: number;
  staff: number;
  products: number;
  lots: number;
  events: number;
}

export class Store {
  /** Credentials: admin tokens, enrollment codes, devices (SPEC [S1]). */
  readonly devices: DeviceStore;
  /** The event ledger and its balances (SPEC [S4]-[S8]). */
  readonly events: EventStore;
  /** Master-data records and their typed projection (SPEC [MD6]-[MD8]). */
  readonly records: RecordStore;

  constructor(readonly driver: SqlDriver) {
    this.devices = new DeviceStore(driver);
    this.events = new EventStore(driver);
    this.records = new RecordStore(driver);
  }

  get kind(): StoreKind {
    return this.driver.kind;
  }

  /** Applies pending migrations; returns the ids applied. */
  migrate(): Promise<number[]> {
    return migrate(this.driver);
  }

  /** Throws if the database cannot answer a trivial query (health checks). */
  async ping(): Promise<void> {
    await this.driver.query('SELECT 1');
  }

  schemaVersion(): Promise<number> {
    return schemaVersion(this.driver);
  }

  async hasOrganization(orgId: string): Promise<boolean> {
    const rows = await this.driver.query('SELECT 1 FROM organizations WHERE id = $1', [orgId]);
    return rows.length > 0;
  }

  /** Idempotent: see seed.ts. All or nothing, in one transaction. `seedTime` stamps record clocks. */
  /** `approvalKeys`: staff id → approval key (base64) of those who approve ([A5]). */
  seedDemoClinic(
    clinic: DemoClinic,
    pinHashes: PinHashes,
    seedTime?: Date,
    approvalKeys: PinHashes = {},
  ): Promise<void> {
    return this.driver.transaction(async (tx) => {
      await insertDemoClinic(tx, clinic, pinHashes, seedTime);
      for (const [staffId, key] of Object.entries(approvalKeys))
        await setApprovalKey(tx, clinic.organization.id, staffId, key);
    });
  }

  async summary(orgId: string): Promise<OrgSummary> {
    const [row] = await this.driver.query<OrgSummary>(
      `SELECT
         (SELECT count(*) FROM locations WHERE org_id = $1)::integer AS locations,
         (SELECT count(*) FROM staff WHERE org_id = $1)::integer AS staff,
         (SELECT count(*) FROM products WHERE org_id = $1)::integer AS products,
         (SELECT count(*) FROM lots WHERE org_id = $1)::integer AS lots,
         (SELECT count(*) FROM events WHERE org_id = $1)::integer AS events`,
      [orgId],
    );
    if (!row) throw new Error('summary query returned no row');
    return row;
  }

  listOrganizations(): Promise<Organization[]> {
    return this.driver.query<Organization>('SELECT id, name FROM organizations ORDER BY name, id');
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** PostgreSQL when DATABASE_URL is set, else PGlite in `<dataDir>/pglite`. Does not migrate. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  const driver = config.databaseUrl
    ? await openPostgresDriver(config.databaseUrl)
    : await openPgliteDriver(pgliteDir(config.dataDir));
  return new Store(driver);
}

export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}
