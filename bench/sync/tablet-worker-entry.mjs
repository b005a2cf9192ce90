// Worker threads do not inherit the parent's TypeScript loader; tsx is registered here.
import { register } from 'tsx/esm/api';

register();
await import('./tablet-worker.ts');
