/**
 * Input schemas of the integration API (routes/integration.ts). Query strings are text; unknown
 * parameters are 400s naming them, like the rest of /api/v1 (schemas.ts).
 */
import { UUID_PATTERN } from './schemas';

const uuid = { type: 'string', pattern: UUID_PATTERN } as const;

export const stockQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { locationId: uuid, lotId: uuid },
} as const;

export const visitParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['visitId'],
  properties: { visitId: uuid },
} as const;

/** GTIN-8/12/13/14 (padded to 14 and check-digit verified by the service, SPEC [B6]); GS1 lots are ≤ 20 characters. */
export const recallQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['gtin', 'lot'],
  properties: {
    gtin: { type: 'string', pattern: '^(\\d{8}|\\d{12}|\\d{13}|\\d{14})$' },
    lot: { type: 'string', minLength: 1, maxLength: 20 },
  },
} as const;

/** Purchase-order statuses as the API reports them ([PO1]: stored or derived from receipts). */
export const ORDER_STATUSES = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const;

export const ordersQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { status: { type: 'string', enum: [...ORDER_STATUSES] } },
} as const;

export const orderParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['orderId'],
  properties: { orderId: uuid },
} as const;

export const receiptsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { purchaseOrderId: uuid },
} as const;
