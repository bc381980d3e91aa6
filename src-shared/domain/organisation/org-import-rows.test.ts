import { describe, expect, it } from 'vitest';
import { validateOrgRows } from './org-import-rows';
import type { OrgUnit } from './org-unit.schema';

const NOW = '2026-12-06T10:00:00.000Z';

const file = [
  { id: 'hisf', kind: 'institution', code: '216', name: 'Høgskulen i Sogn og Fjordane', domain: 'hisf.example' },
  { id: 'hisf-helse', kind: 'department', name: 'Avdeling for helsefag', parentId: 'hisf' },
  { id: 'SYK-2026H', kind: 'cohort', code: 'SYK-2026H', name: 'Bachelor i sykepleie, kull 2026', parentId: 'hisf-helse' },
  { id: 'course-SYK2100', kind: 'course', code: 'SYK2100', name: 'Praksisstudier i sykehjem', parentId: 'hisf-helse', category: 'placement', credits: '15' },
  { id: 'site-a', kind: 'site', name: 'Årdal sjukeheim', parentId: 'hisf-helse', email: 'post@ardal.example' },
  { id: 'site-a-1', kind: 'siteUnit', name: 'Skjerma eining', parentId: 'site-a', capacity: 4 },
];

describe('validateOrgRows', () => {
  it('accepts a consistent file and derives each unit’s institution from its parents', () => {
    const result = validateOrgRows(file, [], NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.units).toHaveLength(6);
    expect(result.units.every((unit) => unit.institution === 'hisf' && unit.updatedAt === NOW)).toBe(true);
    expect(result.units.find((unit) => unit.id === 'site-a-1')).toMatchObject({ kind: 'siteUnit', parentId: 'site-a', attributes: { capacity: '4' } });
    expect(result.units.find((unit) => unit.id === 'hisf')).toMatchObject({ code: '216', parentId: '', attributes: { domain: 'hisf.example' } });
  });

  it('takes parents from what is stored, and keeps blank cells out of the attributes', () => {
    const stored = validateOrgRows(file.slice(0, 2), [], NOW);
    if (!stored.ok) throw new Error('setup');
    const result = validateOrgRows(
      [{ id: 'VER-2026H', kind: 'cohort', name: 'Vernepleie, kull 2026', parentId: 'hisf-helse', programme: '' }],
      stored.units,
      NOW,
    );
    expect(result).toEqual({ ok: true, units: [expect.objectContaining({ id: 'VER-2026H', institution: 'hisf', attributes: {} })] });
  });

  it('takes a municipality with its centre under the institution, and refuses one without a valid centre', () => {
    const centre = { id: 'kommune-4640', kind: 'municipality', name: 'Sogndal', parentId: 'hisf', number: '4640', latitude: '61.2297', longitude: '7.1006' };
    const result = validateOrgRows([...file, centre], [], NOW);
    expect(result.ok && result.units.find((unit) => unit.id === 'kommune-4640')).toMatchObject({
      institution: 'hisf',
      attributes: { number: '4640', latitude: '61.2297', longitude: '7.1006' },
    });
    const bad = validateOrgRows(
      [...file, { ...centre, latitude: '91.5' }, { ...centre, id: 'k2', longitude: 'øst' }, { ...centre, id: 'k3', latitude: undefined }],
      [],
      NOW,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((problem) => problem.row)).toEqual([7, 8, 9]);
  });

  it('reports every bad row by number and returns no units at all', () => {
    const rows = [
      ...file,
      { id: 'x1', kind: 'faculty', name: 'Fakultet' },
      { id: 'x2', kind: 'cohort', name: 'Kull uten avdeling' },
      { id: 'x3', kind: 'cohort', name: 'Kull under institusjonen', parentId: 'hisf' },
      { id: 'x4', kind: 'course', name: 'Emne', parentId: 'hisf-helse', category: 'elective' },
      { id: 'x5', kind: 'course', name: 'Emne', parentId: 'hisf-helse', colour: 'blue' },
      { id: 'hisf', kind: 'institution', name: 'Dobbel' },
      { id: 'x6', kind: 'siteUnit', name: 'Post', parentId: 'site-ukjent' },
      { id: 'x7', kind: 'institution', name: 'Toppnivå', parentId: 'hisf' },
      { id: 'x8', kind: 'department' },
      'not a row',
    ];
    const result = validateOrgRows(rows, [], NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.row)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const message = (row: number) => result.problems.find((problem) => problem.row === row)?.message ?? '';
    expect(message(7)).toMatch(/kind/);
    expect(message(8)).toMatch(/needs a parentId \(a department\)/);
    expect(message(9)).toMatch(/belongs under a department, not a institution/);
    expect(message(10)).toMatch(/category/);
    expect(message(11)).toMatch(/colour/);
    expect(message(12)).toMatch(/more than once/);
    expect(message(13)).toMatch(/"site-ukjent" is neither in the file nor stored/);
    expect(message(14)).toMatch(/has no parent/);
    expect(message(15)).toMatch(/name/);
    expect(message(16)).toMatch(/named text fields/);
  });

  it('refuses to change the kind of a stored unit', () => {
    const stored: OrgUnit[] = [{ id: 'p1', kind: 'partner', institution: 'hisf', code: '', name: 'Partner', parentId: 'hisf', attributes: {}, updatedAt: NOW }];
    const result = validateOrgRows(
      [
        { id: 'hisf', kind: 'institution', name: 'HiSF' },
        { id: 'p1', kind: 'department', name: 'Avdeling', parentId: 'hisf' },
      ],
      stored,
      NOW,
    );
    expect(result).toEqual({ ok: false, problems: [{ row: 2, message: '"p1" is stored as a partner; a unit does not change kind' }] });
  });
});
