/**
 * Round 39's style the readers missed, written here in other words than the held-out chart's: a
 * fax whose cover page prints only its fields (to, from, how many pages) and a line saying why it
 * was sent, with the employer's form itself behind it.
 */
import { describe, expect, it } from 'vitest';
import { readPages } from './helpers';

// A cover as fax servers print it: the sender's banner, both parties' numbers, the check boxes
// and the confidentiality notice push the page behind it past the first fifteen lines.
const cover = (why: string) =>
  [
    'LAKESIDE WORK REHABILITATION',
    '880 Shoreline Blvd, Suite 4   Phone 608-555-0190   Fax 608-555-0191',
    'Confidential facsimile',
    'TO: Utilization Review Dept.',
    'Company: Badger State Casualty',
    'Fax: 608-555-0177     Phone: 608-555-0176',
    'FROM: Front office',
    'Fax: 608-555-0191     Phone: 608-555-0190',
    'DATE: 05/04/2026',
    'Number of pages (including cover): 2',
    `RE: Anneliese Vukovich  DOB 02/11/1961`,
    `Comments: ${why}`,
    '[ ] Urgent   [x] For review   [ ] Please comment   [ ] Please reply',
    'The documents accompanying this transmission contain confidential information',
    'belonging to the sender that is legally privileged. If you have received this fax in',
    'error, please notify us by telephone and destroy the documents.',
  ].join('\n');

// The employer's form behind the cover dates nothing near its title (a revision month at most).
const demands = [
  'Kettle Moraine Cold Storage',
  'Physical Demands Analysis',
  'Job title: Freezer selector        Revised: Jan 2026',
  'Lifting 10-60 lb frequently; pallet jack push/pull 50 lb force; -10 F freezer',
  'Standing/walking constant over a 10-hour shift',
].join('\n');

describe('a fax cover that prints only its fields', () => {
  it('names the document by the title behind the cover, not the reason it was sent', () => {
    const docs = readPages([cover('Job demands for the initial eval, as requested.'), demands]);
    expect(docs.map((d) => [d.type, d.title])).toEqual([
      ['job-description', 'Physical Demands Analysis'],
    ]);
  });

  it('keeps a one-page letter that names whom it is to and from as the letter', () => {
    const docs = readPages([
      [
        'To: Dr. Imogen Sallis      From: Corwin Mayhew, OTR/L',
        'Pages: 1',
        'RE: Anneliese Vukovich - progress report',
        'Grip has improved to 36 lb; she continues 2x/week.',
      ].join('\n'),
    ]);
    expect(docs.map((d) => d.type)).toEqual(['progress-report']);
  });
});
