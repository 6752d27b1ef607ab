/**
 * The databases this user opened recently (a consultant keeps one per client). Kept beside the
 * app's settings, not in any database: paths only, newest first, at most RECENT_MAX. The folder
 * is $CHARTREADY_CONFIG_DIR, else $XDG_CONFIG_HOME/chartready, else ~/.config/chartready.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

export const RECENT_MAX = 10;

const RecentSchema = z.array(z.object({ path: z.string().min(1), openedAt: z.string() }));
export type RecentStore = z.infer<typeof RecentSchema>[number];

export function recentStoresFile(env: NodeJS.ProcessEnv = process.env): string {
  const dir =
    env['CHARTREADY_CONFIG_DIR'] ||
    join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'chartready');
  return join(dir, 'recent-databases.json');
}

/** The list as stored; an unreadable or malformed file counts as empty (it is a convenience). */
export function readRecentStores(file = recentStoresFile()): RecentStore[] {
  try {
    const parsed = RecentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Puts a database first in the list (once), written atomically. */
export function rememberStore(path: string, file = recentStoresFile(), now = new Date()): void {
  const abs = resolve(path);
  const list = [
    { path: abs, openedAt: now.toISOString() },
    ...readRecentStores(file).filter((r) => r.path !== abs),
  ].slice(0, RECENT_MAX);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(list, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

export function recentWithPresence(
  file = recentStoresFile(),
): Array<RecentStore & { exists: boolean }> {
  return readRecentStores(file).map((r) => ({ ...r, exists: existsSync(r.path) }));
}
