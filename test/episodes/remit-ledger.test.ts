/**
 * The ledger and an 835 that list the same services (test/corpus/c04: two Gallagher Bassett remits
 * and the clinic's ledger, 38 services) count each service once, whatever the claim ids: the
 * ledger line is what was billed, and the remit adjudicates its claim.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEpisodes } from '../../src-main/core/episodes';
import { importPaths } from '../../src-main/core/import/pipeline';
import { openDatabase } from '../../src-main/core/store/db';

const BILLING = join(__dirname, '../corpus/c04-terse-abbrev-txt/export/billing');
const LEDGER = 'ledger_detail_032026-043026.csv';
const REMITS = ['ERA_GallagherBassett_20260324.835', 'ERA_GallagherBassett_20260407.835'];

/** The corpus ledger with its claim column rewritten (and "Svc Date" spelled as the reader knows). */
function ledgerWithClaims(claim: (id: string) => string): string {
  const rows = readFileSync(join(BILLING, LEDGER), 'utf8').split(/\r?\n/);
  const header = rows[0]!.replace('Svc Date', 'DOS').split(',');
  const at = header.indexOf('Claim #');
  const fix = (row: string) => {
    // Quoted patient names hold one comma: split on commas outside quotes.
    const cells = row.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    if (cells[at] && /^\d+$/.test(cells[at]!)) cells[at] = claim(cells[at]!);
    return cells.slice(0, header.length).join(',');
  };
  return [
    header.join(','),
    ...rows
      .slice(1)
      .filter((r) => /^\d/.test(r))
      .map(fix),
  ].join('\n');
}

async function episodesWith(ledger: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cr-remit-'));
  mkdirSync(join(dir, 'billing'));
  writeFileSync(join(dir, 'billing', 'ledger.csv'), ledger);
  for (const r of REMITS) copyFileSync(join(BILLING, r), join(dir, 'billing', r));
  const db = openDatabase(join(dir, 'store.db'));
  const s = await importPaths(db, [join(dir, 'billing')]);
  expect(s.rejected).toBe(0);
  const episodes = buildEpisodes(db, { asOf: '2026-06-01' });
  db.close();
  return episodes;
}

function servicesPerDateAndCode(episodes: Awaited<ReturnType<typeof episodesWith>>) {
  const count = new Map<string, number>();
  for (const e of episodes)
    for (const l of e.billing) {
      const k = `${e.patient.name} ${l.dos} ${l.code}`;
      count.set(k, (count.get(k) ?? 0) + l.units);
    }
  return count;
}

describe('a service the ledger and an 835 both list', () => {
  it.each([
    ['the same claim ids', (id: string) => id],
    ['other claim ids', (id: string) => `PM-${id}`],
    ['no claim ids in the ledger', () => ''],
  ])('is counted once with %s', async (_label, claim) => {
    const episodes = await episodesWith(ledgerWithClaims(claim));
    const counts = servicesPerDateAndCode(episodes);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(38);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Every billed line comes from the ledger, and every claim carries its remit.
    for (const e of episodes) {
      expect(e.billing.every((l) => l.source === 'ledger')).toBe(true);
      expect(e.claims.length).toBeGreaterThan(0);
      for (const c of e.claims) expect(c.remit, c.claimId).not.toBeNull();
    }
  });
});

describe('the payer of a ledger claim an 835 adjudicated under its own id', () => {
  it('is decided with the remit\u2019s claim filing indicator (CLP06) too', async () => {
    for (const claim of [(id: string) => id, (id: string) => `PM-${id}`]) {
      const episodes = await episodesWith(ledgerWithClaims(claim));
      for (const e of episodes) {
        expect(e.payer.kind).toBe('workers-comp');
        expect(
          e.payer.basis.some((b) => b.startsWith('835 CLP06 = WC')),
          e.payer.basis.join('; '),
        ).toBe(true);
      }
    }
  });
});
