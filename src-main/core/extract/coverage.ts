/**
 * Coverage signs: what a document shows of the kind of payer behind it (workers' compensation or
 * Medicare), and the state of its letterhead address. The episode builder weighs these with the
 * billing's signals (episodes/payers.ts); a sign here never decides a payer on its own.
 *
 * Facts: `coverage-sign` (value `workers-comp` | `medicare`, detail.sign names the sign and
 * detail.state the WC jurisdiction when the words belong to one), at most one per sign per
 * document; `letterhead-state` (value a two-letter state) from an address in the document's top lines.
 */
import { US_STATES } from '../domain/payer-kinds';
import {
  ADDRESS_STATE,
  CLAIM_NUMBER,
  COVERAGE_WORDS,
  DATE_OF_INJURY,
  EMPLOYER_FIELD,
  ID_LABEL,
  LETTERHEAD_LINES,
  MBI,
  NEGATED_BEFORE,
  NO_EMPLOYER,
} from '../lexicon/coverage';
import type { FactSink } from './facts';
import { checkboxOptions } from './layout';
import { isBlank, type Line } from './lines';

/** A form's option left unticked ("[ ] Medicare" on an intake form) shows nothing. */
function inUntickedOption(text: string, at: number): boolean {
  if (!/[☐□[(]/.test(text)) return false;
  const option = checkboxOptions(text).find((o) => at >= o.start && at < o.end);
  return option !== undefined && !option.checked;
}

export function extractCoverage(lines: Line[], sink: FactSink): void {
  const found = new Set<string>();
  const sign = (
    kind: 'workers-comp' | 'medicare',
    label: string,
    line: Line,
    start: number,
    end: number,
    state?: string,
  ) => {
    if (found.has(label)) return;
    found.add(label);
    sink.add(
      'coverage-sign',
      kind,
      line,
      start,
      end,
      state ? { sign: label, state } : { sign: label },
    );
  };

  let claimLine: Line | null = null;
  let injury: { line: Line; start: number; end: number } | null = null;
  for (const line of lines) {
    const t = line.text;
    if (t.trim() === '') continue;
    for (const w of COVERAGE_WORDS) {
      if (found.has(w.sign)) continue;
      const m = w.re.exec(t);
      if (!m || NEGATED_BEFORE.test(t.slice(0, m.index)) || inUntickedOption(t, m.index)) continue;
      sign(w.kind, w.sign, line, m.index, m.index + m[0].length, w.state);
    }
    const employer = EMPLOYER_FIELD.exec(t);
    if (employer) {
      const value = t.slice(employer.index + employer[0].length).trim();
      if (!NO_EMPLOYER.test(value))
        sign('workers-comp', 'employer', line, employer.index, t.length);
    }
    claimLine ??= CLAIM_NUMBER.test(t) ? line : null;
    if (!injury) {
      const doi = DATE_OF_INJURY.exec(t);
      if (doi) injury = { line, start: doi.index, end: doi.index + doi[0].length };
    }
    if (!found.has('Medicare beneficiary identifier') && ID_LABEL.test(t)) {
      const mbi = MBI.exec(t);
      if (mbi) {
        sign(
          'medicare',
          'Medicare beneficiary identifier',
          line,
          mbi.index,
          mbi.index + mbi[0].length,
        );
      }
    }
  }
  // A date of injury alone is any accident's; with a claim number it is a compensation claim's.
  if (claimLine && injury) {
    sign('workers-comp', 'claim number and date of injury', injury.line, injury.start, injury.end);
  }
  letterheadState(lines, sink);
}

/** The state of an address among the document's first lines (its letterhead, when it has one). */
function letterheadState(lines: Line[], sink: FactSink): void {
  let seen = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (++seen > LETTERHEAD_LINES) return;
    const m = ADDRESS_STATE.exec(line.text);
    const state = m?.[1] ?? m?.[2];
    if (m && state && US_STATES[state]) {
      const at = m.index + m[0].lastIndexOf(state, m[0].search(/\d{5}/));
      sink.add('letterhead-state', state, line, at, at + 2);
      return;
    }
  }
}
