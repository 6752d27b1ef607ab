/**
 * `chartready packet --help` says what the command does (issue 15 walk-through): with no denial
 * on file it refuses and names the records response, never "a general medical-necessity appeal".
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-run';

describe('chartready packet --help', () => {
  it('says a claim without a denial gets the records response, not an appeal', async () => {
    const help = await runCli(['packet', '--help']);
    expect(help.code).toBe(0);
    const text = help.out.replace(/\s+/g, ' ');
    expect(text).not.toContain('medical-necessity appeal');
    expect(text).toContain(
      'With no denial on file and none given there is nothing to appeal: the command refuses and names the records response (--kind adr) instead.',
    );
    expect(text).toContain('a Medicare ADR response or a records-request response');
  }, 60_000);
});
