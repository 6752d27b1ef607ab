import type { Evidence, IsoDate } from '../../../../shared/model';
import type { PayerProfile, RuleFinding } from '../types';
import type { WcDateAssessment } from './time';

/**
 * One defect, one finding. Several rules' checks see the same defect (the catalog lists a note's
 * signature and time among DOC-DAILY-CONTENT's elements, and DOC-DAILY-TIME compares units with
 * minutes as BILL-WC-TIME-UNITS does); counted under each, one missing signature read as two
 * defects in the counts and two gaps in a packet. Each such defect has one owner here; the other
 * rules refer to the owner's finding instead of reporting it again.
 */
export const DEFECT_OWNER = {
  /** A record entry unsigned, or signed without credentials. */
  signature: 'DOC-SIGNED',
  /** A billed treatment date whose notes document no minutes. */
  'note-minutes': 'DOC-DAILY-TIME',
  /** A billed date with no note at all. */
  'missing-note': 'DOC-DAILY-PRESENT',
  /** 97545/97546 units against the documented program minutes. */
  'program-units': 'BILL-WC-TIME-UNITS',
  /** 97546 billed on a date without 97545. */
  '97546-alone': 'BILL-97546-REQUIRES-97545',
} as const;

export type Defect = keyof typeof DEFECT_OWNER;

/**
 * The rule that reports `defect` for this payer, when it is not `self` and the profile applies it;
 * null when `self` keeps the defect (it owns it, or the owner does not apply to this payer).
 */
export function ownerElsewhere(defect: Defect, self: string, profile: PayerProfile): string | null {
  const owner = DEFECT_OWNER[defect];
  if (owner === self || !profile.rules[owner]?.applies) return null;
  return owner;
}

/** The finding a rule returns for a defect another rule reports: not counted, pointing at it. */
export function referral(
  owner: string,
  dates: IsoDate[],
  message: string,
  evidence: Evidence[] = [],
): RuleFinding {
  return { status: 'n/a', message, dates, evidence, refersTo: { rule: owner, dates } };
}

/**
 * Who reports a date whose billed 97545/97546 units differ from what its minutes support: when
 * 97546 was billed without 97545 and the units billed are within those supported, the only
 * defect is the missing 97545 (BILL-97546-REQUIRES-97545); otherwise the units are
 * BILL-WC-TIME-UNITS'. Null when `self` reports it.
 */
export function programUnitsOwner(
  a: Pick<WcDateAssessment, 'billed' | 'expected'>,
  self: string,
  profile: PayerProfile,
): string | null {
  const aloneOnly =
    a.billed.u97545 === 0 &&
    a.billed.u97546 > 0 &&
    a.expected !== null &&
    a.billed.u97546 <= a.expected.u97545 + a.expected.u97546;
  if (aloneOnly) {
    const owner = ownerElsewhere('97546-alone', self, profile);
    if (owner) return owner;
  }
  return ownerElsewhere('program-units', self, profile);
}
