/**
 * The clinic's signature logs, read once per build: entries signed only with initials ("Entered
 * and e-signed: JRS 10/27/2026 14:25") are identified through the log that maps those initials to
 * a clinician's full name and credentials (PIM Ch. 3 §3.3.2.4 accepts a signature log). A log is
 * a document of the clinic, not of a patient: it serves every episode of the store.
 */
import type { EpisodeDocument, EpisodeModel } from '../../../shared/episode';
import type { DocType, Fact } from '../../../shared/model';
import type { Db } from '../store/db';
import { decodeFacts } from '../store/fact-codec';
import { SIGNER_INITIALS } from '../domain/credentials';

type LogRow = [number, string, number, DocType, string, string | null, number, number];

export class SignatureLogs {
  private constructor(
    private readonly byInitials: ReadonlyMap<string, Fact>,
    /** The log documents by file: the record an episode cites when a log identifies its signers. */
    private readonly logByFile: ReadonlyMap<string, EpisodeDocument>,
  ) {}

  /** The log rows of the clinic documents `ids`; initials two logs give to different people are left out. */
  static read(db: Db, ids: readonly number[], paths: ReadonlyMap<number, string>): SignatureLogs {
    const logByFile = new Map<string, EpisodeDocument>();
    if (ids.length === 0) return new SignatureLogs(new Map(), logByFile);
    const all: Fact[] = [];
    const rows = db
      .prepare(
        `SELECT d.file_id, f.facts, d.id, d.type, d.title, d.date, d.page_start, d.page_end
           FROM json_each(?) j JOIN documents d ON d.id = j.value
           JOIN document_facts f ON f.document_id = d.id ORDER BY d.id`,
      )
      .raw()
      .all(JSON.stringify(ids)) as LogRow[];
    for (const [fileId, facts, id, type, title, date, pageStart, pageEnd] of rows) {
      const path = paths.get(fileId);
      if (path === undefined) continue;
      const decoded = decodeFacts(facts, path);
      all.push(...decoded);
      if (!logByFile.has(path)) {
        logByFile.set(path, {
          id,
          type,
          title,
          date,
          file: path,
          pageStart,
          pageEnd,
          // A log serves every discipline: it must not make an OT episode look like PT's too.
          discipline: null,
          facts: decoded,
        });
      }
    }
    return new SignatureLogs(logEntries([all]), logByFile);
  }

  /**
   * A patient's own documents signed with initials or a user mnemonic that a log among them
   * resolves (a hospital's release of information prints the signature log with each patient's
   * records): each gets its signer's credentials, cited from the log's row.
   */
  static resolveWithin(docs: readonly EpisodeDocument[]): void {
    const entries = logEntries(docs.map((d) => d.facts));
    if (entries.size === 0) return;
    for (const doc of docs) credit(doc, entries);
  }

  /**
   * Puts in the episode's record the logs it relies on: a log that identified one of its signers,
   * and every log when one of its signatures is illegible (the log is what answers for it). The
   * review then finds the log in the record, and a packet sends it with the notes it identifies.
   */
  attach(episode: EpisodeModel): void {
    if (this.logByFile.size === 0) return;
    const used = new Set<EpisodeDocument>();
    let illegible = false;
    for (const doc of episode.documents) {
      for (const f of doc.facts) {
        if (f.kind === 'signature-illegible') illegible = true;
        if (f.kind !== 'credentials' || f.provenance.file === doc.file) continue;
        const log = this.logByFile.get(f.provenance.file);
        if (log) used.add(log);
      }
    }
    if (illegible) for (const log of this.logByFile.values()) used.add(log);
    const have = new Set(episode.documents.map((d) => d.id));
    for (const log of used) if (!have.has(log.id)) episode.documents.push(log);
  }

  /**
   * A document signed with initials the log lists gets the signer's credentials, cited from the
   * log's row (the rules then read it as signed by that clinician). Says whether it did.
   */
  resolve(doc: EpisodeDocument): boolean {
    return credit(doc, this.byInitials);
  }
}

/** Log rows by initials; initials two rows give to different people are left out. */
function logEntries(factLists: readonly (readonly Fact[])[]): Map<string, Fact> {
  const byInitials = new Map<string, Fact>();
  const ambiguous = new Set<string>();
  for (const facts of factLists)
    for (const f of facts) {
      if (f.kind !== 'signature-log-entry' || !f.detail?.credentials) continue;
      const known = byInitials.get(f.value);
      if (known && known.detail?.name !== f.detail.name) ambiguous.add(f.value);
      else byInitials.set(f.value, f);
    }
  for (const initials of ambiguous) byInitials.delete(initials);
  return byInitials;
}

/** Gives a document signed with initials its signer's credentials from a log row. */
function credit(doc: EpisodeDocument, byInitials: ReadonlyMap<string, Fact>): boolean {
  const signer = doc.facts.find((f) => f.kind === 'signer');
  if (!signer || !SIGNER_INITIALS.test(signer.value)) return false;
  if (doc.facts.some((f) => f.kind === 'credentials')) return false;
  // A sheet's own legend ("Initials / Full signature / Credentials") first, then the log's.
  const entry =
    doc.facts.find(
      (f) => f.kind === 'signature-log-entry' && f.value === signer.value && f.detail?.credentials,
    ) ?? byInitials.get(signer.value);
  if (!entry) return false;
  doc.facts.push({
    kind: 'credentials',
    value: entry.detail!.credentials!,
    provenance: entry.provenance,
    detail: { name: entry.detail!.name },
  });
  return true;
}
