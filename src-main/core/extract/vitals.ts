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
    for (const m of text.matchAll(re)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

export function extractVitals(lines: Line[], sink: FactSink): void {
  for (const line of lines) {
    for (const [s, e] of vitalSpans(line.text))
      sink.add('vital', line.text.slice(s, e), line, s, e);
  }
}
