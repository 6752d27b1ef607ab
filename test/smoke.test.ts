import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../shared/model';

describe('shared model', () => {
  it('lists the thirteen document types the classifier may produce', () => {
    expect(DOC_TYPES).toHaveLength(13);
    expect(DOC_TYPES).toContain('progress-report');
  });
});
