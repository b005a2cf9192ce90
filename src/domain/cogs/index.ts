/** Cost of goods sold per visit. */
export * from './visit';
