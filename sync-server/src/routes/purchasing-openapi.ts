/**
 * OpenAPI of the purchase-order and receipt reads ([PO5], routes/integration.ts), merged into the
 * integration fragment. Money in integer cents, unit costs in micro-dollars per base unit,
 * quantities in thousandths of the base unit (SPEC [Q1], [M1], [M2]).
 */
import {
  ORDER_STATUSES,
  orderParamsSchema,
  ordersQuerySchema,
  receiptsQuerySchema,
} from './integration-schemas';

const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const int = { type: 'integer' };
const intOrNull = { type: ['integer', 'null'] };
const obj = (properties: Record<string, unknown>) => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});
const milli = (description: string) => ({
  ...int,
  description: `${description}, thousandths of the base unit`,
});

export const purchasingSchemas = {
  OrderLine: obj({
    productId: str,
    packs: int,
    orderedMilli: milli('ordered (0: received but not on the order)'),
    receivedMilli: milli('received by receipts not voided'),
    shortMilli: milli('still to come'),
    overMilli: milli('received beyond the order'),
    unitCostMicros: { ...intOrNull, description: 'agreed cost per base unit, micro-dollars' },
    lineTotalCents: { ...intOrNull, description: 'lineCostCents(ordered, unit cost), half-even' },
    expectedOn: { ...strOrNull, description: 'YYYY-MM-DD' },
  }),
  PurchaseOrder: obj({
    id: str,
    reference: { ...str, description: 'the PO number as printed' },
    supplier: str,
    locationId: str,
    status: {
      type: 'string',
      enum: [...ORDER_STATUSES],
      description: 'partially_received / received follow from the receipts',
    },
    orderedOn: { ...str, description: 'YYYY-MM-DD' },
    sentAt: strOrNull,
    note: str,
    totalCents: int,
    lines: { type: 'array', items: ref('OrderLine') },
    receiptIds: { type: 'array', items: str },
    unattributedEventIds: {
      type: 'array',
      items: str,
      description: 'receipts whose lot is not on the server yet',
    },
  }),
  ReceiptLine: obj({
    eventId: str,
    lineId: strOrNull,
    lotId: str,
    productId: strOrNull,
    lotNumber: strOrNull,
    expiry: strOrNull,
    locationId: str,
    quantityMilli: milli('received'),
    unitCostMicros: intOrNull,
    lineInvoiceCents: {
      ...intOrNull,
      description: 'the invoice line this event belongs to (repeated on each split event)',
    },
    lineFreeMilli: intOrNull,
    serials: { type: 'array', items: str },
    voided: { type: 'boolean', description: 'a correction voided it: it counts nowhere' },
  }),
  Receipt: obj({
    receiptId: str,
    purchaseOrderId: strOrNull,
    purchaseOrder: str,
    supplier: str,
    deviceTime: str,
    actorId: str,
    invoiceCents: { ...int, description: 'Σ of its lines’ invoices, each line once' },
    valueCents: { ...int, description: 'Σ lineCostCents(quantity, unit cost) of its events not voided' },
    lines: { type: 'array', items: ref('ReceiptLine') },
  }),
};

function parameters(schema: { properties: Record<string, unknown> }, where: string) {
  return Object.entries(schema.properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path',
    schema: s,
  }));
}

export function purchasingPaths(
  common: Record<string, unknown>,
  protocolHeader: unknown,
  errors: Record<string, unknown>,
) {
  return {
    '/api/v1/purchase-orders': {
      get: {
        summary: 'Purchase orders with their status and per-line received / short / over',
        ...common,
        parameters: [protocolHeader, ...parameters(ordersQuerySchema, 'query')],
        responses: {
          '200': ok(
            'Orders, newest started first',
            obj({ purchaseOrders: { type: 'array', items: ref('PurchaseOrder') } }),
          ),
          ...errors,
        },
      },
    },
    '/api/v1/purchase-orders/{orderId}': {
      get: {
        summary: 'One purchase order with the receipts against it',
        ...common,
        parameters: [protocolHeader, ...parameters(orderParamsSchema, 'path')],
        responses: {
          '200': ok('The order', {
            allOf: [ref('PurchaseOrder'), obj({ receipts: { type: 'array', items: ref('Receipt') } })],
          }),
          '404': ok('No such order in this organization', {
            type: 'object',
            properties: { error: { const: 'not_found' }, message: str },
          }),
          ...errors,
        },
      },
    },
    '/api/v1/receipts': {
      get: {
        summary: 'Receipts (one per confirmed delivery) with their lines, invoice and value',
        ...common,
        parameters: [protocolHeader, ...parameters(receiptsQuerySchema, 'query')],
        responses: {
          '200': ok(
            'Receipts in the order they were stored',
            obj({ receipts: { type: 'array', items: ref('Receipt') } }),
          ),
          ...errors,
        },
      },
    },
  };
}
