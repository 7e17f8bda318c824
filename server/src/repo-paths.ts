import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The build output of a sibling workspace (`widget/dist`, `dashboard/dist`), found by walking up
 * from this module — which sits in server/src under tsx and in server/dist once bundled.
 */
export function workspaceDist(workspace: 'widget' | 'dashboard'): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, workspace, 'package.json'))) return join(dir, workspace, 'dist');
    dir = dirname(dir);
  }
  return join(process.cwd(), workspace, 'dist');
}
