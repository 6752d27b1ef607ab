import { describe, expect, it } from 'vitest';
import {
  displayName,
  matchPatients,
  nameKey,
  parseName,
} from '../../src-main/core/episodes/identity';

describe('parseName', () => {
  it('reads "Last, First M" and "First M. Last" the same way', () => {
    expect(parseName('ALVAREZ, MARIA J')).toEqual({ last: 'alvarez', first: 'maria' });
    expect(parseName('Maria J. Alvarez')).toEqual({ last: 'alvarez', first: 'maria' });
    expect(nameKey('alvarez,maria')).toBe(nameKey('Maria Alvarez'));
  });
  it('keeps compound last names and drops suffixes', () => {
    expect(parseName('de la Cruz, Ana')).toEqual({ last: 'de la cruz', first: 'ana' });
    expect(parseName('Okafor Jr., James')).toEqual({ last: 'okafor', first: 'james' });
  });
  it('rejects what is not a name', () => {
    expect(parseName('')).toBeNull();
    expect(parseName('Smith')).toBeNull();
    expect(parseName(', ')).toBeNull();
  });
  it('displays upper-case names in title case', () => {
    expect(displayName('OKAFOR, JAMES')).toBe('Okafor, James');
    expect(displayName("o'brien, mary-kate")).toBe("O'Brien, Mary-Kate");
  });
});

describe('matchPatients', () => {
  it('an outside facility’s MRN on one file joins the patient its name and DOB name', () => {
    const { patientOf, patients } = matchPatients([
      { name: 'Castillo, Rafael', dob: '1979-09-30', mrn: 'RB-21187' },
      { name: 'CASTILLO, RAFAEL', dob: null, mrn: 'RB-21187' },
      { name: 'CASTILLO, RAFAEL', dob: '1979-09-30', mrn: 'NAO-778120', singleSourceMrn: true },
    ]);
    expect(new Set(patientOf).size).toBe(1);
    expect([...patients[0]!.mrns]).toEqual(['RB-21187']);
  });
  it('a single-source MRN stays apart when its name and DOB point at two patients, or none', () => {
    const twoCandidates = matchPatients([
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'A1' },
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'B2' },
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'X9', singleSourceMrn: true },
    ]);
    expect(new Set(twoCandidates.patientOf).size).toBe(3);
    const otherDob = matchPatients([
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'A1' },
      { name: 'Lee, Ann', dob: '1985-05-05', mrn: 'X9', singleSourceMrn: true },
    ]);
    expect(otherDob.patientOf[0]).not.toBe(otherDob.patientOf[1]);
  });

  it('one MRN on two people whose name and date of birth both differ is two patients', () => {
    // Two clinics' charts in one consultant's store, each numbering its patients from 100482.
    const { patientOf } = matchPatients([
      { name: 'Kowalczyk, Marcus', dob: '1979-03-14', mrn: '100482' },
      { name: 'Okafor, Danielle', dob: '1961-11-02', mrn: '100482' },
      { name: 'KOWALCZYK, MARCUS', dob: null, mrn: '100482' },
      { name: 'Danielle Okafor', dob: '1961-11-02', mrn: '100482' },
    ]);
    expect(patientOf[0]).not.toBe(patientOf[1]);
    expect(patientOf[2]).toBe(patientOf[0]);
    expect(patientOf[3]).toBe(patientOf[1]);
    // The same MRN with only the name changed (a married name) or only the date mistyped stays one.
    const one = matchPatients([
      { name: 'Reyes, Ana', dob: '1970-01-01', mrn: '7' },
      { name: 'Castillo, Ana', dob: '1970-01-01', mrn: '7' },
      { name: 'Reyes, Ana', dob: '1970-01-10', mrn: '7' },
    ]);
    expect(new Set(one.patientOf).size).toBe(1);
  });

  it("a chart printed as one file takes in an outside referral's number of the same name and DOB", () => {
    // The practice's chart print (16 entries, one PDF) and the referring office's fax (its own
    // chart number), neither number on a ledger line: the chart's is the one on most records.
    const { patientOf } = matchPatients([
      {
        name: 'Culver, Ambrose',
        dob: '1949-02-11',
        mrn: '1203',
        weight: 16,
        singleSourceMrn: true,
      },
      {
        name: 'Culver, Ambrose',
        dob: '1949-02-11',
        mrn: 'RC-0048812',
        weight: 1,
        singleSourceMrn: true,
      },
      { name: 'CULVER, AMBROSE', dob: null, mrn: null, weight: 30 },
    ]);
    expect(new Set(patientOf).size).toBe(1);
    // Two single-file numbers on as many records each are not guessed into one.
    const even = matchPatients([
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'A1', weight: 3, singleSourceMrn: true },
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'B2', weight: 2, singleSourceMrn: true },
    ]);
    expect(new Set(even.patientOf).size).toBe(2);
  });

  it('a number only billing lines carry (an account number) joins the one chart of that name and DOB', () => {
    const { patientOf } = matchPatients([
      { name: 'Pruitt, Lorraine', dob: '1951-03-14', mrn: '00482317' },
      { name: 'Pruitt, Lorraine', dob: '1951-03-14', mrn: '48231', billingOnlyMrn: true },
      { name: 'Pruitt, Lorraine', dob: '1951-03-14', mrn: 'MVO-227815', singleSourceMrn: true },
    ]);
    expect(new Set(patientOf).size).toBe(1);
    // With two charts of that name and DOB, the account number is not guessed into either.
    const two = matchPatients([
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'A1' },
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: 'B2' },
      { name: 'Lee, Ann', dob: '1970-01-01', mrn: '9001', billingOnlyMrn: true },
    ]);
    expect(new Set(two.patientOf).size).toBe(3);
  });

  it("a hospital's account numbers, one per month of a recurring claim, do not make two patients", () => {
    const one = matchPatients([
      { name: 'HALVORSEN,IDA M', dob: '1944-02-09', mrn: null },
      { name: 'HALVORSEN,IDA M', dob: null, mrn: 'V2210003', billingOnlyMrn: true },
      { name: 'HALVORSEN,IDA M', dob: null, mrn: 'V2210004', billingOnlyMrn: true },
    ]);
    expect(new Set(one.patientOf).size).toBe(1);
    // Two charts of the name with different dates of birth: the accounts join neither, and wait
    // for the user to say whose they are rather than make patients of their own.
    const two = matchPatients([
      { name: 'Moss, Ray', dob: '1950-01-01', mrn: null },
      { name: 'Moss, Ray', dob: '1961-07-07', mrn: null },
      { name: 'MOSS, RAY', dob: null, mrn: 'V1', billingOnlyMrn: true },
      { name: 'MOSS, RAY', dob: null, mrn: 'V2', billingOnlyMrn: true },
    ]);
    expect(two.patientOf).toEqual([0, 1, -1, -1]);
    expect(two.heldFor).toEqual([null, null, [0, 1], [0, 1]]);
    // Chart MRNs (carried by documents) that differ are still two patients.
    const charts = matchPatients([
      { name: 'Moss, Ray', dob: null, mrn: 'M100' },
      { name: 'Moss, Ray', dob: null, mrn: 'M200' },
    ]);
    expect(new Set(charts.patientOf).size).toBe(2);
  });

  it('matches by MRN across different spellings', () => {
    const { patientOf } = matchPatients([
      { name: 'ALVAREZ, MARIA', dob: null, mrn: '100234' },
      { name: 'Maria Alvarez', dob: '1979-04-12', mrn: '100234' },
    ]);
    expect(patientOf[0]).toBe(patientOf[1]);
  });
  it('matches by normalized name plus date of birth when there is no MRN', () => {
    const { patientOf } = matchPatients([
      { name: 'Chen, Robert', dob: '1948-02-03', mrn: null },
      { name: 'ROBERT CHEN', dob: '1948-02-03', mrn: null },
    ]);
    expect(patientOf[0]).toBe(patientOf[1]);
  });
  it('joins a name+MRN ledger row with a name+DOB note when nothing conflicts', () => {
    const { patientOf, patients } = matchPatients([
      { name: 'NGUYEN, LINDA', dob: null, mrn: '300412' },
      { name: 'Linda Nguyen', dob: '1990-06-01', mrn: null },
    ]);
    expect(patientOf[0]).toBe(patientOf[1]);
    expect(patients).toHaveLength(1);
  });
  it('keeps two people with the same name apart when their DOBs differ', () => {
    const { patientOf } = matchPatients([
      { name: 'Smith, John', dob: '1950-01-01', mrn: null },
      { name: 'Smith, John', dob: '1982-07-19', mrn: null },
      { name: 'SMITH, JOHN', dob: null, mrn: null },
    ]);
    expect(patientOf[0]).not.toBe(patientOf[1]);
    // The bare name is ambiguous: it is not guessed into either patient.
    expect(patientOf[2]).not.toBe(patientOf[0]);
    expect(patientOf[2]).not.toBe(patientOf[1]);
  });
  it('keeps different MRNs apart even with the same name', () => {
    const { patientOf } = matchPatients([
      { name: 'Lee, Ann', dob: null, mrn: '1' },
      { name: 'Lee, Ann', dob: null, mrn: '2' },
    ]);
    expect(patientOf[0]).not.toBe(patientOf[1]);
  });
  it('gives -1 to records with nothing to match on', () => {
    expect(matchPatients([{ name: null, dob: '2000-01-01', mrn: null }]).patientOf).toEqual([-1]);
  });
});

