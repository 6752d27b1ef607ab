/** How the screens name a payer kind. */
export const PAYER_KIND_LABEL: Readonly<Record<string, string>> = {
  medicare: 'Medicare',
  'workers-comp': "Workers' comp",
  commercial: 'Commercial',
  other: 'Other',
  unknown: 'Unknown',
};
