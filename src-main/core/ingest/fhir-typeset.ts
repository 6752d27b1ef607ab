/**
 * Plain-text pages for FHIR resources that carry plan-of-care content as structured fields
 * (CarePlan, Goal) or a note as narrative sections (Composition), laid out like a printed form so
 * the document classifier and the extractors read them the same way they read a note.
 */
import type { FhirCarePlan, FhirCodeableConcept, FhirComposition, FhirGoal } from './fhir-schema';
import { htmlToText } from './html';

export function conceptText(concept: FhirCodeableConcept | undefined): string | null {
  if (!concept) return null;
  return concept.text?.trim() || concept.coding?.find((c) => c.display)?.display?.trim() || null;
}

function goalLines(goal: FhirGoal): string[] {
  const description = conceptText(goal.description) ?? '(no description)';
  const targets = (goal.target ?? []).map((t) => t.dueDate).filter((d): d is string => !!d);
  const lines = [`Goal: ${description}`];
  if (targets.length > 0) lines.push(`Target date: ${targets.join(', ')}`);
  return lines;
}

function goalItem(goal: FhirGoal): string {
  const description = conceptText(goal.description) ?? '(no description)';
  const targets = (goal.target ?? []).map((t) => t.dueDate).filter((d): d is string => !!d);
  return targets.length > 0 ? `${description} (due by ${targets.join(', ')})` : description;
}

export function typesetGoal(goal: FhirGoal, patientName: string | null): string {
  const lines = ['Goals'];
  if (patientName) lines.push(`Patient: ${patientName}`);
  if (goal.startDate) lines.push(`Start date: ${goal.startDate}`);
  if (goal.lifecycleStatus) lines.push(`Status: ${goal.lifecycleStatus}`);
  lines.push(...goalLines(goal));
  return lines.join('\n');
}

export function typesetCarePlan(
  plan: FhirCarePlan,
  patientName: string | null,
  goals: FhirGoal[],
): string {
  const lines = ['Plan of Care'];
  if (plan.title) lines.push(plan.title);
  if (patientName) lines.push(`Patient: ${patientName}`);
  const start = plan.period?.start?.slice(0, 10);
  const end = plan.period?.end?.slice(0, 10);
  if (start || end) lines.push(`Plan period: ${start ?? '?'} to ${end ?? '?'}`);
  if (plan.description) lines.push(`Description: ${plan.description}`);
  const activities = (plan.activity ?? [])
    .map((a) => a.detail?.description ?? conceptText(a.detail?.code))
    .filter((a): a is string => !!a);
  if (activities.length > 0) lines.push('Interventions:', ...activities.map((a) => `- ${a}`));
  // One list item per goal, its due date inline, so each goal reads as one time-bound goal.
  if (goals.length > 0) lines.push('Goals:', ...goals.map((g) => `- ${goalItem(g)}`));
  return lines.join('\n');
}

/** "2026-04-09T11:32:00-04:00" as a printed note writes it: "04/09/2026 11:32" (the clock as recorded). */
function printedDateTime(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const day = `${m[2]}/${m[3]}/${m[1]}`;
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

/** What the Composition's context gives a printed note's header. */
export interface CompositionContext {
  patient: { name: string | null; dob: string | null; mrn: string | null } | null;
  /** The session's clock times, from the Encounter the Composition names. */
  session: { start?: string; end?: string } | null;
}

/**
 * A FHIR document's Composition as its printed note: title, patient, date and author, the
 * session's clock times, each section under its title (its narrative as text), and the legal
 * attester as the signature. A Composition no one attested (a preliminary note) says it is
 * unsigned, as an EMR's printout of an open note does: its author is no signer.
 */
export function typesetComposition(comp: FhirComposition, context: CompositionContext): string {
  const lines = [comp.title.trim() || conceptText(comp.type) || 'Clinical note'];
  const p = context.patient;
  if (p?.name) {
    const more = [p.dob ? `DOB: ${printedDateTime(p.dob)}` : '', p.mrn ? `MRN: ${p.mrn}` : ''];
    lines.push([`Patient: ${p.name}`, ...more].filter(Boolean).join('   '));
  }
  lines.push(`Date of service: ${printedDateTime(comp.date).slice(0, 10)}`);
  const { start, end } = context.session ?? {};
  if (start && end)
    lines.push(
      `Time in: ${printedDateTime(start).slice(11)}   Time out: ${printedDateTime(end).slice(11)}`,
    );
  const author = comp.author.map((a) => a.display?.trim()).filter(Boolean);
  if (author.length > 0) lines.push(`Author: ${author.join('; ')}`);
  if (comp.status !== 'final' && comp.status !== 'amended') lines.push(`Status: ${comp.status}`);
  const addSection = (section: NonNullable<FhirComposition['section']>[number], depth: number) => {
    lines.push('');
    if (section.title) lines.push(depth > 0 ? section.title : section.title.toUpperCase());
    const text = section.text ? htmlToText(section.text.div).trim() : '';
    if (text) lines.push(text);
    for (const sub of section.section ?? []) addSection(sub, depth + 1);
  };
  for (const section of comp.section ?? []) addSection(section, 0);
  // The legal attester signs; a professional or personal one attests too where none is legal.
  const attesters = comp.attester ?? [];
  const signer = attesters.find((a) => a.mode === 'legal') ?? attesters.find((a) => a.time);
  if (signer?.time) {
    const who = signer.party?.display?.trim() || author[0] || '';
    lines.push('', `Electronically signed by: ${who} on ${printedDateTime(signer.time)}`);
  } else lines.push('', 'Signature status: unsigned');
  return lines.join('\n');
}
