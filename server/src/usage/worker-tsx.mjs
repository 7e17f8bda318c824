// The usage worker's entry in the source tree (tsx, vitest): registers tsx's loader in this thread,
// then loads worker.ts. The built server uses dist/usage-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
