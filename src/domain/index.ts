/** Public API of the pure domain core. Import from 'src/domain', not from the files. */
export * from './model';
export * from './rounding';
export * from './fixed';
export * from './money';
export * from './quantity';
export * from './ids';
export * from './dates';
