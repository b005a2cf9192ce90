import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { LotRecord, PurchaseOrderRecord } from '../../domain/schemas';
import { shapeOf, storedKindSchema } from './derive';

describe('RxDB schemas derived from a kind [MD11]', () => {
  it('keeps the shape and bounds, not the value rules', () => {
    expect(shapeOf(PurchaseOrderRecord).properties).toMatchObject({
      supplier: { type: 'string', maxLength: 200 },
      orderedOn: { type: 'string', maxLength: 10 },
      lines: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            productId: { type: 'string', maxLength: 36 },
            packs: { type: 'integer' },
            quantityMilli: { type: 'integer' },
            expectedOn: { type: ['string', 'null'], maxLength: 10 },
          },
          required: ['productId', 'packs', 'quantityMilli', 'unitCostMicros', 'expectedOn'],
        },
      },
    });
    expect(JSON.stringify(shapeOf(PurchaseOrderRecord))).not.toMatch(/pattern|minLength|minimum|maxItems/);
  });

  it('adds the key, version, indexes and replication metadata', () => {
    const schema = storedKindSchema(LotRecord, {
      title: 'lot',
      version: 7,
      indexes: [['productId', 'expiry']],
    });
    expect(schema).toMatchObject({
      title: 'lot',
      version: 7,
      primaryKey: 'id',
      indexes: [['productId', 'expiry']],
    });
    expect(schema.required?.slice(-2)).toEqual(['clocks', 'editor']);
    expect(Object.keys(schema.properties)).toContain('clocks');
  });

  it('refuses an index RxDB cannot keep and a type written as anyOf', () => {
    expect(() =>
      storedKindSchema(LotRecord, { title: 'lot', version: 0, indexes: ['unitCostMicros'] }),
    ).toThrow(/unitCostMicros/);
    const union = Type.Object({
      id: Type.String({ maxLength: 36 }),
      v: Type.Union([Type.String(), Type.Null()]),
    });
    expect(() => shapeOf(union)).toThrow(/anyOf/);
  });
});
