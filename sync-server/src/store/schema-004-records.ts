/**
 * Migration 4: master-data records (SPEC [MD1]-[MD8]).
 *
 * `records` holds one row per (organization, kind, id): the merged record (`data`, the record
 * without its id), the HLC of each field's last edit (`clocks`), the actor of the latest accepted
 * change and `seq`, the pull cursor. A record that changes takes a NEW seq from `records_seq`
 * inside the organization's advisory-locked transaction (record-store.ts), so — as with events
 * ([S5]) — nothing commits behind a checkpoint a tablet has already pulled past.
 *
 * `kind` has no CHECK: the kinds are a domain list (src/domain/replica/kinds.ts) that grows when
 * purchase orders and counts join ([MD1]); the push service refuses unknown kinds.
 *
 * Backfill: a server that already holds master data (a demo seeded before this migration) gets it
 * as records, every field stamped with one clock at migration time on node "server-migration", so
 * tablets pull it and any later edit on a tablet wins.
 */
export const RECORDS_SQL = `
CREATE SEQUENCE records_seq;
CREATE TABLE records (
  org_id uuid NOT NULL REFERENCES organizations (id),
  kind text NOT NULL,
  id uuid NOT NULL,
  data jsonb NOT NULL,
  clocks jsonb NOT NULL,
  seq bigint NOT NULL UNIQUE DEFAULT nextval('records_seq'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  PRIMARY KEY (org_id, kind, id)
);
ALTER SEQUENCE records_seq OWNED BY records.seq;
CREATE INDEX records_org_kind_seq_idx ON records (org_id, kind, seq);

WITH clock AS (
  SELECT lpad(floor(extract(epoch FROM now()) * 1000)::bigint::text, 13, '0') || '-000000-server-migration' AS c
), src AS (
  SELECT org_id, 'locations' AS kind, id, 1 AS ord,
    jsonb_build_object('orgId', org_id, 'name', name, 'storage', storage) AS data
  FROM locations
  UNION ALL
  SELECT org_id, 'staff', id, 2, jsonb_build_object('orgId', org_id, 'name', name, 'role', role,
    'locationIds', to_jsonb(location_ids::text[]), 'pinHash', pin_hash)
  FROM staff
  UNION ALL
  SELECT org_id, 'products', id, 3, jsonb_build_object('orgId', org_id, 'name', name,
    'manufacturer', manufacturer, 'category', category, 'baseUnit', base_unit,
    'containerSizeMilli', container_size_milli, 'containersPerPack', containers_per_pack,
    'gtins', to_jsonb(gtins), 'patientPricePerUnitCents', patient_price_per_unit_cents,
    'minStockMilli', min_stock_milli, 'beyondUseHours', beyond_use_hours, 'supplier', supplier)
  FROM products
  UNION ALL
  SELECT org_id, 'lots', id, 4, jsonb_build_object('orgId', org_id, 'productId', product_id,
    'lotNumber', lot_number, 'expiry', to_char(expiry, 'YYYY-MM-DD'), 'unitCostMicros', unit_cost_micros,
    'status', status)
  FROM lots
)
INSERT INTO records (org_id, kind, id, data, clocks)
SELECT s.org_id, s.kind, s.id, s.data, (SELECT jsonb_object_agg(k, clock.c) FROM jsonb_object_keys(s.data) AS k)
FROM src s CROSS JOIN clock
ORDER BY s.ord, s.org_id, s.id;
`;
