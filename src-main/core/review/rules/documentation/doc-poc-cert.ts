import type { EpisodeDocument } from '../../../../../shared/episode';
import type { Evidence, IsoDate } from '../../../../../shared/model';
import { evidenceFromDocument, evidenceFromFact, firstFact } from '../../lib/evidence';
import {
  addDaysIso,
  daysBetween,
  docDate,
  docsOfOneType,
  docsOfType,
  firstEvidenceForDay,
  isIsoDate,
  physicianSignature,
  planDurationDays,
  signatureStatus,
  statedPlanPeriod,
  treatmentDaysView,
  type TreatmentDayView,
} from '../../lib/documents';
import type { Rule, RuleFinding } from '../../types';

/** First DOS for which the order + plan transmission alternative applies ([S6]). */
const ORDER_ALTERNATIVE_FROM = '2025-01-01';
/** A verbal certification must be followed by the signed one within 14 days (§220.1.3.B). */
const VERBAL_SIGNATURE_DAYS = 14;

interface Verbal {
  date: IsoDate;
  evidence: Evidence;
}

/** The first verbal certification documented within `limit` days of the first treatment day. */
function timelyVerbal(docs: EpisodeDocument[], first: IsoDate, limit: number): Verbal | null {
  const found: Verbal[] = [];
  for (const doc of docs) {
    for (const f of doc.facts) {
      if (f.kind !== 'verbal-certification') continue;
      const date = isIsoDate(f.value) ? f.value : docDate(doc);
      if (date && daysBetween(first, date) <= limit)
        found.push({ date, evidence: evidenceFromFact(f) });
    }
  }
  return found.sort((a, b) => (a.date < b.date ? -1 : 1))[0] ?? null;
}

interface Cert {
  doc: EpisodeDocument;
  signed: IsoDate;
  evidence: Evidence;
  /** Signed with a PDF stamp annotation: a signature image or a rubber stamp, not told apart. */
  stamped: boolean;
}

function certifications(docs: EpisodeDocument[]): Cert[] {
  const out: Cert[] = [];
  for (const doc of docs) {
    const sig = physicianSignature(doc, { acceptStamp: true });
    if (sig)
      out.push({
        doc,
        signed: sig.date,
        evidence: evidenceFromFact(sig.dateFact),
        stamped: sig.stamped,
      });
  }
  return out.sort((a, b) => (a.signed < b.signed ? -1 : 1));
}

/** Consecutive treatment days (in `days` order) that fail `covered`, grouped into runs. */
function uncoveredRuns(
  days: readonly TreatmentDayView[],
  covered: (d: TreatmentDayView) => boolean,
): TreatmentDayView[][] {
  const out: TreatmentDayView[][] = [];
  let current: TreatmentDayView[] | null = null;
  for (const d of days) {
    if (covered(d)) {
      current = null;
      continue;
    }
    if (!current) {
      current = [];
      out.push(current);
    }
    current.push(d);
  }
  return out;
}

