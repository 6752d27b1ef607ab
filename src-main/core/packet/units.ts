/**
 * Work conditioning unit math (rules.md section 2): CPT midpoint rule applied to the 2-hour 97545
 * block and the 1-hour 97546 add-on; not the 15-minute "8-minute rule".
 */
export interface SupportedUnits {
  u97545: number;
  u97546: number;
}

export function unitsSupportedByMinutes(minutes: number): SupportedUnits {
  const total = Math.floor(minutes);
  // 97545 needs the 60-minute midpoint passed; the k-th 97546 needs 91 + 60k minutes.
  if (total < 61) return { u97545: 0, u97546: 0 };
  return { u97545: 1, u97546: Math.max(0, Math.floor((total - 91) / 60)) };
}

export const WORK_PROGRAM_CODES = new Set(['97545', '97546']);
