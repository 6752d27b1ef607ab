import { describe, expect, it } from 'vitest';
import { factValues } from './helpers';

const stamped = (text: string) => factValues(text, 'signature-stamped');

describe('stamped signatures', () => {
  it('reads a stamp said on a signature line or anywhere as "signature stamp"', () => {
    expect(
      stamped('Physician Order\nPhysician Signature: [stamped] A. Kessler, MD  Date: 08/31/2026\n'),
    ).toEqual(['stamped']);
    expect(stamped('Evaluation\nSigned with a stamp: J. Roe, PT 09/08/2026\n')).toEqual([
      'Signed with a stamp',
    ]);
    expect(stamped('Plan of Care\nRubber-stamp signature of Dr. Park on file\n')).toEqual([
      'Rubber-stamp',
    ]);
    expect(
      stamped('Plan of Care\nCertification: physician signature stamp applied 9/9/26\n'),
    ).toEqual(['signature stamp']);
  });

  it('does not read time stamps or a stamp outside a signature', () => {
    expect(
      stamped('Daily Note\nElectronically signed by Jane Roe, PT 09/09/2026 (time stamp 14:05)\n'),
    ).toEqual([]);
    expect(
      stamped(
        'Daily Note\nSignature: Jane Roe, PT  Date: 09/09/2026\nReceived stamp 09/10/2026 by front desk\n',
      ),
    ).toEqual([]);
  });
});
