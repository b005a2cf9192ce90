/**
 * Migration 2: what the sync protocol (SPEC [S1]-[S8]) needs.
 *
 * - `server_meta.epoch`: a random id created once with the database. Checkpoints carry it, so a
 *   reset database (new epoch) makes every tablet re-pull from the start ([S5]).
 * - `devices`, `enroll_codes`, `admin_tokens`: credentials, stored only as SHA-256 hashes ([S1]).
 * - `lot_balances`: stock per lot × location, updated in the transaction that inserts the events
 *   ([S8]); backfilled here from events already stored (the demo seed).
 * - `events.device_time_text`: the device's timestamp exactly as sent. `device_time` (timestamptz)
 *   normalises offsets and precision, and a pulled event must be byte-for-byte what was pushed, or a
 *   redelivery would look like a conflict.
 */
export const SYNC_SQL = `
CREATE TABLE server_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  epoch uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO server_meta (epoch) VALUES (gen_random_uuid());

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  name text NOT NULL,
  token_sha256 text NOT NULL UNIQUE,
  location_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX devices_org_idx ON devices (org_id);

CREATE TABLE enroll_codes (
  code_sha256 text PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organizations (id),
  location_ids uuid[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- An admin token is per server: it may create enrollment codes for any organization it names.
CREATE TABLE admin_tokens (
  token_sha256 text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE lot_balances (
  org_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  location_id uuid NOT NULL,
  on_hand_milli bigint NOT NULL,
  event_count bigint NOT NULL,
  PRIMARY KEY (org_id, lot_id, location_id)
);

ALTER TABLE events ADD COLUMN device_time_text text;

INSERT INTO lot_balances (org_id, lot_id, location_id, on_hand_milli, event_count)
  SELECT org_id, lot_id, location_id, COALESCE(sum(quantity_milli), 0), count(*)
  FROM events WHERE lot_id IS NOT NULL AND location_id IS NOT NULL
  GROUP BY org_id, lot_id, location_id;
`;
