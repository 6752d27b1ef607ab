/**
 * The patient of documents written by others: carriers, employers, adjusters and plans name the
 * patient by their own role for them. Lines in the styles of the variety corpus's outside
 * documents, written here by hand (no reader imports the corpus).
 */
import { describe, expect, it } from 'vitest';
import { factValues } from './helpers';

const name = (text: string) => factValues(`AUTHORIZATION FOR TREATMENT\n${text}\n`, 'patient-name');
const claim = (text: string) => factValues(`LETTER\n${text}\n`, 'claim-number');

describe('patient name labels', () => {
  it.each([
    ['Claimant: Alvarez, Maria', 'Alvarez, Maria'],
    ['Claimant Name:   Gerald Pickett', 'Pickett, Gerald'],
    ['Injured Worker: Brandon Keel              DOB: 08/30/1988', 'Keel, Brandon'],
    ['Injured Employee: Chinedu Okafor    Date of Birth: 10/03/1979', 'Okafor, Chinedu'],
    ['RE:     Injured worker: Dwayne R. Pettaway', 'Pettaway, Dwayne R.'],
    ['Employee: Brandon Keel      Employee #: 44712', 'Keel, Brandon'],
    ['Employee: Gerald Pickett        Dept: Assembly', 'Pickett, Gerald'],
    ['Member:            Grace M. Delahunt', 'Delahunt, Grace M.'],
    ['Beneficiary: Eleanor M. Vosberg', 'Vosberg, Eleanor M.'],
    ['Pt name: Marcus Whitfield          DOB: 9/2/1990', 'Whitfield, Marcus'],
    ['Employee: Marcus Whitfield (copy released to Lakeshore Rehab 3/2/26)', 'Whitfield, Marcus'],
  ])('%s', (line, expected) => {
    expect(name(line)).toEqual([expected]);
  });

  it('reads a "Re:" line that names the patient by an inverted name or beside an identifier', () => {
    expect(name('Re: Alvarez, Maria, claim MWC26118734')).toEqual(['Alvarez, Maria']);
    expect(name('RE: Gerald Pickett     DOB 12/05/1969')).toEqual(['Pickett, Gerald']);
    expect(name('Re:   Claimant:         Yolanda Pruitt')).toEqual(['Pruitt, Yolanda']);
  });

  it('reads a table whose label cell and value cell are kept apart by a tab', () => {
    expect(name('Patient\tDelahunt, Grace M.\tDOB\t07-22-1988\tMRN\tLR-20931')).toEqual([
      'Delahunt, Grace M.',
    ]);
  });

  it('does not take a subject, a practice or a carrier for the patient', () => {
    expect(name('Re: Work Conditioning Program')).toEqual([]);
    expect(name('Re: Progress Update')).toEqual([]);
    expect(name('Re: UR # CUR-26-10-55812 - 6 visits / 18 hrs certified')).toEqual([]);
    expect(name('Employee: Acme Services')).toEqual([]);
    expect(name('Employer contact name: Tim Rourke')).toEqual([]);
    expect(name('Member ID: W88213347')).toEqual([]);
  });
});

describe('identifiers', () => {
  it('reads claim numbers with and without a label', () => {
    expect(claim('Claim number: MWC26118734')).toEqual(['MWC26118734']);
    expect(claim('Case: Work Comp   Claim #: 1000-26-318842   DOI: 03/19/2026')).toEqual([
      '1000-26-318842',
    ]);
    expect(claim('Re: Nguyen, Linda, claim MWC26120455')).toEqual(['MWC26120455']);
    expect(claim('The claim 2026 was reopened')).toEqual([]);
  });

  it('reads PID and an account number without a colon as the chart number', () => {
    expect(factValues('NOTE\nPatient: Kowalczyk, Renata     PID: 2231\n', 'mrn')).toEqual(['2231']);
    expect(factValues('NOTE\nPatient: Yolanda Pruitt   Acct PWR-10388\n', 'mrn')).toEqual([
      'PWR-10388',
    ]);
  });
});
