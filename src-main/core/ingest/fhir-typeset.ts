/**
 * Plain-text pages for FHIR resources that carry plan-of-care content as structured fields
 * (CarePlan, Goal), laid out like a printed form so the document classifier and goal extractors can
 * read them the same way they read a note.
 */
import type { FhirCarePlan, FhirCodeableConcept, FhirGoal } from './fhir-schema';

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
