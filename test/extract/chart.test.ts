import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/model';
import { extractDocuments, fileIdentity } from '../../src-main/core/extract';
import { expectQuotesExact, values } from './helpers';

/** Each page gets the running header and footer a printed chart carries. */
function page(n: number, body: string): PageText {
  return {
    page: n,
    text: `OKAFOR, JAMES  Acct 200871  Printed 11/14/2026  Page ${n} of 12\n${body}\nLakeside Rehab - Confidential health information  Page ${n} of 12\n`,
  };
}

const daily = (date: string, visit: number) => `Work Conditioning Daily Note
Date of Service: ${date}
Visit ${visit} of 20
Time in 0800 Time out 1200
Interventions:
- Floor-to-waist lift 30 lb x 10 reps
- Push sled 90 lb x 50 ft
Total Time 240 minutes
Billing: 97545 x1, 97546 x2
Signed: J. Roe PT ${date}`;

const PAGES: PageText[] = [
  page(
    1,
    `Initial Evaluation
Date: 03/02/2026
Patient: OKAFOR, JAMES   DOB 05/06/1971
History: lifting injury 01/15/2026.`,
  ),
  page(
    2,
    `(continued)
Goals:
1. Lift 50 lb floor to waist by 04/30/2026
Frequency: 5x/week for 4 weeks
Electronically signed by Jane Roe, PT, DPT on 03/02/2026 16:10`,
  ),
  page(
    3,
    `Physician Order\nDate: 03/01/2026\nRx: Work conditioning 5x/week x 4 weeks\nPhysician signature: Robert Chen, MD  Date: 03/01/2026`,
  ),
  page(4, daily('03/03/2026', 1)),
  page(5, daily('03/04/2026', 2)),
  page(
    6,
    `Telephone call with case manager\nMarch 5, 2026\nSpoke with nurse case manager Lisa Park regarding progress.\nSigned: J. Roe PT 3/5/26`,
  ),
  page(
    7,
    `Prior Authorization\nDate: 03/05/2026\nAuthorization #: WC-55812\nApproved 10 visits of work conditioning, valid 03/01/2026 through 03/31/2026`,
  ),
  page(8, daily('03/06/2026', 3).split('Billing')[0]!),
  page(9, `Billing: 97545 x1, 97546 x2\nSigned: J. Roe PT 03/06/2026`),
  page(
    10,
    `Progress Report
Date of Service: 03/13/2026
Reporting period: 03/02/2026 - 03/13/2026
Goal 1: progressing`,
  ),
  page(11, `Page 2 of 3\nPlan: continue 5x/week\nTherapist signature: ______`),
  page(
    12,
    `Discharge Summary\nDate of Service: 03/27/2026\nPatient returned to full duty.\nSigned: Jane Roe, DPT 03/27/2026`,
  ),
];

describe('printed chart splitting', () => {
  const docs = extractDocuments('okafor-chart.pdf', PAGES);

  it('finds each note with its type, date and page range', () => {
    expect(docs.map((d) => [d.type, d.date, d.pageStart, d.pageEnd])).toEqual([
      ['evaluation', '2026-03-02', 1, 2],
      ['physician-order', '2026-03-01', 3, 3],
      ['daily-note', '2026-03-03', 4, 4],
      ['daily-note', '2026-03-04', 5, 5],
      ['communication', '2026-03-05', 6, 6],
      ['authorization', '2026-03-05', 7, 7],
      ['daily-note', '2026-03-06', 8, 9],
      ['progress-report', '2026-03-13', 10, 11],
      ['discharge-summary', '2026-03-27', 12, 12],
    ]);
  });

  it('keeps every quote exact', () => expectQuotesExact(docs, PAGES));

  it('never takes running headers as dates, visits or titles', () => {
    for (const d of docs) {
      expect(values(d, 'date-of-service')).not.toContain('2026-11-14');
      expect(values(d, 'document-date')).not.toContain('2026-11-14');
    }
    expect(values(docs[7]!, 'visit-number')).toEqual([]);
    expect(values(docs[2]!, 'visit-number')).toEqual(['1']);
  });

  it('reads facts of the continued and split notes', () => {
    expect(values(docs[0]!, 'goal-long')).toEqual(['Lift 50 lb floor to waist by 04/30/2026']);
    expect(values(docs[0]!, 'signer')).toEqual(['Jane Roe']);
    expect(values(docs[1]!, 'physician-signer')).toEqual(['Robert Chen']);
    expect(values(docs[1]!, 'physician-signed-date')).toEqual(['2026-03-01']);
    expect(values(docs[2]!, 'time-in')).toEqual(['08:00']);
    expect(values(docs[2]!, 'time-out')).toEqual(['12:00']);
    expect(values(docs[2]!, 'total-minutes')).toEqual(['240']);
    expect(values(docs[6]!, 'billed-code')).toEqual(['97545:1', '97546:2']);
    expect(values(docs[4]!, 'communication-party')).toEqual(['case-manager']);
    expect(values(docs[5]!, 'auth-number')).toEqual(['WC-55812']);
    expect(values(docs[5]!, 'auth-visits')).toEqual(['10']);
    expect(values(docs[5]!, 'auth-start')).toEqual(['2026-03-01']);
    expect(values(docs[5]!, 'auth-end')).toEqual(['2026-03-31']);
    expect(values(docs[5]!, 'auth-service')).toEqual(['work conditioning']);
    expect(values(docs[7]!, 'report-period-start')).toEqual(['2026-03-02']);
    expect(values(docs[7]!, 'report-period-end')).toEqual(['2026-03-13']);
    expect(values(docs[7]!, 'goal-assessment')).toEqual(['Goal 1: progressing']);
    expect(values(docs[7]!, 'signature-blank')).toEqual(['blank']);
    expect(values(docs[8]!, 'rtw-status')).toEqual(['returned to full duty']);
  });

  it('gives the file one identity from the headers and labels', () => {
    expect(fileIdentity(docs)).toEqual({ name: 'OKAFOR, JAMES', dob: '1971-05-06', mrn: '200871' });
    // The running header's account number is cited on every page it is printed.
    expect(values(docs[3]!, 'mrn')).toEqual(['200871']);
  });
});
