/**
 * Request validation for every ChartReadyApi method (shared/api.ts). Both shells that accept
 * requests from a renderer (Electron IPC, the loopback HTTP harness) validate with these before
 * calling the core. Limits are generous for real charts and small enough to refuse abuse.
 */
import { isValidNpi } from './npi';
import { z } from 'zod';
import { MIN_PASSPHRASE_CHARS, type ApiMethod, type ChartReadyApi } from './api';
import { REQUEST_KINDS } from './deadlines';

export const LIMITS = {
  /** Longest path accepted (Windows long paths included). */
  pathChars: 4096,
  pathsPerImport: 1000,
  filesPerUpload: 2000,
  fileNameChars: 512,
  /** Total decoded size of one upload batch. */
  uploadBytes: 200 * 1024 * 1024,
  idChars: 200,
  textChars: 500,
  addressLines: 8,
  exhibitIds: 5000,
  /** Billing rows assigned in one request (one name's lines in one ledger). */
  billingRows: 20000,
} as const;

const path = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.pathChars, `must be at most ${LIMITS.pathChars} characters`)
  .refine((s) => !s.includes('\0'), 'must not contain NUL characters');

const id = z.string().min(1, 'must not be empty').max(LIMITS.idChars);
const optText = z.string().max(LIMITS.textChars).nullable();
const docId = z.number().int().nonnegative();

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded byte length of a base64 string (without decoding it). */
export function base64Bytes(s: string): number {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

/** Methods that take no argument accept nothing, `null` or an empty object. */
export const NoArgsSchema = z.union([z.undefined(), z.null(), z.strictObject({})]);

export const ImportPathsSchema = z.strictObject({
  paths: z.array(path).min(1, 'must list at least one path').max(LIMITS.pathsPerImport),
});

export const UploadedFileSchema = z.strictObject({
  name: z.string().min(1, 'must not be empty').max(LIMITS.fileNameChars),
  dataBase64: z.string().regex(BASE64, 'must be base64'),
});

export const ImportUploadsSchema = z
  .strictObject({
    files: z
      .array(UploadedFileSchema)
      .min(1, 'must hold at least one file')
      .max(LIMITS.filesPerUpload),
  })
  .superRefine((v, ctx) => {
    const total = v.files.reduce((n, f) => n + base64Bytes(f.dataBase64), 0);
    if (total > LIMITS.uploadBytes) {
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: `total upload size ${total} bytes exceeds the ${LIMITS.uploadBytes}-byte limit`,
      });
    }
  });

export const EpisodeIdSchema = z.strictObject({ id });

export const EvidenceRequestSchema = z.strictObject({
  file: path,
  page: z.number().int().min(1).max(100_000),
  line: z.number().int().min(1).max(100_000_000).optional(),
});

export const PacketRequestSchema = z.strictObject({
  episodeId: id,
  claimId: id.nullish(),
  denial: z
    .string()
    .max(32)
    .regex(/^[A-Za-z0-9 -]*$/, 'must be a denial code such as 50 or CO-50')
    .nullish(),
  kind: z.enum(['appeal', 'adr']).optional(),
  exhibitOrder: z.array(docId).max(LIMITS.exhibitIds).optional(),
  exclude: z.array(docId).max(LIMITS.exhibitIds).optional(),
});

export const BuildPacketSchema = PacketRequestSchema.extend({
  savePath: path.nullish(),
});

/** An NPI: 10 digits with a valid check digit (shared by the API and the settings store). */
export const NpiSchema = z
  .string()
  .regex(/^\d{10}$/, 'an NPI is 10 digits')
  .refine(isValidNpi, 'is not a valid NPI: its check digit does not match (a digit mistyped?)');

/**
 * A US phone or fax number as printed on appeal letters: 10 digits (a leading 1 allowed), written
 * with spaces, dots, dashes or brackets, and an optional extension ("x 12", "ext. 12").
 */
export const PhoneSchema = z
  .string()
  .max(LIMITS.textChars)
  .refine((v) => {
    const m = /^([+\d\s().-]+?)(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i.exec(v.trim());
    const digits = m?.[1]?.replace(/\D/g, '') ?? '';
    return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
  }, 'is not a phone number: give 10 digits, such as (555) 201-4400');

/** An employer identification number (the clinic's tax ID): 9 digits, written NN-NNNNNNN. */
export const EinSchema = z
  .string()
  .regex(/^\d{2}-?\d{7}$/, 'is not a tax ID (EIN): give 9 digits, such as 12-3456789');

export const EmailSchema = z
  .string()
  .max(LIMITS.textChars)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'is not an email address, such as billing@clinic.com');

export const ClinicSettingsSchema = z.strictObject({
  clinicName: optText,
  addressLines: z.array(z.string().max(LIMITS.textChars)).max(LIMITS.addressLines),
  phone: PhoneSchema.nullable(),
  fax: PhoneSchema.nullable(),
  npi: NpiSchema.nullable(),
  taxId: EinSchema.nullable(),
  contactName: optText,
  contactEmail: EmailSchema.nullable(),
  signerName: optText,
  signerTitle: optText,
  defaultPayerProfile: z.string().max(LIMITS.idChars).nullable(),
  reviewerName: optText.optional(),
});

