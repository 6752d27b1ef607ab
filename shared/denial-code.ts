/** A denial's code as a remit prints it, `CO-50`; without a known group the bare reason code. */
export function denialCodeText(d: { carc: string; group?: string | null }): string {
  return d.group ? `${d.group}-${d.carc}` : d.carc;
}
