import { describe, expect, it } from 'vitest';
import { organisationIndex } from './organisation-index';
import { validateOrgRows } from './org-import-rows';

const imported = validateOrgRows(
  [
    { id: 'hvl', kind: 'institution', code: '203', name: 'Høgskulen på Vestlandet' },
    { id: 'helse', kind: 'department', name: 'Helse', parentId: 'hvl' },
    { id: 'okonomi', kind: 'department', name: 'Økonomi', parentId: 'hvl' },
    { id: 'SYK-2025H', kind: 'cohort', name: 'Sykepleie 2025', parentId: 'helse' },
    { id: 'ALD-2025H', kind: 'cohort', name: 'Aldring 2025', parentId: 'helse' },
    { id: 'OKAD-2024H', kind: 'cohort', name: 'Økonomi 2024', parentId: 'okonomi' },
  ],
  [],
  '2026-12-06T10:00:00.000Z',
);
if (!imported.ok) throw new Error('setup');
const index = organisationIndex(imported.units);

describe('organisationIndex', () => {
  it('lists a kind under a parent, by name', () => {
    expect(index.list('cohort', 'helse').map((unit) => unit.id)).toEqual(['ALD-2025H', 'SYK-2025H']);
    expect(index.list('cohort').map((unit) => unit.id)).toEqual(['ALD-2025H', 'SYK-2025H', 'OKAD-2024H']);
    expect(index.list('course', 'helse')).toEqual([]);
  });

  it('finds a unit’s institution, and names unknown ids by their id', () => {
    expect(index.institution('SYK-2025H')?.code).toBe('203');
    expect(index.institution()?.id).toBe('hvl');
    expect(index.institution('nowhere')).toBeUndefined();
    expect(index.nameOf('okonomi')).toBe('Økonomi');
    expect(index.nameOf('nedlagt-avdeling')).toBe('nedlagt-avdeling');
  });
});
