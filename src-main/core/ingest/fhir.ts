/**
 * FHIR R4 reader: a Bundle (or a single resource) to patients, embedded notes, billed lines and
 * adjudicated claims. Only the resources ChartReady uses are validated and mapped.
 *
 * A FHIR document (Bundle.type "document") is read by its Composition: the signed note, printed
 * with its sections' narrative (fhir-typeset.ts).
 *
 * Encounter and Procedure are validated for shape but not mapped on their own: the audit cites what
 * was documented (notes) and what was billed or paid (Claim, ExplanationOfBenefit), and an
 * Encounter or Procedure resource is neither; its dates and codes would duplicate or contradict
 * those sources. An Encounter gives only the clock times of the Composition that names it.
 * ChargeItem is not read either: the charges a document carries are the claim's lines, read from
 * the Claim or the remittance.
 */
import type {
  Adjustment,
  AdjustmentGroup,
  BillingLine,
  EmbeddedDocument,
  PatientRecord,
  ReadResult,
  RemitClaim,
  RemitService,
} from '../../../shared/model';
import { reject } from './errors';
import { parseJsonSafely } from './fhir-json';
import {
  RESOURCE_SCHEMAS,
  bundleSchema,
  type FhirCarePlan,
  type FhirClaim,
  type FhirCodeableConcept,
  type FhirComposition,
  type FhirCoverage,
  type FhirEncounter,
  type FhirDocumentReference,
  type FhirExplanationOfBenefit,
  type FhirGoal,
  type FhirPatient,
  type FhirReference,
} from './fhir-schema';
import { conceptText, typesetCarePlan, typesetComposition, typesetGoal } from './fhir-typeset';
import { htmlToText } from './html';

const GROUPS: readonly AdjustmentGroup[] = ['CO', 'PR', 'OA', 'PI', 'CR'];

/** PHDSC Source of Payment Typology, the code system US profiles use for Coverage.type. */
const SOPT_SYSTEMS = ['urn:oid:2.16.840.1.113883.3.221.5', 'https://nahdo.org/sopt'];

/** Who pays a claim and the kind of cover, from its Coverage. */
interface CoverageOfClaim {
  payer: string | null;
  payerClass: string | null;
}

/**
 * Coverage.type as one class string for the payer-kind decision: its text, displays and codes
 * ("Workers' compensation / workers compensation policy / WCBPOL"); a Source of Payment Typology
 * code is marked "SOPT 121", since its bare digits would say nothing.
 */
function coverageClass(type: FhirCodeableConcept | undefined): string | null {
  if (!type) return null;
  const parts: string[] = [];
  const add = (v: string | undefined) => {
    const t = v?.trim();
    if (t && !parts.includes(t)) parts.push(t);
  };
  add(type.text);
  for (const c of type.coding ?? []) add(c.display);
  for (const c of type.coding ?? []) {
    if (!c.code) continue;
    add(SOPT_SYSTEMS.includes(c.system ?? '') ? `SOPT ${c.code.trim()}` : c.code);
  }
  return parts.length > 0 ? parts.join(' / ') : null;
}

interface Entry {
  index: number;
  fullUrl: string | null;
  resource: { resourceType: string; id?: string } & Record<string, unknown>;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function entriesOf(json: unknown): Entry[] {
  const type = (json as { resourceType?: unknown } | null)?.resourceType;
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    typeof type !== 'string'
  ) {
    reject('the JSON is not a FHIR resource (no "resourceType")', { code: 'invalid' });
  }
  if (type !== 'Bundle') return [{ index: 0, fullUrl: null, resource: json as Entry['resource'] }];
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    reject(`Bundle ${formatPath(issue.path)}: ${issue.message}`, { code: 'invalid' });
  }
  return (parsed.data.entry ?? []).map((e, index) => ({
    index,
    fullUrl: e.fullUrl ?? null,
    resource: e.resource as Entry['resource'],
  }));
}

/** Validates the resources we read; a failure names the entry and the field. */
function validate(entry: Entry): unknown {
  const type = entry.resource.resourceType;
  const schema = RESOURCE_SCHEMAS[type as keyof typeof RESOURCE_SCHEMAS];
  if (!schema) return null;
  const result = schema.safeParse(entry.resource);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const id = entry.resource.id ? `/${entry.resource.id}` : '';
    reject(
      `entry[${entry.index}] (${type}${id}): ${formatPath(issue.path) || '(resource)'}: ${issue.message}`,
      {
        code: 'invalid',
      },
    );
  }
  return result.data;
}

