/** Synthetic episodes written straight into the store, for the review benchmark. */
import type { FactKind } from '../../shared/model';
import type { Db } from '../../src-main/core/store/db';
import { encodeFacts } from '../../src-main/core/store/fact-codec';
import { isoDate, patientName } from './data';

export function generateEpisodes(db: Db, episodes: number, visits: number): void {
  const file = db
    .prepare(
      "INSERT INTO files (sha256, path, kind, size, imported_at, batch_id) VALUES (?, ?, 'notes-pdf', 0, 'bench', 'bench')",
    )
    .run('bench-notes', 'bench/notes.pdf').lastInsertRowid;
  const ledger = db
    .prepare(
      "INSERT INTO files (sha256, path, kind, size, imported_at, batch_id) VALUES (?, ?, 'ledger', 0, 'bench', 'bench')",
    )
    .run('bench-ledger', 'bench/ledger.csv').lastInsertRowid;
  const doc = db.prepare(
    `INSERT INTO documents (file_id, ordinal, type, title, date, page_start, page_end, discipline, patient_name, patient_dob, patient_mrn, payer)
     VALUES (?, 0, ?, ?, ?, 1, 1, 'PT', ?, '1979-04-12', ?, ?)`,
  );
  const factsOf = db.prepare('INSERT INTO document_facts (document_id, facts) VALUES (?, ?)');
  const line = db.prepare(
    `INSERT INTO billing_lines (file_id, source, line, patient_name, mrn, dob, dos, code, modifiers, units, charge, payer, claim_id, provider)
     VALUES (?, 'ledger', ?, ?, ?, NULL, ?, ?, '', 1, 100, ?, ?, 'Jane Roe PT')`,
  );
  const payer = "Midwest Workers' Compensation Insurance Co.";
  let lineNo = 2;
  const addDoc = (
    type: string,
    title: string,
    date: string,
    name: string,
    mrn: string,
    facts: Array<[string, string]>,
  ) => {
    const id = doc.run(file, type, title, date, name, mrn, payer).lastInsertRowid;
    const quote = (k: string, v: string) => `${k}: ${v}`;
    factsOf.run(
      id,
      encodeFacts(
        facts.map(([k, v]) => ({
          kind: k as FactKind,
          value: v,
          provenance: { file: '', page: 1, start: 0, end: quote(k, v).length, quote: quote(k, v) },
        })),
      ),
    );
  };
  db.transaction(() => {
    for (let e = 0; e < episodes; e++) {
      const p = patientName(e);
      const name = `${p.last}, ${p.first}`;
      const mrn = String(500000 + e);
      const start = e % 200;
      const signed = (d: string): Array<[string, string]> => [
        ['signer', 'Jane Roe'],
        ['credentials', 'PT, DPT'],
        ['signed-date', d],
      ];
      addDoc('physician-order', 'Prescription', isoDate(start - 3), name, mrn, [
        ['document-date', isoDate(start - 3)],
        ['program-type', 'work-conditioning'],
        ...signed(isoDate(start - 3)),
      ]);
      addDoc('evaluation', 'Work Conditioning Evaluation', isoDate(start), name, mrn, [
        ['date-of-service', isoDate(start)],
        ['diagnosis', 'M54.50 Low back pain'],
        ['goal-long', 'Lift 50 lb floor to waist 5x within 4 weeks'],
        ['frequency', '5x/week'],
        ['duration', '4 weeks'],
        ['section', 'objective'],
        ['section', 'assessment'],
        ...signed(isoDate(start)),
      ]);
      for (let v = 1; v <= visits; v++) {
        const d = isoDate(start + v + Math.floor(v / 5) * 2);
        addDoc(
          v % 10 === 0 ? 'progress-report' : 'daily-note',
          v % 10 === 0 ? 'Progress Report' : 'Daily Note',
          d,
          name,
          mrn,
          [
            ['date-of-service', d],
            ['total-minutes', '185'],
            ['visit-number', String(v)],
            ['billed-code', '97545:1'],
            ...signed(d),
          ],
        );
        line.run(
          ledger,
          lineNo++,
          name.toUpperCase(),
          mrn,
          d,
          '97545',
          payer,
          `C${e}-${Math.floor(v / 5)}`,
        );
        line.run(
          ledger,
          lineNo++,
          name.toUpperCase(),
          mrn,
          d,
          '97546',
          payer,
          `C${e}-${Math.floor(v / 5)}`,
        );
      }
      const end = isoDate(start + visits + Math.floor(visits / 5) * 2 + 1);
      addDoc('discharge-summary', 'Discharge Summary', end, name, mrn, [
        ['document-date', end],
        ...signed(end),
      ]);
    }
  })();
}
