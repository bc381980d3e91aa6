import { describe, expect, it } from 'vitest';
import { fieldLabel, formatFieldValue } from './field-value';

describe('conflict inbox values', () => {
  it('names known fields and keeps the rest of the path', () => {
    const labels = { title: 'Tittel', details: 'Detaljer' };
    expect(fieldLabel('title', labels)).toBe('Tittel');
    expect(fieldLabel('details.absence', labels)).toBe('Detaljer: absence');
    expect(fieldLabel('cohort', labels)).toBe('cohort');
  });

  it('shows values as text a person can compare', () => {
    expect(formatFieldValue('Ny tittel', '(tom)')).toBe('Ny tittel');
    expect(formatFieldValue(null, '(tom)')).toBe('(tom)');
    expect(formatFieldValue(['u1', 'u2'], '(tom)')).toBe('u1, u2');
    expect(formatFieldValue([], '(tom)')).toBe('(tom)');
    expect(formatFieldValue(12, '(tom)')).toBe('12');
    expect(formatFieldValue([{ due: '2026-04-01' }], '(tom)')).toBe('[{"due":"2026-04-01"}]');
  });
});
