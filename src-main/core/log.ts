/**
 * A tiny structured logger that cannot carry chart content. Calls take an event name and a flat
 * record of numbers, booleans and *tokens*: short identifier-like strings (kinds, statuses,
 * hashes, ids). Anything else passed as a string (a sentence, a name with spaces, a path) is
 * replaced by a short hash before it is written, so a careless call site cannot leak PHI.
 * File paths go through `pathRef`, which keeps only the extension and a hash of the path: export
 * folders are often named after the patient (`alvarez-maria/…`).
 *
 * Level from CHARTREADY_LOG (error | warn | info | debug; default warn). Output goes to stderr, or
 * to the file named by CHARTREADY_LOG_FILE (appended), or to a sink set with `setLogSink`.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogValue = number | boolean | null | string | readonly (number | string)[];
export type LogFields = Record<string, LogValue>;

const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Identifier-like strings pass (kinds, statuses, ids, hex hashes); dates never do (a DOB is PHI). */
const TOKEN = /^[a-z0-9][a-z0-9._:#-]{0,63}$/;
const DATE_LIKE = /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|^\d{8}$/;
const isToken = (s: string) => TOKEN.test(s) && !DATE_LIKE.test(s);

let sink: ((line: string) => void) | null = null;
let levelOverride: LogLevel | null = null;

/** Route log lines somewhere else (tests capture them); null restores stderr/file output. */
export function setLogSink(fn: ((line: string) => void) | null, level?: LogLevel | null): void {
  sink = fn;
  levelOverride = level ?? null;
}

function currentLevel(): LogLevel {
  if (levelOverride) return levelOverride;
  const v = (process.env.CHARTREADY_LOG ?? '').toLowerCase();
  return v in ORDER ? (v as LogLevel) : 'warn';
}

export function logEnabled(level: LogLevel): boolean {
  return ORDER[level] <= ORDER[currentLevel()];
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

/** A path as `<ext>#<hash>`: stable across runs for matching, with no names in it. */
export function pathRef(path: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(path);
  return `${m ? m[1]!.toLowerCase() : 'file'}#${shortHash(path)}`;
}

function clean(v: LogValue): LogValue {
  if (typeof v === 'string') return isToken(v) ? v : `h#${shortHash(v)}`;
  if (Array.isArray(v)) return v.map((x) => clean(x) as number | string);
  return v;
}

function write(level: LogLevel, event: string, fields: LogFields): void {
  if (!logEnabled(level)) return;
  const out: Record<string, LogValue> = { t: new Date().toISOString(), level, event: clean(event) };
  for (const [k, v] of Object.entries(fields)) if (TOKEN.test(k)) out[k] = clean(v);
  const line = JSON.stringify(out);
  if (sink) return sink(line);
  const file = process.env.CHARTREADY_LOG_FILE;
  if (file) appendFileSync(file, line + '\n');
  else process.stderr.write(line + '\n');
}

export const log = {
  error: (event: string, fields: LogFields = {}) => write('error', event, fields),
  warn: (event: string, fields: LogFields = {}) => write('warn', event, fields),
  info: (event: string, fields: LogFields = {}) => write('info', event, fields),
  debug: (event: string, fields: LogFields = {}) => write('debug', event, fields),
};
