export * from './transfers';
export * from './arrival';
