import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The ChartReady package folder (where assets/ lives), found by walking up from this module, so
 * it is right both from source (src-main/cli) and from the bundle (dist/node).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'chartready'
    )
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the chartready package folder');
    dir = up;
  }
}
