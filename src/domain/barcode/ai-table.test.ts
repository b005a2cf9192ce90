import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { AI_DICTIONARY } from './ai-table.generated';
import generated from './ai-table.generated.ts?raw';
import { PREDEFINED_LENGTH, aiLengthByPrefix, allAis, lookupAi, predefinedValueLength } from './ai-table';
import { generateAiTableSource } from './codegen';
import dictionary from './data/gs1-syntax-dictionary.txt?raw';

describe('generated AI table', () => {
  it('[B10] regenerating from the committed dictionary gives the committed table', async () => {
    const source = await format(generateAiTableSource(dictionary), {
      parser: 'typescript',
      singleQuote: true,
      printWidth: 110,
      trailingComma: 'all',
    });
    expect(source).toBe(generated);
  });

  it('[B10] keeps the Apache-2.0 attribution of the GS1 Barcode Syntax Dictionary', () => {
    expect(dictionary).toContain('Licensed under the Apache License, Version 2.0');
    expect(generated).toContain('Licensed under the Apache License, Version 2.0');
    expect(generated).toContain('GS1 AISBL');
  });

  it('[B2] "*" (no FNC1) in the dictionary is exactly the GenSpecs predefined-length prefix table', () => {
    for (const entry of AI_DICTIONARY) {
      const prefixed = PREDEFINED_LENGTH.has(entry.from.slice(0, 2));
      expect(prefixed, entry.from).toBe(entry.predefined);
      if (entry.predefined) {
        const specLength = entry.spec.reduce((n, c) => n + c.max, 0);
        expect(predefinedValueLength(entry.from), entry.from).toBe(specLength);
      }
    }
  });

  it('[B2] AI length is decided by the first two digits (gs1-syntax-engine ai.c aiLengthByPrefix)', () => {
    const expected: Record<string, number> = {
      '00': 2,
      '01': 2,
      '10': 2,
      '23': 3,
      '24': 3,
      '31': 4,
      '37': 2,
      '39': 4,
    };
    Object.assign(expected, {
      '41': 3,
      '43': 4,
      '70': 4,
      '71': 3,
      '72': 4,
      '80': 4,
      '81': 4,
      '90': 2,
      '99': 2,
    });
    for (const [prefix, length] of Object.entries(expected))
      expect(aiLengthByPrefix(prefix), prefix).toBe(length);
    for (const ai of allAis()) expect(aiLengthByPrefix(ai.slice(0, 2))).toBe(ai.length);
  });

  it('[B2] ranges expand: (3103) is NET WEIGHT (kg), (3106) does not exist', () => {
    expect(lookupAi('3103')?.title).toBe('NET WEIGHT (kg)');
    expect(lookupAi('3106')).toBeUndefined();
    expect(lookupAi('17')?.spec[0]?.linters).toEqual(['yymmd0']);
  });
});
