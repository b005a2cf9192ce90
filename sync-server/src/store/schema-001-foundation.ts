/**
 * Migration 1: the foundation schema. snake_case columns; every table carries org_id so every
 * query can be tenant-scoped. Quantities are bigint thousandths of a base unit, money bigint cents,
 * unit costs bigint micro-dollars (SPEC [Q1], [M1]) — never floating point.
 *
 * `events` is the append-only ledger: `seq` gives the server's total order (sync cursors), `id` is
 * the client-generated UUID that makes uploads idempotent. Its lot/location/actor ids deliberately
 * have no foreign keys: a tablet may upload an event before the record it names reaches the server,
 * and the ledger must still accept what happened.
 */
export const FOUNDATION_SQL = `
CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  storage text NOT NULL DEFAULT ''
);
CREATE INDEX locations_org_idx ON locations (org_id);

CREATE TABLE staff (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('injector', 'front_desk', 'manager', 'admin')),
  location_ids uuid[] NOT NULL DEFAULT '{}',
  pin_hash text NOT NULL
);
CREATE INDEX staff_org_idx ON staff (org_id);

CREATE TABLE products (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  manufacturer text NOT NULL DEFAULT '',
  category text NOT NULL CHECK (category IN ('neurotoxin', 'filler', 'biostimulator', 'skincare', 'supply')),
  base_unit text NOT NULL CHECK (base_unit IN ('U', 'mL', 'each')),
  container_size_milli bigint NOT NULL CHECK (container_size_milli > 0),
  containers_per_pack integer NOT NULL CHECK (containers_per_pack > 0),
  gtins text[] NOT NULL DEFAULT '{}',
  patient_price_per_unit_cents bigint CHECK (patient_price_per_unit_cents >= 0),
  min_stock_milli bigint NOT NULL DEFAULT 0 CHECK (min_stock_milli >= 0),
  beyond_use_hours integer CHECK (beyond_use_hours > 0),
  supplier text NOT NULL DEFAULT ''
);
CREATE INDEX products_org_idx ON products (org_id);
CREATE INDEX products_gtins_idx ON products USING gin (gtins);

CREATE TABLE lots (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  product_id uuid NOT NULL REFERENCES products (id),
  lot_number text NOT NULL,
  expiry date NOT NULL,
  unit_cost_micros bigint NOT NULL CHECK (unit_cost_micros >= 0),
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'hold', 'quarantine', 'recalled')),
  UNIQUE (org_id, product_id, lot_number)
);

CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  org_id uuid NOT NULL REFERENCES organizations (id),
  type text NOT NULL,
  lot_id uuid,
  location_id uuid,
  quantity_milli bigint,
  actor_id uuid,
  device_id text,
  device_time timestamptz,
  visit_id uuid,
  corrects_id uuid,
  container_id uuid,
  server_time timestamptz NOT NULL DEFAULT now(),
  payload jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX events_org_seq_idx ON events (org_id, seq);
CREATE INDEX events_lot_idx ON events (lot_id);

-- The ledger is append-only: corrections are new events, never edits (audit trail).
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_append_only();
`;
