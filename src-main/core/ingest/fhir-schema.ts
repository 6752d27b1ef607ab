/**
 * Zod schemas for the subset of FHIR R4 that ChartReady reads. Only the fields used are checked;
 * everything else passes through untouched. The types the reader works with are inferred from
 * these schemas, and checked at compile time against the published R4 types (@types/fhir,
 * `fhir/r4`) at the end of this file.
 */
import type * as R4 from 'fhir/r4';
import { z } from 'zod';

const fhirDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)');
const fhirDateTime = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/,
    'expected a FHIR dateTime',
  );
const base64 = z.string().regex(/^[A-Za-z0-9+/=\s]*$/, 'expected base64 data');

const coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const codeableConcept = z.looseObject({
  coding: z.array(coding).optional(),
  text: z.string().optional(),
});
const identifier = z.looseObject({
  system: z.string().optional(),
  value: z.string().optional(),
  type: codeableConcept.optional(),
});
const reference = z.looseObject({
  reference: z.string().optional(),
  display: z.string().optional(),
  identifier: identifier.optional(),
});
const period = z.looseObject({ start: fhirDateTime.optional(), end: fhirDateTime.optional() });
const money = z.looseObject({ value: z.number().optional(), currency: z.string().optional() });
const quantity = z.looseObject({ value: z.number().optional() });

export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  identifier: z.array(identifier).optional(),
  name: z
    .array(
      z.looseObject({
        use: z.string().optional(),
        text: z.string().optional(),
        family: z.string().optional(),
        given: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  birthDate: fhirDate.optional(),
});

export const documentReferenceSchema = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  id: z.string().optional(),
  subject: reference.optional(),
  date: fhirDateTime.optional(),
  description: z.string().optional(),
  type: codeableConcept.optional(),
  context: z.looseObject({ period: period.optional() }).optional(),
  content: z
    .array(
      z.looseObject({
        attachment: z.looseObject({
          contentType: z.string().optional(),
          data: base64.optional(),
          url: z.string().optional(),
          title: z.string().optional(),
        }),
      }),
    )
    .min(1),
});

const claimItem = z.looseObject({
  sequence: z.number().int().positive(),
  productOrService: codeableConcept,
  modifier: z.array(codeableConcept).optional(),
  quantity: quantity.optional(),
  servicedDate: fhirDate.optional(),
  servicedPeriod: period.optional(),
  unitPrice: money.optional(),
  net: money.optional(),
});

export const claimSchema = z.looseObject({
  resourceType: z.literal('Claim'),
  id: z.string().optional(),
  identifier: z.array(identifier).optional(),
  patient: reference,
  insurer: reference.optional(),
  insurance: z
    .array(z.looseObject({ focal: z.boolean().optional(), coverage: reference }))
    .optional(),
  provider: reference.optional(),
  billablePeriod: period.optional(),
  item: z.array(claimItem).optional(),
});

/** Coverage: who pays (payor) and what kind of cover it is (type: WCBPOL, Medicare, ...). */
export const coverageSchema = z.looseObject({
  resourceType: z.literal('Coverage'),
  id: z.string().optional(),
  type: codeableConcept.optional(),
  payor: z.array(reference).optional(),
});

const adjudication = z.looseObject({
  category: codeableConcept,
  reason: codeableConcept.optional(),
  amount: money.optional(),
  value: z.number().optional(),
});

export const explanationOfBenefitSchema = z.looseObject({
  resourceType: z.literal('ExplanationOfBenefit'),
  id: z.string().optional(),
  identifier: z.array(identifier).optional(),
  patient: reference.optional(),
  insurer: reference.optional(),
  claim: reference.optional(),
  billablePeriod: period.optional(),
  item: z
    .array(
      z.looseObject({
        sequence: z.number().int().positive(),
        productOrService: codeableConcept.optional(),
        modifier: z.array(codeableConcept).optional(),
        quantity: quantity.optional(),
        servicedDate: fhirDate.optional(),
        servicedPeriod: period.optional(),
        adjudication: z.array(adjudication).optional(),
      }),
    )
    .optional(),
});

