/**
 * OpenAPI paths and schemas of the integration API (routes/integration.ts), merged into the served
 * document by openapi.ts. Request schemas are the objects fastify validates with.
 */
import { recallQuerySchema, stockQuerySchema, visitParamsSchema } from './integration-schemas';
import { purchasingPaths, purchasingSchemas } from './purchasing-openapi';

/** What openapi.ts shares with this fragment (passed in to avoid a circular import). */
export interface OpenApiParts {
  deviceAuth: unknown[];
  protocolHeader: unknown;
  deviceErrors: Record<string, unknown>;
}

const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const int = { type: 'integer' };
const intOrNull = { type: ['integer', 'null'] };
const obj = (properties: Record<string, unknown>) => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
});
const ok = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function parameters(
  schema: { properties: Record<string, unknown>; required?: readonly string[] },
  where: string,
) {
  return Object.entries(schema.properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(name),
    schema: s,
  }));
}

export const integrationSchemas = {
  ...purchasingSchemas,
  StockLine: obj({
    lotId: str,
    locationId: str,
    locationName: strOrNull,
    productId: strOrNull,
    productName: strOrNull,
    lotNumber: strOrNull,
    expiry: { type: ['string', 'null'], description: 'YYYY-MM-DD' },
    unitCostMicros: { ...intOrNull, description: 'micro-dollars per base unit; null: lot not on the server' },
    onHandMilli: { ...int, description: 'thousandths of the base unit; may be negative' },
    valueCents: { ...intOrNull, description: 'lineCostCents(onHandMilli, unitCostMicros), half-even' },
  }),
  CogsLine: obj({
    eventId: str,
    lotId: str,
    lotNumber: str,
    productName: str,
    quantityMilli: { ...int, description: 'positive for a draw, negative for its correction' },
    unitCostMicros: int,
    costCents: int,
    correction: { type: 'boolean' },
    correctsId: strOrNull,
  }),
  RecallVisit: obj({
    visitId: str,
    lotId: str,
    locationId: str,
    quantityMilli: { ...int, description: 'received by the visit, positive' },
    deviceTime: { ...str, description: 'device time of the first draw' },
    eventIds: { type: 'array', items: str },
  }),
};

export function integrationPaths(parts: OpenApiParts): Record<string, unknown> {
  const common = { security: parts.deviceAuth };
  return {
    ...purchasingPaths(common, parts.protocolHeader, parts.deviceErrors),
    '/api/v1/stock': {
      get: {
        summary: 'On hand per lot × location, with product, lot, unit cost and value',
        ...common,
        parameters: [parts.protocolHeader, ...parameters(stockQuerySchema, 'query')],
        responses: {
          '200': ok(
            'Stock; `discrepancies` repeats the lines below zero (SPEC [AL1]), largest shortfall first',
            obj({
              stock: { type: 'array', items: ref('StockLine') },
              discrepancies: { type: 'array', items: ref('StockLine') },
            }),
          ),
          ...parts.deviceErrors,
        },
      },
    },
    '/api/v1/visits/{visitId}/cogs': {
      get: {
        summary: "A visit's draws priced at their lots' unit cost, and its COGS",
        description: 'Draws whose lot is not on the server yet are listed in unpricedEventIds, not priced.',
        ...common,
        parameters: [parts.protocolHeader, ...parameters(visitParamsSchema, 'path')],
        responses: {
          '200': ok(
            'COGS',
            obj({
              visitId: str,
              locationId: str,
              lines: { type: 'array', items: ref('CogsLine') },
              cogsCents: int,
              unpricedEventIds: { type: 'array', items: str },
            }),
          ),
          '404': ok('No draw recorded for this visit in this organization', {
            type: 'object',
            properties: { error: { const: 'not_found' }, message: str },
          }),
          ...parts.deviceErrors,
        },
      },
    },
    '/api/v1/recall': {
      get: {
        summary: 'Who received a lot: products with the GTIN, the lot, visits (draws not undone), on hand',
        description:
          'gtin: GTIN-8/12/13/14 with a valid check digit (padded to 14); lot: the lot number, exact.',
        ...common,
        parameters: [parts.protocolHeader, ...parameters(recallQuerySchema, 'query')],
        responses: {
          '200': ok(
            'Recall',
            obj({
              gtin: str,
              lotNumber: str,
              products: {
                type: 'array',
                items: obj({ id: str, name: str, manufacturer: str, gtins: { type: 'array', items: str } }),
              },
              lots: {
                type: 'array',
                items: obj({ id: str, productId: str, lotNumber: str, expiry: str, status: str }),
              },
              visits: { type: 'array', items: ref('RecallVisit') },
              onHand: { type: 'array', items: obj({ lotId: str, locationId: str, onHandMilli: int }) },
            }),
          ),
          ...parts.deviceErrors,
        },
      },
    },
  };
}
