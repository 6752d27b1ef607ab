/**
 * A failure that rests on a quote OCR read with low confidence is a warning to confirm on the
 * page, decided once in the review engine for every rule; a confident OCR quote fails as text does.
 */
import { describe, expect, it } from 'vitest';
import type { EpisodeModel } from '../../shared/episode';
import { LOW_OCR_CONFIDENCE, reviewEpisode } from '../../src-main/core/review/engine';
import { documentationRules } from '../../src-main/core/review/rules/documentation';
import { episode } from './builder';
import { profile } from './documentation/helpers';

/** A plan certified 44 days after the evaluation: DOC-POC-CERT fails, citing the signature date. */
function lateCertification(ocrConfidence: number | null): EpisodeModel {
  const ep = episode('medicare')
    .doc('evaluation', '2026-09-01', { signer: 'Jane Roe' })
    .doc('plan-of-care', '2026-09-01', {
      'physician-signer': 'Dr. A. Smith, MD',
      'physician-signed-date': '2026-10-15',
      duration: '8 weeks',
    })
    .daily('2026-09-03')
    .build();
  if (ocrConfidence !== null) {
    for (const d of ep.documents)
      if (d.type === 'plan-of-care')
        for (const f of d.facts)
          Object.assign(f.provenance, { source: 'ocr', confidence: ocrConfidence });
  }
  return ep;
}

const certFindings = (ep: EpisodeModel) =>
  reviewEpisode(ep, profile('medicare', {}, ['DOC-POC-CERT']), documentationRules).filter(
    (f) => f.rule === 'DOC-POC-CERT' && f.status !== 'pass',
  );

describe('findings resting on low-confidence OCR', () => {
  it('fails a late certification read from text', () => {
    const [f] = certFindings(lateCertification(null));
    expect(f!.status).toBe('fail');
    expect(f!.evidence.every((e) => e.source === undefined)).toBe(true);
  });

  it('fails it the same when OCR read it with confidence, and says the quote is OCR', () => {
    const [text] = certFindings(lateCertification(null));
    const [f] = certFindings(lateCertification(LOW_OCR_CONFIDENCE + 20));
    expect(f!.status).toBe('fail');
    expect(f!.message).toBe(text!.message);
    expect(
      f!.evidence.some((e) => e.source === 'ocr' && e.confidence === LOW_OCR_CONFIDENCE + 20),
    ).toBe(true);
  });

  it('warns "confirm on the page" when the quote was read below the threshold', () => {
    const [text] = certFindings(lateCertification(null));
    const [f] = certFindings(lateCertification(LOW_OCR_CONFIDENCE - 15));
    expect(f!.status).toBe('warn');
    expect(f!.severity).toBe(text!.severity);
    expect(f!.message.startsWith(text!.message)).toBe(true);
    expect(f!.message).toContain('confirm on the page');
  });
});