export const carePlanSchema = z.looseObject({
  resourceType: z.literal('CarePlan'),
  id: z.string().optional(),
  subject: reference,
  title: z.string().optional(),
  description: z.string().optional(),
  status: z.string().optional(),
  created: fhirDateTime.optional(),
  period: period.optional(),
  goal: z.array(reference).optional(),
  activity: z
    .array(
      z.looseObject({
        detail: z
          .looseObject({ code: codeableConcept.optional(), description: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
});

export const goalSchema = z.looseObject({
  resourceType: z.literal('Goal'),
  id: z.string().optional(),
  subject: reference,
  lifecycleStatus: z.string().optional(),
  description: codeableConcept,
  startDate: fhirDate.optional(),
  target: z
    .array(
      z.looseObject({
        measure: codeableConcept.optional(),
        detailString: z.string().optional(),
        dueDate: fhirDate.optional(),
      }),
    )
    .optional(),
});

/**
 * A Composition's section: its title and narrative (XHTML), and the sections under it (one level
 * read; deeper ones pass through).
 */
const narrative = z.looseObject({ div: z.string() });
const sectionFields = {
  title: z.string().optional(),
  code: codeableConcept.optional(),
  text: narrative.optional(),
};
const compositionSection = z.looseObject({
  ...sectionFields,
  section: z.array(z.looseObject(sectionFields)).optional(),
});

/**
 * Composition: the first entry of a FHIR document (Bundle.type "document"), a signed clinical note
 * whose content is its sections' narrative. `attester` records who signed it and when.
 */
export const compositionSchema = z.looseObject({
  resourceType: z.literal('Composition'),
  id: z.string().optional(),
  status: z.string(),
  type: codeableConcept,
  subject: reference.optional(),
  encounter: reference.optional(),
  date: fhirDateTime,
  author: z.array(reference).min(1),
  title: z.string(),
  attester: z
    .array(
      z.looseObject({
        mode: z.string(),
        time: fhirDateTime.optional(),
        party: reference.optional(),
      }),
    )
    .optional(),
  section: z.array(compositionSection).optional(),
});

/**
 * Encounter is mapped only for the session's clock times on a Composition that names it; see
 * fhir.ts for why it is no note or billing of its own. Procedure is checked for shape only.
 */
export const encounterSchema = z.looseObject({
  resourceType: z.literal('Encounter'),
  id: z.string().optional(),
  period: period.optional(),
});
export const procedureSchema = z.looseObject({
  resourceType: z.literal('Procedure'),
  id: z.string().optional(),
});

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }),
      }),
    )
    .optional(),
});

export const RESOURCE_SCHEMAS = {
  Patient: patientSchema,
  DocumentReference: documentReferenceSchema,
  Claim: claimSchema,
  Coverage: coverageSchema,
  ExplanationOfBenefit: explanationOfBenefitSchema,
  CarePlan: carePlanSchema,
  Goal: goalSchema,
  Composition: compositionSchema,
  Encounter: encounterSchema,
  Procedure: procedureSchema,
} as const;

export type FhirPatient = z.infer<typeof patientSchema>;
export type FhirDocumentReference = z.infer<typeof documentReferenceSchema>;
export type FhirClaim = z.infer<typeof claimSchema>;
export type FhirCoverage = z.infer<typeof coverageSchema>;
export type FhirExplanationOfBenefit = z.infer<typeof explanationOfBenefitSchema>;
export type FhirCarePlan = z.infer<typeof carePlanSchema>;
export type FhirGoal = z.infer<typeof goalSchema>;
export type FhirComposition = z.infer<typeof compositionSchema>;
export type FhirEncounter = z.infer<typeof encounterSchema>;
export type FhirReference = z.infer<typeof reference>;
export type FhirCodeableConcept = z.infer<typeof codeableConcept>;

/**
 * Compile-time conformance with the published R4 types (@types/fhir, `fhir/r4`): every valid R4
 * resource must fit the subset validated above, so the schemas never demand more than R4 does or
 * read a field with a different type. `tsc` fails here if they drift.
 */
type Known<T> = T extends readonly (infer U)[]
  ? Known<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;
// Loose objects carry an index signature for unread fields; compare only the fields read.
type AcceptsEveryR4<Subset, Full> = [Full] extends [Known<Subset>] ? true : false;
const r4Conformance: [
  AcceptsEveryR4<FhirPatient, R4.Patient>,
  AcceptsEveryR4<FhirDocumentReference, R4.DocumentReference>,
  AcceptsEveryR4<FhirClaim, R4.Claim>,
  AcceptsEveryR4<FhirCoverage, R4.Coverage>,
  AcceptsEveryR4<FhirExplanationOfBenefit, R4.ExplanationOfBenefit>,
  AcceptsEveryR4<FhirCarePlan, R4.CarePlan>,
  AcceptsEveryR4<FhirGoal, R4.Goal>,
  AcceptsEveryR4<FhirComposition, R4.Composition>,
  AcceptsEveryR4<FhirEncounter, R4.Encounter>,
] = [true, true, true, true, true, true, true, true, true];
void r4Conformance;
