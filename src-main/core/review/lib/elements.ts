/**
 * Findings about elements a document lacks, written so a reviewer can check them in seconds: they
 * name the document and pages read and what the reader looked for. Where the reader cannot tell
 * (a document with no recognizable section headings: a narrative letter, an odd layout, a page
 * OCR read poorly) the finding says it could not confirm the elements, as a warning, instead of
 * stating that the record lacks them.
 */
import type { EpisodeDocument } from '../../../../shared/episode';
import type { IsoDate } from '../../../../shared/model';
import type { RuleFinding } from '../types';
import { evidenceFromDocument } from './evidence';
import { isStructuredPlan, listText } from './documents';

/** A missing element and what its reader looks for, in the reviewer's words. */
export interface MissingElement {
  element: string;
  lookedFor: string;
  /** Read from fields rather than sections (a signature, a date): its absence stands on its own. */
  standalone?: boolean;
}

/** "eval.pdf p. 1-2": the document as a reviewer finds it. */
export function whereRead(doc: EpisodeDocument): string {
  const pages =
    doc.pageEnd > doc.pageStart ? `pp. ${doc.pageStart}-${doc.pageEnd}` : `p. ${doc.pageStart}`;
  return `${doc.file} ${pages}`;
}

/** Headings the reader recognized in a document (distinct section names). */
function sectionCount(doc: EpisodeDocument): number {
  const names = new Set<string>();
  for (const f of doc.facts) if (f.kind === 'section') names.add(f.value);
  return names.size;
}

/**
 * Whether the reader recognized the document's structure well enough for an absence to mean the
 * element is not there: at least two section headings or labels, or a plan read from a structured
 * FHIR resource, whose fields are its structure.
 */
export function structureRecognized(doc: EpisodeDocument): boolean {
  return isStructuredPlan(doc) || sectionCount(doc) >= 2;
}

/**
 * The finding for a document that lacks `missing`: a `fail` stating it, with where it was read and
 * what was looked for; or, where the document's structure was not recognized, a `warn` that the
 * elements could not be confirmed.
 */
export function missingElementsFinding(
  doc: EpisodeDocument,
  what: string,
  missing: readonly MissingElement[],
  dates: IsoDate[],
  severity?: RuleFinding['severity'],
): RuleFinding {
  const evidence = [evidenceFromDocument(doc)];
  const recognized = structureRecognized(doc);
  const stated = recognized ? missing : missing.filter((m) => m.standalone);
  const unsure = recognized ? [] : missing.filter((m) => !m.standalone);
  const lookedFor = (list: readonly MissingElement[]) =>
    list.map((m) => `${m.element}: ${m.lookedFor}`).join('; ');
  const names = (list: readonly MissingElement[]) => listText(list.map((m) => m.element));
  const unsureText = unsure.length
    ? `Could not confirm ${names(unsure)} in ${what} (${whereRead(doc)}): no section headings were recognized in it, so check it by eye. Looked for ${lookedFor(unsure)}.`
    : '';
  if (stated.length === 0)
    return { status: 'warn', severity: 'warning', message: unsureText, dates, evidence };
  const message = [
    `${what} lacks ${names(stated)}. Read ${whereRead(doc)}; looked for ${lookedFor(stated)}.`,
    unsureText,
  ]
    .filter(Boolean)
    .join(' ');
  return severity
    ? { status: 'fail', severity, message, dates, evidence }
    : { status: 'fail', message, dates, evidence };
}

const el = (element: string, lookedFor: string, standalone = false): MissingElement =>
  standalone ? { element, lookedFor, standalone } : { element, lookedFor };

/** Elements the documentation rules ask for, with what the readers look for (lexicon/sections). */
export const ELEMENTS = {
  diagnosis: el(
    'diagnosis / reason for referral',
    'an ICD-10 code, a Diagnosis/Dx label or a Reason for referral',
  ),
  diagnoses: el('diagnoses', 'an ICD-10 code or a Diagnosis/Dx label'),
  history: el(
    'history (mechanism of injury, prior treatment, comorbidities)',
    'a History, HPI, PMH, Mechanism of injury or Prior treatment heading or label',
  ),
  objective: el(
    'objective measures / standardized tests',
    'measurements with units or an Objective, Tests or Measures heading',
  ),
  functionalLimitations: el(
    'functional limitations',
    'a Functional limitations, Functional status or Problem list heading',
  ),
  assessment: el(
    'clinical assessment and prognosis',
    'an Assessment, Impression, Summary or Prognosis heading',
  ),
  plan: el(
    'plan (or link to the plan of care)',
    'a Plan or Plan of care heading, or goals with a frequency and duration',
  ),
  jobTitle: el(
    'job title / physical demand level',
    'a Job title or Occupation label, or a physical demand level (sedentary to very heavy)',
  ),
  jobGap: el(
    'gap between current capacity and job demands',
    'a Job demands heading, a job column beside measured capacity, or capacity "vs job"',
  ),
  goals: el('long-term goals', 'a Goals, STG or LTG heading or labelled goals'),
  services: el('type of services', 'interventions or an Interventions, Treatment or Plan heading'),
  frequency: el('frequency', 'a frequency ("3x/week", "5 times per week") or a Frequency label'),
  duration: el('duration', 'a duration ("for 4 weeks", "through 04/30/2026") or a Duration label'),
  reportPeriod: el(
    'start and end dates of the reporting period',
    'a Reporting period label or heading with two dates',
    true,
  ),
  dateWritten: el('the date written', 'a date of service, report date or signature date', true),
  signature: el(
    'signature with professional identification',
    'a signature line with the author\u2019s name and credentials',
    true,
  ),
  change: el('objective measurements of change', 'measurements with units or an Objective heading'),
  continuing: el(
    'plans for continuing treatment',
    'a Plan or Recommendations heading, or a frequency to continue at ("continue 2x/week")',
  ),
  capacityVsJob: el(
    'current capacity versus job demands',
    'a Job demands heading, a job column beside measured capacity, or a physical demand level',
  ),
  rtw: el(
    'return-to-work status',
    'a work status such as "full duty", "modified duty" or "off work", or a Return to work heading',
  ),
  goalStatus: el(
    'status of each goal',
    'goal statuses (met, progressing, not met) or a Goals heading',
  ),
  functionalStatus: el(
    'functional status at discharge',
    'measurements with units, an Objective heading or a Functional status label',
  ),
  dischargeReason: el(
    'reason for discharge',
    'a Reason for discharge label, ticked reason or "discharged due to"',
  ),
  finalTesting: el(
    'final objective testing against job demands',
    'exit or final testing set against the job (a job column, "vs job") or a physical demand level',
  ),
  clinicianAuthor: el(
    'authorship by the clinician (written by an assistant)',
    'the signer\u2019s credentials (PT, OT, SLP rather than PTA, COTA)',
    true,
  ),
  rtwRecommendation: el(
    'return-to-work recommendation',
    'a work status such as "full duty", "modified duty" or "not ready to return"',
  ),
} as const;