export const SetPayerKindSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(LIMITS.textChars),
  kind: z.enum(['medicare', 'workers-comp', 'commercial', 'other']).nullable(),
  state: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter state')
    .nullish(),
});
export const AssignDocumentSchema = z.strictObject({ documentId: docId, patientKey: id });
export const AssignBillingSchema = z
  .strictObject({
    lineIds: z.array(docId).max(LIMITS.billingRows),
    claims: z.array(id).max(LIMITS.billingRows),
    patientKey: id,
  })
  .refine((r) => r.lineIds.length + r.claims.length > 0, 'name at least one billing row');
export const DecideFindingSchema = z.strictObject({
  episodeId: id,
  findingId: id,
  as: z.enum(['confirmed', 'not-a-defect', 'fixed']),
  reason: z.string().trim().min(1, 'a decision needs a reason').max(LIMITS.textChars),
  action: z.string().trim().max(LIMITS.textChars).nullish(),
  clinician: z.string().trim().max(LIMITS.textChars).nullish(),
  by: z.string().trim().max(LIMITS.textChars).nullish(),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .nullish(),
});
export const SetEpisodeProfileSchema = z
  .strictObject({
    episodeId: id,
    profile: z.string().trim().min(1).max(LIMITS.idChars).nullable(),
    reason: z.string().trim().max(LIMITS.textChars).nullish(),
  })
  .refine((r) => r.profile === null || (r.reason ?? '').length > 0, {
    message: "setting an episode's profile needs a reason",
    path: ['reason'],
  });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date');

export const RecordRequestSchema = z.strictObject({
  claimId: z.string().trim().min(1, 'must not be empty').max(LIMITS.idChars),
  kind: z.enum(REQUEST_KINDS),
  dated: isoDate,
  received: isoDate.nullish(),
  from: z.string().trim().max(LIMITS.textChars).nullish(),
});

export const AnswerDeadlineSchema = z.strictObject({
  id: z.string().trim().min(1, 'must not be empty').max(LIMITS.idChars),
  on: isoDate.nullable(),
  how: z.string().trim().max(LIMITS.textChars).nullish(),
});

export const OpenStoreSchema = z.strictObject({
  path: z.string().trim().min(1, 'must not be empty').max(LIMITS.pathChars),
  create: z.boolean(),
  passphrase: z.string().max(LIMITS.textChars).nullish(),
});

export const BackupStoreSchema = z.strictObject({
  path: z.string().trim().min(1, 'must not be empty').max(LIMITS.pathChars),
});

export const EncryptStoreSchema = z.strictObject({
  path: z.string().trim().min(1, 'must not be empty').max(LIMITS.pathChars),
  passphrase: z
    .string()
    .min(MIN_PASSPHRASE_CHARS, `must have at least ${MIN_PASSPHRASE_CHARS} characters`)
    .max(LIMITS.textChars),
});

export const EpisodeIdOnlySchema = z.strictObject({
  episodeId: z.string().trim().min(1, 'must not be empty').max(LIMITS.idChars),
});

export const ExportReportSchema = z.strictObject({ format: z.enum(['pdf', 'xlsx']) });

/** One schema per method, keyed like API_METHODS. */
export const REQUEST_SCHEMAS = {
  info: NoArgsSchema,
  importPaths: ImportPathsSchema,
  importUploads: ImportUploadsSchema,
  listEpisodes: NoArgsSchema,
  getEpisode: EpisodeIdSchema,
  getEvidence: EvidenceRequestSchema,
  planPacket: PacketRequestSchema,
  buildPacket: BuildPacketSchema,
  getSettings: NoArgsSchema,
  saveSettings: ClinicSettingsSchema,
  reanalyze: NoArgsSchema,
  listPayers: NoArgsSchema,
  setPayerKind: SetPayerKindSchema,
  listUnassigned: NoArgsSchema,
  listPatients: NoArgsSchema,
  assignDocument: AssignDocumentSchema,
  listUnassignedBilling: NoArgsSchema,
  assignBilling: AssignBillingSchema,
  decideFinding: DecideFindingSchema,
  setEpisodeProfile: SetEpisodeProfileSchema,
  listActions: NoArgsSchema,
  getDashboard: NoArgsSchema,
  listRules: NoArgsSchema,
  importSample: NoArgsSchema,
  listDeadlines: NoArgsSchema,
  recordRequest: RecordRequestSchema,
  answerDeadline: AnswerDeadlineSchema,
  exportReport: ExportReportSchema,
  importStatus: NoArgsSchema,
  cancelImport: NoArgsSchema,
  listPackets: EpisodeIdOnlySchema,
  openPacket: z.strictObject({ id: z.number().int().positive() }),
  getDataInfo: NoArgsSchema,
  openStore: OpenStoreSchema,
  checkAuditLog: NoArgsSchema,
  backupStore: BackupStoreSchema,
  encryptStore: EncryptStoreSchema,
} as const satisfies Record<ApiMethod, z.ZodType>;

export type ApiRequest<M extends ApiMethod> = Parameters<ChartReadyApi[M]>[0];

export type ValidationResult<M extends ApiMethod> =
  { ok: true; value: ApiRequest<M> } | { ok: false; field: string; message: string };

/** Validate one request; on failure name the first offending field (`paths.0`, `files`, ...). */
export function validateRequest<M extends ApiMethod>(
  method: M,
  payload: unknown,
): ValidationResult<M> {
  const schema: z.ZodType = REQUEST_SCHEMAS[method];
  const r = schema.safeParse(payload);
  if (r.success) return { ok: true, value: r.data as ApiRequest<M> };
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)';
  const keys = issue && issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  return { ok: false, field, message: `${field}: ${issue?.message ?? 'invalid'}${keys}` };
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, name);
}
