// The worker entry in the source tree (tsx, vitest): registers tsx's loader in this thread, then
// loads worker.ts. The built server uses dist/offload-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./worker.ts');
export const { sandboxProfile, categorize, exchangeWrite, writerOpen, walCheckpoint, purgeChunk } = tasks;