describe('matchPatients with MRNs', () => {
  it('never merges different MRNs through a shared name and DOB', () => {
    const { patientOf } = matchPatients([
      { name: 'Garcia, Ana', dob: '1970-01-01', mrn: 'A1' },
      { name: 'Garcia, Ana', dob: '1970-01-01', mrn: null },
      { name: 'Garcia, Ana', dob: '1970-01-01', mrn: 'B2' },
    ]);
    expect(patientOf[0]).not.toBe(patientOf[2]);
  });
});

describe('a first initial where others write the whole first name', () => {
  it('joins "Re: J. Kowalski" to the one Kowalski whose first name starts with J', () => {
    const { patientOf, patients } = matchPatients([
      { name: 'Kowalski, Jakub', dob: '1981-02-03', mrn: 'A100' },
      { name: 'Kowalski, J', dob: null, mrn: null },
      { name: 'Hollis, Trevor', dob: '1990-05-06', mrn: 'A200' },
    ]);
    expect(patients).toHaveLength(2);
    expect(patientOf[1]).toBe(patientOf[0]);
  });

  it('guesses nothing when two patients share the surname and the initial, or the initial differs', () => {
    const two = matchPatients([
      { name: 'Kowalski, Jakub', dob: '1981-02-03', mrn: 'A100' },
      { name: 'Kowalski, Joanna', dob: '1984-07-08', mrn: 'A101' },
      { name: 'Kowalski, J', dob: null, mrn: null },
    ]);
    expect(two.patients).toHaveLength(3);
    const other = matchPatients([
      { name: 'Kowalski, Jakub', dob: '1981-02-03', mrn: 'A100' },
      { name: 'Kowalski, M', dob: null, mrn: null },
    ]);
    expect(other.patients).toHaveLength(2);
  });
});
