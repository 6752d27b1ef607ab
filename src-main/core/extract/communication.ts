/** Who a communication was with: adjuster, case manager, employer or physician. */
import type { DocType } from '../../../shared/model';
import type { FactSink } from './facts';
import type { Line } from './lines';

/** Party vocabulary, most specific first ("nurse case manager" before "nurse"). */
export const PARTY_WORDS: ReadonlyArray<{ party: string; re: RegExp }> = [
  { party: 'case-manager', re: /\b(?:nurse case manager|case manager|NCM|field case manager)\b/i },
  {
    party: 'adjuster',
    re: /\b(?:claims? adjuster|adjuster|adjustor|claims? examiner|claims? representative|claims? specialist)\b/i,
  },
  {
    party: 'employer',
    re: /\b(?:employer|supervisor|HR (?:manager|representative)|human resources|safety manager)\b/i,
  },
  { party: 'physician', re: /\b(?:physician|Dr\.|doctor|surgeon|referring provider|MD\b)/i },
];

/** Lines that record a contact ("Spoke with adjuster", "Faxed to Dr. Chen", "To: ..."). */
const CONTACT_LINE =
  /\b(?:spoke|talked|call(?:ed)?|phone(?:d)?|telephone|faxed|sent|letter|e-?mail(?:ed)?|discussed|conference|left (?:a )?(?:message|voicemail)|contacted|updated|notified|copied|cop(?:y|ies))\b[^\n]{0,40}\b(?:with|to|from)\b|^\s*(?:To|Re|Attn|Attention|Dear|cc|Recipient|Contact|Copy to|Copies to)\b\s*:?/i;

export function extractCommunicationParties(
  lines: Line[],
  titleLine: Line | null,
  type: DocType,
  sink: FactSink,
): void {
  const seen = new Set<string>();
  const scan = (line: Line) => {
    for (const { party, re } of PARTY_WORDS) {
      if (seen.has(party)) continue;
      const m = re.exec(line.text);
      if (!m) continue;
      seen.add(party);
      sink.add('communication-party', party, line, m.index, m.index + m[0].length);
    }
  };
  if (titleLine && type === 'communication') scan(titleLine);
  for (const line of lines) if (CONTACT_LINE.test(line.text)) scan(line);
}
