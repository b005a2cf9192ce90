// Worker threads do not inherit vitest's TypeScript transform; tsx's loader is registered here so
// the worker can run the app's TypeScript sources as they are.
import { register } from 'tsx/esm/api';

register();
await import('./tablet-worker.ts');
