#!/usr/bin/env node
/**
 * Regenerates src/domain/barcode/ai-table.generated.ts from the committed copy of the GS1 Barcode
 * Syntax Dictionary (src/domain/barcode/data/gs1-syntax-dictionary.txt, Apache-2.0).
 *
 * Usage: node --import tsx scripts/generate-gs1-ai-table.mjs [path/to/gs1-syntax-dictionary.txt]
 * With a path (e.g. ../shared/reference/gs1-syntax-dictionary.txt) the file is first copied over
 * the committed copy, so updating the dictionary is one command. The unit test
 * src/domain/barcode/ai-table.test.ts fails when the committed table is stale.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { generateAiTableSource } from '../src/domain/barcode/codegen.ts';

const dictPath = fileURLToPath(
  new URL('../src/domain/barcode/data/gs1-syntax-dictionary.txt', import.meta.url),
);
const outPath = fileURLToPath(new URL('../src/domain/barcode/ai-table.generated.ts', import.meta.url));

if (process.argv[2]) copyFileSync(process.argv[2], dictPath);
const source = generateAiTableSource(readFileSync(dictPath, 'utf8'));
const options = { ...(await resolveConfig(outPath)), filepath: outPath };
writeFileSync(outPath, await format(source, options));
console.log(`wrote ${outPath}`);
