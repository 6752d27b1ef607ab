/** Vital signs and exertion ratings: "BP 128/82", "HR 88 bpm", "SpO2 98%", "RPE 13". */
import type { FactSink } from './facts';
import type { Line } from './lines';

export const VITAL_PATTERNS: readonly RegExp[] = [
  /\b(?:BP|Blood Pressure)\s*[:=]?\s*\d{2,3}\s*\/\s*\d{2,3}(?:\s*mm\s*Hg)?/gi,
  /\b(?:HR|Heart Rate|Pulse)\s*[:=]?\s*\d{2,3}(?:\s*(?:bpm|beats\/min))?\b/gi,
  /\b(?:SpO2|SpO₂|O2 sat(?:uration)?|Sp02|Oxygen saturation)\s*[:=]?\s*\d{2,3}\s*%/gi,
  /\b(?:RR|Resp(?:iratory rate|irations)?)\s*[:=]?\s*\d{1,2}\b(?!\s*(?:reps|lb|kg))/gi,
  /\bRPE\s*[:=]?\s*\d{1,2}(?:\s*\/\s*(?:10|20))?\b/gi,
  /\b(?:Temp(?:erature)?)\s*[:=]?\s*\d{2,3}(?:\.\d)?\s*°?\s*[FC]?\b/gi,
];

export function vitalSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of VITAL_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      // An identifier that starts like a reading ("Claim #: HR25-0118734") is none; a range of
      // readings ("RPE 12-13", "HR 88-104") is one.
      if (/^[A-Za-z]+\d/.test(m[0]) && /^-\d/.test(text.slice(end, end + 2))) continue;
      spans.push([m.index ?? 0, end]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

export function extractVitals(lines: Line[], sink: FactSink): void {
  for (const line of lines) {
    for (const [s, e] of vitalSpans(line.text))
      sink.add('vital', line.text.slice(s, e), line, s, e);
  }
}
