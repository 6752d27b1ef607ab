/**
 * A file the import refuses says why and what to do (issue 15): random bytes named .pdf are a
 * damaged or renamed file, not an unknown type, and every refusal code has advice.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_ADVICE, importAdvice } from '../../shared/import-advice';
import { runCli } from '../cli-run';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chartready-refusals-'));
  mkdirSync(join(dir, 'export'));
  writeFileSync(
    join(dir, 'export', 'scan_0412.pdf'),
    Uint8Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256),
  );
  writeFileSync(join(dir, 'export', 'letter.docx'), 'Dear adjuster');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import refusals', () => {
  it('names a random-bytes .pdf as damaged or renamed, each refusal with what to do', async () => {
    const r = await runCli(['import', join(dir, 'export'), '--db', join(dir, 'store.db')]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    const pdf = lines.findIndex((l) => l.startsWith('rejected  scan_0412.pdf'));
    expect(lines[pdf]).toContain('not a PDF (damaged or renamed)');
    expect(lines[pdf + 1]).toBe(`          what to do: ${IMPORT_ADVICE.corrupt}`);
    const docx = lines.findIndex((l) => l.startsWith('rejected  letter.docx'));
    expect(lines[docx]).toContain(
      'a Word document (.docx), which ChartReady does not read: export it as PDF',
    );
    expect(lines[docx + 1]).toBe(`          what to do: ${IMPORT_ADVICE['unknown-type']}`);
  });

  it('has advice for every refusal code and none for an uncoded one', () => {
    for (const code of Object.keys(IMPORT_ADVICE)) expect(importAdvice(code)).toMatch(/\w/);
    expect(importAdvice(undefined)).toBeNull();
    expect(importAdvice('not-a-code')).toBeNull();
  });
});