function isoDay(value: string | undefined): string | null {
  const day = value?.slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

function toPatientRecord(p: FhirPatient): PatientRecord {
  const name = p.name?.find((n) => n.use === 'official') ?? p.name?.[0];
  const given = name?.given?.join(' ').trim();
  const formatted =
    name?.family && given
      ? `${name.family}, ${given}`
      : (name?.family ?? given ?? name?.text ?? null);
  const mrnId =
    p.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR')) ??
    p.identifier?.find((i) => i.system?.toLowerCase().includes('mrn')) ??
    p.identifier?.[0];
  return { name: formatted || null, dob: isoDay(p.birthDate), mrn: mrnId?.value ?? null };
}

/** Resolves `Patient/id`, absolute `.../Patient/id` and `urn:uuid:` references within the bundle. */
class ReferenceIndex<T> {
  private readonly byKey = new Map<string, T>();
  add(entry: Entry, value: T): void {
    if (entry.fullUrl) this.byKey.set(entry.fullUrl, value);
    if (entry.resource.id)
      this.byKey.set(`${entry.resource.resourceType}/${entry.resource.id}`, value);
  }
  resolve(ref: FhirReference | undefined): T | null {
    const r = ref?.reference;
    if (!r) return null;
    const direct = this.byKey.get(r);
    if (direct !== undefined) return direct;
    const tail = /([A-Za-z]+\/[^/]+?)(?:\/_history\/.*)?$/.exec(r)?.[1];
    if (!tail) return null;
    return this.byKey.get(tail) ?? null;
  }
}

function decodeAttachment(doc: FhirDocumentReference): Pick<EmbeddedDocument, 'pages' | 'pdf'> {
  for (const { attachment } of doc.content) {
    if (!attachment.data) continue;
    const bytes = new Uint8Array(Buffer.from(attachment.data, 'base64'));
    const type = (attachment.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/pdf') return { pdf: bytes };
    if (type === 'text/plain' || type === 'text/html') {
      const raw = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      const text = type === 'text/html' ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n');
      // Printed-chart text exports separate pages with form feeds.
      return { pages: text.split('\f').map((t, i) => ({ page: i + 1, text: t })) };
    }
  }
  return {};
}

function documentTitle(doc: FhirDocumentReference): string | null {
  return (
    doc.description?.trim() ||
    conceptText(doc.type) ||
    doc.content.find((c) => c.attachment.title)?.attachment.title?.trim() ||
    null
  );
}

function firstCode(concept: FhirCodeableConcept | undefined): string | null {
  return (
    concept?.coding
      ?.find((c) => c.code)
      ?.code?.trim()
      .toUpperCase() ?? null
  );
}

function modifierCodes(modifiers: FhirCodeableConcept[] | undefined): string[] {
  return (modifiers ?? []).map((m) => firstCode(m)).filter((m): m is string => m !== null);
}

function referenceId(ref: FhirReference | undefined): string | null {
  return ref?.identifier?.value ?? ref?.reference?.split('/').pop() ?? null;
}

/** `CO-50` gives group CO and CARC 50; a bare `50` is taken as contractual (CO). */
function adjustmentFromReason(code: string, amount: number): Adjustment {
  const m = /^([A-Z]{2})[-\s:]?(\w+)$/i.exec(code.trim());
  const group = m?.[1]?.toUpperCase() as AdjustmentGroup | undefined;
  if (m && group && GROUPS.includes(group)) return { group, carc: m[2]!, amount, units: null };
  return { group: 'CO', carc: code.trim(), amount, units: null };
}

function categoryAmount(adjudications: FhirAdjudications, category: string): number {
  return adjudications
    .filter((a) => a.category.coding?.some((c) => c.code === category))
    .reduce((sum, a) => sum + (a.amount?.value ?? 0), 0);
}

type FhirAdjudications = NonNullable<
  NonNullable<FhirExplanationOfBenefit['item']>[number]['adjudication']
>;

export function readFhirBundle(bytes: Uint8Array): ReadResult {
  const entries = entriesOf(parseJsonSafely(bytes));
  const validated = entries.map((entry) => ({ entry, data: validate(entry) }));
  const byType = (type: string) => validated.filter((v) => v.entry.resource.resourceType === type);

  const patients = new ReferenceIndex<PatientRecord>();
  const patientList: PatientRecord[] = [];
  for (const { entry, data } of byType('Patient')) {
    const record = toPatientRecord(data as FhirPatient);
    patients.add(entry, record);
    patientList.push(record);
  }
  const organizations = new ReferenceIndex<string>();
  for (const { entry } of byType('Organization')) {
    const name = entry.resource['name'];
    if (typeof name === 'string') organizations.add(entry, name);
  }
  const goals = new ReferenceIndex<FhirGoal>();
  for (const { entry, data } of byType('Goal')) goals.add(entry, data as FhirGoal);

  const encounters = new ReferenceIndex<FhirEncounter>();
  for (const { entry, data } of byType('Encounter')) encounters.add(entry, data as FhirEncounter);

  const plannedGoals = new Set<FhirGoal>();
  for (const { data } of byType('CarePlan'))
    for (const ref of (data as FhirCarePlan).goal ?? []) {
      const g = goals.resolve(ref);
      if (g) plannedGoals.add(g);
    }

  const patientFor = (ref: FhirReference | undefined): PatientRecord | null =>
    patients.resolve(ref) ?? (ref?.display ? { name: ref.display, dob: null, mrn: null } : null);
  const payerFor = (ref: FhirReference | undefined): string | null =>
    ref?.display ?? organizations.resolve(ref);
  const coverages = new ReferenceIndex<CoverageOfClaim>();
  for (const { entry, data } of byType('Coverage')) {
    const coverage = data as FhirCoverage;
    const payor = coverage.payor?.map((p) => payerFor(p)).find((name) => name) ?? null;
    coverages.add(entry, { payer: payor, payerClass: coverageClass(coverage.type) });
  }
  const coverageFor = (claim: FhirClaim): CoverageOfClaim | null => {
    const insurance = claim.insurance ?? [];
    const focal = insurance.find((i) => i.focal) ?? insurance[0];
    return focal ? coverages.resolve(focal.coverage) : null;
  };

  const documents: EmbeddedDocument[] = [];
  const billing: BillingLine[] = [];
  const claims: RemitClaim[] = [];

  for (const { entry, data } of validated) {
    const id = entry.resource.id ?? String(entry.index);
    switch (entry.resource.resourceType) {
      case 'DocumentReference': {
        const doc = data as FhirDocumentReference;
        documents.push({
          name: `#DocumentReference/${id}`,
          title: documentTitle(doc),
          date: isoDay(doc.date) ?? isoDay(doc.context?.period?.start),
          patient: patientFor(doc.subject),
          ...decodeAttachment(doc),
        });
        break;
      }
      case 'Composition': {
        const comp = data as FhirComposition;
        const patient = patientFor(comp.subject);
        documents.push({
          name: `#Composition/${id}`,
          title: comp.title.trim() || conceptText(comp.type),
          date: isoDay(comp.date),
          patient,
          pages: [
            {
              page: 1,
              text: typesetComposition(comp, {
                patient,
                session: encounters.resolve(comp.encounter)?.period ?? null,
              }),
            },
          ],
        });
        break;
      }
      case 'CarePlan': {
        const plan = data as FhirCarePlan;
        const patient = patientFor(plan.subject);
        const planGoals = (plan.goal ?? [])
          .map((g) => goals.resolve(g))
          .filter((g): g is FhirGoal => g !== null);
        documents.push({
          name: `#CarePlan/${id}`,
          title: 'Plan of Care',
          date: isoDay(plan.period?.start) ?? isoDay(plan.created),
          patient,
          pages: [{ page: 1, text: typesetCarePlan(plan, patient?.name ?? null, planGoals) }],
        });
        break;
      }
      case 'Goal': {
        // A goal a CarePlan lists is part of that plan (typeset with it), not a note of its own.
        if (plannedGoals.has(data as FhirGoal)) break;
        const goal = data as FhirGoal;
        const patient = patientFor(goal.subject);
        documents.push({
          name: `#Goal/${id}`,
          title: 'Goals',
          date: isoDay(goal.startDate),
          patient,
          pages: [{ page: 1, text: typesetGoal(goal, patient?.name ?? null) }],
        });
        break;
      }
      case 'Claim':
        billing.push(
          ...claimLines(
            data as FhirClaim,
            entry,
            patientFor,
            payerFor,
            coverageFor(data as FhirClaim),
          ),
        );
        break;
      case 'ExplanationOfBenefit':
        claims.push(eobClaim(data as FhirExplanationOfBenefit, entry, patientFor, payerFor));
        break;
      default:
        // Patient, Goal and Encounter (a Composition's session times) handled above; Procedure,
        // ChargeItem and others not used (see top).
        break;
    }
  }
  return { kind: 'fhir', patients: patientList, documents, billing, claims };
}

function claimLines(
  claim: FhirClaim,
  entry: Entry,
  patientFor: (r: FhirReference | undefined) => PatientRecord | null,
  payerFor: (r: FhirReference | undefined) => string | null,
  coverage: CoverageOfClaim | null,
): BillingLine[] {
  const patient = patientFor(claim.patient);
  const payer = payerFor(claim.insurer) ?? coverage?.payer ?? null;
  const payerClass = coverage?.payerClass ?? null;
  const claimId = claim.identifier?.find((i) => i.value)?.value ?? claim.id ?? null;
  return (claim.item ?? []).map((item, i) => {
    const dos =
      isoDay(item.servicedDate) ??
      isoDay(item.servicedPeriod?.start) ??
      isoDay(claim.billablePeriod?.start);
    const code = firstCode(item.productOrService);
    const where = `entry[${entry.index}] (Claim/${claim.id ?? '?'}) item[${i}]`;
    if (!dos)
      reject(`${where}: no servicedDate, servicedPeriod or billablePeriod`, { code: 'invalid' });
    if (!code) reject(`${where}: productOrService has no coding code`, { code: 'invalid' });
    const units = item.quantity?.value ?? 1;
    const charge =
      item.net?.value ??
      (item.unitPrice?.value !== undefined ? item.unitPrice.value * units : null);
    return {
      source: 'fhir' as const,
      line: item.sequence,
      patientName: patient?.name ?? null,
      mrn: patient?.mrn ?? null,
      dob: patient?.dob ?? null,
      dos,
      code,
      modifiers: modifierCodes(item.modifier),
      units,
      charge,
      payer,
      payerClass,
      claimId,
      provider: claim.provider?.display ?? null,
    };
  });
}

/**
 * EOB status has no CLP02 equivalent; it is derived so consumers can treat it like an 835:
 * `4` (denied) when nothing was paid on a billed claim, else `1` (processed).
 */
function eobClaim(
  eob: FhirExplanationOfBenefit,
  entry: Entry,
  patientFor: (r: FhirReference | undefined) => PatientRecord | null,
  payerFor: (r: FhirReference | undefined) => string | null,
): RemitClaim {
  const patient = patientFor(eob.patient);
  const services: RemitService[] = (eob.item ?? []).map((item) => {
    const adjudications = item.adjudication ?? [];
    return {
      code: firstCode(item.productOrService) ?? '',
      modifiers: modifierCodes(item.modifier),
      charge: categoryAmount(adjudications, 'submitted'),
      paid: categoryAmount(adjudications, 'benefit'),
      units: item.quantity?.value ?? 1,
      dos: isoDay(item.servicedDate) ?? isoDay(item.servicedPeriod?.start),
      adjustments: adjudications.flatMap((a) =>
        (a.reason?.coding ?? [])
          .filter((c) => c.code)
          .map((c) => adjustmentFromReason(c.code!, a.amount?.value ?? 0)),
      ),
      remarks: [],
      segment: item.sequence,
    };
  });
  const charge = services.reduce((s, x) => s + x.charge, 0);
  const paid = services.reduce((s, x) => s + x.paid, 0);
  const patientResponsibility = (eob.item ?? []).reduce(
    (s, item) =>
      s +
      categoryAmount(item.adjudication ?? [], 'copay') +
      categoryAmount(item.adjudication ?? [], 'deductible'),
    0,
  );
  return {
    claimId:
      referenceId(eob.claim) ??
      eob.identifier?.find((i) => i.value)?.value ??
      eob.id ??
      String(entry.index),
    status: paid === 0 && charge > 0 ? '4' : '1',
    charge,
    paid,
    patientResponsibility,
    payerClaimNumber: eob.identifier?.find((i) => i.value)?.value ?? null,
    payerName: payerFor(eob.insurer),
    patientName: patient?.name ?? null,
    memberId: null, // lives on Coverage, which this reader does not map
    periodStart: isoDay(eob.billablePeriod?.start),
    periodEnd: isoDay(eob.billablePeriod?.end),
    adjustments: [],
    remarks: [],
    services,
    segment: entry.index + 1,
  };
}
