import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WIDGET_BUNDLE_PATH } from '../../../src/widget/routes.js';

const BUILD_SCRIPT = fileURLToPath(new URL('../../../../widget/build.mjs', import.meta.url));

/** Builds widget/dist/opendinar.js when it is missing or older than its sources; returns its bytes. */
export function ensureWidgetBuilt(): Buffer {
  execFileSync(process.execPath, [BUILD_SCRIPT, '--if-stale'], { stdio: 'pipe' });
  return readFileSync(WIDGET_BUNDLE_PATH);
}
