/**
 * Claim adjustment reason codes (CARC) that adjust a payment without denying anything, with what
 * each means (paraphrased): contractual write-downs, patient shares, prior-payer amounts,
 * sequestration and pricing adjustments. The denial reader skips them; the 835 in words names them.
 */
export const ROUTINE_CARCS: Readonly<Record<string, string>> = {
  '1': 'deductible',
  '2': 'coinsurance',
  '3': 'co-payment',
  '23': 'paid by a prior payer',
  '45': 'charge exceeds the fee schedule or contracted amount',
  '59': 'priced by the multiple or concurrent procedure rules',
  '94': 'processed in excess of charges',
  '253': 'sequestration (federal payment reduction)',
};
