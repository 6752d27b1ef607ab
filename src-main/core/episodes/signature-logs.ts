/**
 * The clinic's signature logs, read once per build: entries signed only with initials ("Entered
 * and e-signed: JRS 10/27/2026 14:25") are identified through the log that maps those initials to
 * a clinician's full name and credentials (PIM Ch. 3 §3.3.2.4 accepts a signature log). A log is
 * a document of the clinic, not of a patient: it serves every episode of the store.
 */
import type { EpisodeDocument } from '../../../shared/episode';
import type { Fact } from '../../../shared/model';
import type { Db } from '../store/db';
import { decodeFacts } from '../store/fact-codec';

/** Initials as a note signs with them: two to four capitals. */
const INITIALS = /^[A-Z]{2,4}$/;

export class SignatureLogs {
  private constructor(private readonly byInitials: ReadonlyMap<string, Fact>) {}

  /** The log rows of the clinic documents `ids`; initials two logs give to different people are left out. */
  static read(db: Db, ids: readonly number[], paths: ReadonlyMap<number, string>): SignatureLogs {
    const byInitials = new Map<string, Fact>();
    const ambiguous = new Set<string>();
    if (ids.length === 0) return new SignatureLogs(byInitials);
    const rows = db
      .prepare(
        `SELECT d.file_id, f.facts FROM json_each(?) j JOIN documents d ON d.id = j.value
           JOIN document_facts f ON f.document_id = d.id ORDER BY d.id`,
      )
      .raw()
      .all(JSON.stringify(ids)) as Array<[number, string]>;
    for (const [fileId, facts] of rows) {
      const path = paths.get(fileId);
      if (path === undefined) continue;
      for (const f of decodeFacts(facts, path)) {
        if (f.kind !== 'signature-log-entry' || !f.detail?.credentials) continue;
        const known = byInitials.get(f.value);
        if (known && known.detail?.name !== f.detail.name) ambiguous.add(f.value);
        else byInitials.set(f.value, f);
      }
    }
    for (const initials of ambiguous) byInitials.delete(initials);
    return new SignatureLogs(byInitials);
  }

  /**
   * A document signed with initials the log lists gets the signer's credentials, cited from the
   * log's row (the rules then read it as signed by that clinician). Says whether it did.
   */
  resolve(doc: EpisodeDocument): boolean {
    if (this.byInitials.size === 0) return false;
    const signer = doc.facts.find((f) => f.kind === 'signer');
    if (!signer || !INITIALS.test(signer.value)) return false;
    if (doc.facts.some((f) => f.kind === 'credentials')) return false;
    const entry = this.byInitials.get(signer.value);
    if (!entry) return false;
    doc.facts.push({
      kind: 'credentials',
      value: entry.detail!.credentials!,
      provenance: entry.provenance,
      detail: { name: entry.detail!.name },
    });
    return true;
  }
}
