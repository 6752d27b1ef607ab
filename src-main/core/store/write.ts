import type {
  BillingLine,
  ExtractedDocument,
  PageText,
  PatientRecord,
  RemitClaim,
} from '../../../shared/model';
import type { Db } from './db';
import { encodeFacts } from './fact-codec';

export interface FileRow {
  parentId: number | null;
  sha256: string;
  path: string;
  kind: string;
  size: number;
  pageCount: number | null;
  batchId: string;
  content: Uint8Array | null;
  /** `EXTRACTOR_VERSION` for files whose documents the note reader made; null for the rest. */
  extractorVersion?: number | null;
}

/** Who a document is about, as stored: its own facts first, else its file's identity. */
export interface StoredIdentity {
  name: string | null;
  dob: string | null;
  mrn: string | null;
  payer: string | null;
  claimNumber: string | null;
}

export function storedIdentity(
  doc: ExtractedDocument,
  fallback: PatientRecord & { payer?: string | null },
): StoredIdentity {
  const fact = (kind: string) => doc.facts.find((f) => f.kind === kind)?.value ?? null;
  return {
    name: fact('patient-name') ?? fallback.name,
    dob: fact('dob') ?? fallback.dob,
    mrn: fact('mrn') ?? fallback.mrn,
    payer: fact('payer') ?? fallback.payer ?? null,
    claimNumber: fact('claim-number'),
  };
}

/** Prepared statements for one import; build once per database connection. */
export class ImportWriter {
  private readonly insertFileStmt;
  private readonly insertPageStmt;
  private readonly insertDocStmt;
  private readonly insertFactsStmt;
  private readonly insertLineStmt;
  private readonly insertRemitStmt;
  private readonly insertLogStmt;
  private readonly findHashStmt;
  private readonly markReadStmt;
  private readonly findDuplicateStmt;

  constructor(private readonly db: Db) {
    this.insertFileStmt = db.prepare(
      `INSERT INTO files (parent_id, sha256, path, kind, size, page_count, imported_at, batch_id, content)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertPageStmt = db.prepare(
      `INSERT INTO pages (file_id, page, text, items, source, confidence, ocr_words, marks)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertDocStmt = db.prepare(
      `INSERT INTO documents (file_id, ordinal, type, title, date, page_start, page_end, discipline,
         patient_name, patient_dob, patient_mrn, payer, claim_number, text_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findDuplicateStmt = db
      .prepare(
        `SELECT f.path FROM documents d JOIN files f ON f.id = d.file_id
          WHERE d.text_hash = ? AND d.type = ? AND d.date IS ? AND d.patient_name IS ?
            AND d.patient_dob IS ? AND d.patient_mrn IS ? AND d.file_id IS NOT ?
          ORDER BY d.id LIMIT 1`,
      )
      .pluck();
    this.insertFactsStmt = db.prepare(
      'INSERT INTO document_facts (document_id, facts) VALUES (?, ?)',
    );
    this.insertLineStmt = db.prepare(
      `INSERT INTO billing_lines (file_id, source, line, patient_name, mrn, dob, dos, code, modifiers,
         units, charge, payer, claim_id, provider, payer_class, allowed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertRemitStmt = db.prepare(
      `INSERT INTO remit_claims (file_id, claim_id, status, patient_name, member_id, payer_name,
         payment_date, segment, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertLogStmt = db.prepare(
      `INSERT INTO import_log (batch_id, at, path, sha256, kind, status, reason, code, line, page)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findHashStmt = db.prepare('SELECT id FROM files WHERE sha256 = ? AND parent_id IS NULL');
    this.markReadStmt = db.prepare(
      `INSERT INTO file_readings (file_id, extractor_version) VALUES (?, ?)
       ON CONFLICT (file_id) DO UPDATE SET extractor_version = excluded.extractor_version`,
    );
  }

  hasFile(sha256: string): boolean {
    return this.findHashStmt.get(sha256) !== undefined;
  }

  insertFile(row: FileRow): number {
    const info = this.insertFileStmt.run(
      row.parentId,
      row.sha256,
      row.path,
      row.kind,
      row.size,
      row.pageCount,
      new Date().toISOString(),
      row.batchId,
      row.content,
    );
    const id = Number(info.lastInsertRowid);
    if (row.extractorVersion != null) this.markRead(id, row.extractorVersion);
    return id;
  }

  /** Records which version of the note reader read the file's documents. */
  markRead(fileId: number, extractorVersion: number): void {
    this.markReadStmt.run(fileId, extractorVersion);
  }

  insertPages(fileId: number, pages: PageText[]): void {
    for (const p of pages) {
      this.insertPageStmt.run(
        fileId,
        p.page,
        p.text,
        p.items ? JSON.stringify(p.items) : null,
        p.source ?? null,
        p.confidence ?? null,
        p.ocr ? JSON.stringify(p.ocr) : null,
        p.marks ? JSON.stringify(p.marks) : null,
      );
    }
  }

  /**
   * The stored file that already holds this document: same patient, type, date and normalized
   * text (a re-export of the same note). `exceptFile` leaves out a file being read again.
   */
  duplicateOf(
    doc: ExtractedDocument,
    identity: StoredIdentity,
    exceptFile: number | null = null,
  ): string | null {
    if (!doc.textHash) return null;
    return (
      (this.findDuplicateStmt.get(
        doc.textHash,
        doc.type,
        doc.date,
        identity.name,
        identity.dob,
        identity.mrn,
        exceptFile,
      ) as string | undefined) ?? null
    );
  }

  insertDocuments(
    fileId: number,
    docs: ExtractedDocument[],
    fallback: PatientRecord & { payer?: string | null },
  ): number {
    docs.forEach((doc, i) => {
      const who = storedIdentity(doc, fallback);
      const info = this.insertDocStmt.run(
        fileId,
        i,
        doc.type,
        doc.title,
        doc.date,
        doc.pageStart,
        doc.pageEnd,
        doc.discipline,
        who.name,
        who.dob,
        who.mrn,
        who.payer,
        who.claimNumber,
        doc.textHash ?? null,
      );
      if (doc.facts.length > 0)
        this.insertFactsStmt.run(Number(info.lastInsertRowid), encodeFacts(doc.facts));
    });
    return docs.length;
  }

  insertBillingLine(fileId: number, l: BillingLine): void {
    this.insertLineStmt.run(
      fileId,
      l.source,
      l.line,
      l.patientName,
      l.mrn,
      l.dob,
      l.dos,
      l.code,
      l.modifiers.join(' '),
      l.units,
      l.charge,
      l.payer,
      l.claimId,
      l.provider,
      l.payerClass ?? null,
      l.allowed ?? null,
    );
  }

  insertRemitClaim(fileId: number, c: RemitClaim, paymentDate: string | null): void {
    this.insertRemitStmt.run(
      fileId,
      c.claimId,
      c.status,
      c.patientName,
      c.memberId,
      c.payerName,
      paymentDate,
      c.segment,
      JSON.stringify(c),
    );
  }

  log(entry: {
    batchId: string;
    path: string;
    sha256: string | null;
    kind: string | null;
    status: 'imported' | 'skipped' | 'rejected';
    reason?: string | null;
    code?: string | null;
    line?: number | null;
    page?: number | null;
  }): void {
    this.insertLogStmt.run(
      entry.batchId,
      new Date().toISOString(),
      entry.path,
      entry.sha256,
      entry.kind,
      entry.status,
      entry.reason ?? null,
      entry.code ?? null,
      entry.line ?? null,
      entry.page ?? null,
    );
  }
}
