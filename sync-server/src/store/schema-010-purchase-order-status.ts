/**
 * Migration 10: purchase orders in the shape of SPEC [PO1] — the same rule as the tablet's
 * `records` v1 migration (src/domain/purchasing/legacy-order.ts), so the server's copy and every
 * tablet's agree without a new edit: `open` and `received` become `sent` (whether an order is
 * received now follows from its receipts, [RC3]), each line gets `packs: 0` and
 * `expectedOn: null`, the order `sentAt: null`. Clocks and seq stay: nothing new to pull.
 * (Migration 9 is another branch's.)
 */
export const PURCHASE_ORDER_STATUS_SQL = `
UPDATE records SET data = jsonb_set(
  data || jsonb_build_object(
    'status', CASE WHEN data->>'status' IN ('open', 'received') THEN 'sent' ELSE data->>'status' END,
    'sentAt', COALESCE(data->'sentAt', 'null'::jsonb)
  ),
  '{lines}',
  COALESCE(
    (SELECT jsonb_agg(jsonb_build_object('packs', 0, 'expectedOn', NULL) || line ORDER BY ord)
     FROM jsonb_array_elements(data->'lines') WITH ORDINALITY AS l(line, ord)),
    '[]'::jsonb
  )
)
WHERE kind = 'purchase_orders';
`;
