/** FEFO: which container or lot to draw from, what blocks the others, leftovers to waste. */
export * from './blockers';
export * from './rank';
export * from './deviation';
export * from './leftovers';
