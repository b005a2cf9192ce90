/**
 * Migration 8: carton serials received (SPEC [RC8]). An index derived from the append-only ledger,
 * written in the transaction that appends the `receive` event: one row per product and serial, so
 * a carton received on two tablets offline is caught when the second push arrives. A correction
 * of a receive removes its serials (the carton may arrive again); the events themselves never change.
 * Rows for receives stored before this migration are derived from them (BACKFILL_SERIALS_SQL).
 */

/** Rows for every stored receive not voided by a correction; the first receive of a serial wins. */
export const BACKFILL_SERIALS_SQL = `
INSERT INTO received_serials (org_id, product_id, serial, event_id)
SELECT DISTINCT ON (e.org_id, l.product_id, s.serial) e.org_id, l.product_id, s.serial, e.id
FROM events e
JOIN lots l ON l.id = e.lot_id
CROSS JOIN LATERAL regexp_split_to_table(COALESCE(e.payload->>'serials', ''), ' ') AS s(serial)
WHERE e.type = 'receive' AND s.serial <> ''
  AND NOT EXISTS (SELECT 1 FROM events c WHERE c.corrects_id = e.id)
ORDER BY e.org_id, l.product_id, s.serial, e.seq
ON CONFLICT DO NOTHING;
`;

export const RECEIVED_SERIALS_SQL = `
CREATE TABLE received_serials (
  org_id uuid NOT NULL REFERENCES organizations (id),
  product_id uuid NOT NULL,
  serial text NOT NULL,
  event_id uuid NOT NULL,
  PRIMARY KEY (org_id, product_id, serial)
);
CREATE INDEX received_serials_event ON received_serials (event_id);
${BACKFILL_SERIALS_SQL}`;