export const docPocCert: Rule = {
  meta: {
    id: 'DOC-POC-CERT',
    title: 'Plan of care certified by the physician/NPP on time and recertified',
    group: 'documentation',
    source:
      'Medicare Benefit Policy Manual, Pub. 100-02, Ch. 15, §220.1.3 (certification, recertification, delayed certification), as explained in Noridian\'s "Outpatient Therapy Certification Plan of Care" (2025; one Medicare contractor\'s guidance on that section, which applies to every contractor)',
    severity: 'error',
    payers: ['MCR'],
    unverified: ['Certifying NPI on the claim (not checked)'],
  },
  check(episode, profile) {
    if (episode.payer.kind !== 'medicare') {
      return [
        {
          status: 'n/a',
          message:
            'Physician certification of the plan is a Medicare requirement; for this payer the prescription and authorization take its place.',
          dates: [],
          evidence: [],
        },
      ];
    }
    const days = treatmentDaysView(episode);
    const first = days[0]?.date;
    if (!first) return [];
    const { certificationDays, recertDays } = profile.thresholds;
    // A progress report the physician signs is a recertification (BPM §220.1.3.C).
    const planDocs = docsOfType(
      episode,
      'plan-of-care',
      'certification',
      'evaluation',
      're-evaluation',
      'progress-report',
    );
    const certs = certifications(planDocs);
    const findings: RuleFinding[] = [];
    const initial = certs[0];
    const sentFact = planDocs
      .concat(docsOfOneType(episode, 'communication'))
      .flatMap((d) => d.facts)
      .find((f) => f.kind === 'plan-sent-date' && isIsoDate(f.value));
    const order = docsOfOneType(episode, 'physician-order').find(
      (o) => signatureStatus(o).status !== 'unsigned',
    );
    // 2025 alternative: signed order + plan sent to the referring practitioner within 30 days.
    const alternative =
      first >= ORDER_ALTERNATIVE_FROM &&
      !!order &&
      !!sentFact &&
      daysBetween(first, sentFact.value) <= certificationDays &&
      daysBetween(first, sentFact.value) >= 0;
    const verbal = alternative ? null : timelyVerbal(episode.documents, first, certificationDays);
    let initialEvidence: Evidence[] = [];
    if (initial) {
      const lag = daysBetween(first, initial.signed);
      initialEvidence = [initial.evidence];
      const afterVerbal = verbal ? daysBetween(verbal.date, initial.signed) : null;
      if (lag > certificationDays && verbal && afterVerbal !== null) {
        // A timely verbal certification stands when the signature follows within 14 days.
        initialEvidence = [verbal.evidence, initial.evidence];
        if (afterVerbal > VERBAL_SIGNATURE_DAYS) {
          findings.push({
            status: 'fail',
            message: `Verbal certification ${verbal.date} was timely, but the signed certification ${initial.signed} came ${afterVerbal} days later (limit ${VERBAL_SIGNATURE_DAYS}).`,
            dates: [verbal.date, initial.signed],
            evidence: initialEvidence,
          });
        }
      } else if (lag > certificationDays && !alternative) {
        // Delayed certification is accepted with evidence of a reason (BPM §220.1.3.D).
        const reason = certs.map((c) => firstFact(c.doc, 'delay-reason')).find(Boolean);
        findings.push({
          status: 'fail',
          ...(reason ? { severity: 'warning' as const } : {}),
          message: reason
            ? `Certification signed ${initial.signed}, ${lag} days after the first treatment day ${first} (limit ${certificationDays}); a reason for the delay is documented.`
            : `Certification signed ${initial.signed}, ${lag} days after the first treatment day ${first} (limit ${certificationDays}), without a delay explanation.`,
          dates: [initial.signed],
          evidence: reason ? [initial.evidence, evidenceFromFact(reason)] : [initial.evidence],
        });
      }
    } else if (verbal) {
      return [
        {
          status: 'fail',
          message: `Verbal certification documented ${verbal.date}, but no physician/NPP signature and date on the plan followed within ${VERBAL_SIGNATURE_DAYS} days.`,
          dates: [verbal.date],
          evidence: [verbal.evidence],
        },
      ];
    } else if (!alternative) {
      const dates = days.map((d) => d.date);
      return [
        {
          status: 'fail',
          message: `Plan of care not certified for DOS ${first}${dates.length > 1 ? ` through ${dates[dates.length - 1]} (${dates.length} dates)` : ''}: no physician/NPP signature and date on the plan, and no signed order with the plan sent within ${certificationDays} days.`,
          dates,
          evidence: planDocs
            .filter((d) => d.type === 'plan-of-care')
            .map((d) => evidenceFromDocument(d)),
        },
      ];
    }
    if (alternative && order && sentFact) {
      initialEvidence = [
        evidenceFromDocument(order, ['physician-signer', 'signer']),
        evidenceFromFact(sentFact),
      ];
    }
    // Certified intervals: the initial one from the first treatment day, each later one from its
    // plan's date; each lasts the plan's duration or recertDays, whichever is less (§220.1.3.B-C).
    const intervals: Array<{ start: IsoDate; end: IsoDate }> = [];
    const initialDoc = initial?.doc ?? planDocs[0];
    const len0 = Math.min(recertDays, (initialDoc && planDurationDays(initialDoc)) ?? recertDays);
    intervals.push({ start: first, end: addDaysIso(first, len0 - 1) });
    // A recertification is acceptable without justification up to 30 days after it is due (its
    // period's start); signed later, it certifies the days before its signature only with a
    // documented reason for the delay (§220.1.3.D).
    const late: Array<{ cert: Cert; start: IsoDate; end: IsoDate }> = [];
    for (const c of certs.slice(1)) {
      const start = statedPlanPeriod(c.doc)?.start ?? docDate(c.doc) ?? c.signed;
      const len = Math.min(recertDays, planDurationDays(c.doc) ?? recertDays);
      const end = addDaysIso(start, len - 1);
      const delayed =
        daysBetween(start, c.signed) > certificationDays &&
        days.some((d) => d.date >= start && d.date < c.signed);
      const reason = delayed ? firstFact(c.doc, 'delay-reason') : undefined;
      if (delayed && !reason) {
        late.push({ cert: c, start, end });
        intervals.push({ start: c.signed, end });
        continue;
      }
      if (delayed && reason)
        findings.push({
          status: 'fail',
          severity: 'warning',
          message: `Recertification signed ${c.signed}, ${daysBetween(start, c.signed)} days after its period began ${start}; a reason for the delay is documented.`,
          dates: [c.signed],
          evidence: [c.evidence, evidenceFromFact(reason)],
        });
      intervals.push({ start, end });
    }
    const covered = (d: TreatmentDayView): boolean =>
      intervals.some((i) => d.date >= i.start && d.date <= i.end);
    for (const run of uncoveredRuns(days, covered)) {
      const dates = run.map((d) => d.date);
      const these = dates.length > 1 ? 'these dates' : 'this date';
      const lastEnd = intervals
        .map((i) => i.end)
        .filter((e) => e < (dates[0] as IsoDate))
        .sort()
        .pop();
      const signedLate = late.find((l) => dates[0]! >= l.start && dates[0]! < l.cert.signed);
      const why = signedLate
        ? `the recertification for ${these} (period from ${signedLate.start}) was signed ${signedLate.cert.signed}, after them, without a reason for the delay`
        : `${lastEnd ? `the certified interval ended ${lastEnd} and ` : ''}no recertification covers ${these}`;
      findings.push({
        status: 'fail',
        message: `Plan of care not certified for DOS ${dates[0]}${dates.length > 1 ? ` through ${dates[dates.length - 1]} (${dates.length} dates)` : ''}: ${why}.`,
        dates,
        evidence: [
          ...run.slice(0, 5).flatMap((d) => firstEvidenceForDay(d)),
          ...(signedLate ? [signedLate.cert.evidence] : []),
        ],
      });
    }
    if (findings.length) return findings;
    const stamped = certs.filter((c) => c.stamped);
    if (stamped.length > 0 && !(alternative && !initial))
      // A PDF stamp annotation is how some viewers place a signature image, and how a rubber stamp
      // is scanned in: the reader cannot tell them apart, so the reviewer confirms on the page.
      return [
        {
          status: 'warn',
          severity: 'warning',
          message: `Plan certified ${certs.map((c) => c.signed).join(', ')}, but the certification of ${stamped.map((c) => c.signed).join(', ')} is a stamp annotation: confirm on the page that it is the physician's own signature, as a rubber stamp does not certify (PIM Ch. 3 §3.3.2.4).`,
          dates: stamped.map((c) => c.signed),
          evidence: stamped.map((c) => c.evidence),
        },
      ];
    return [
      {
        status: 'pass',
        message: !alternative
          ? `Plan certified ${certs.map((c) => c.signed).join(', ')}${verbal && initial && daysBetween(first, initial.signed) > certificationDays ? ` (verbal certification ${verbal.date}, signed within ${VERBAL_SIGNATURE_DAYS} days)` : ''}; every date of service falls in a certified interval.`
          : // The order and the plan sent in time certify it; a plan signed later says only when.
            `Signed order and plan sent to the referring practitioner on ${sentFact?.value}, within ${certificationDays} days of the first treatment day (${first})${initial ? `; the plan itself was signed ${certs.map((c) => c.signed).join(', ')}` : ''}.`,
        dates: certs.map((c) => c.signed),
        evidence: [...initialEvidence, ...certs.slice(1).map((c) => c.evidence)],
      },
    ];
  },
};
