/**
 * Migration 3: indexes for the integration API (routes/integration.ts).
 *
 * - `events_org_visit_idx`: a visit's draws (GET /api/v1/visits/:visitId/cogs) without scanning the
 *   organization's whole ledger. Partial: most events (receipts, counts) carry no visit.
 * - `events_corrects_idx`: "is this draw undone?" (the recall's NOT EXISTS) by the corrected id.
 *   Partial: only corrections name another event.
 * Recall's draws by lot use `events_lot_idx` (migration 1) and products by GTIN the GIN index
 * `products_gtins_idx`.
 */
export const INTEGRATION_SQL = `
CREATE INDEX events_org_visit_idx ON events (org_id, visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX events_corrects_idx ON events (corrects_id) WHERE corrects_id IS NOT NULL;
`;
