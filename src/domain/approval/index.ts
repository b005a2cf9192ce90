export * from './message';
export * from './required';
