import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src-shared/domain/staff/staff.schema';
import { staffDirectory } from './staff-directory';

const member = (id: string, roles: StaffMember['roles'], departments: string[], active = true): StaffMember => ({
  id,
  name: `Navn ${id}`,
  roles,
  institution: 'hifj',
  departments,
  cohorts: [],
  email: `${id}@hifj.example`,
  active,
  updatedAt: '2026-12-01T08:00:00.000Z',
});

describe('staff directory', () => {
  const directory = staffDirectory([
    member('koord-gammel', ['cohortCoordinator'], ['helse'], false),
    member('koord-helse', ['cohortCoordinator'], ['helse']),
    member('koord-2', ['cohortCoordinator'], ['helse']),
    member('leder-helse', ['departmentHead'], ['helse']),
    member('rektor', ['rector'], []),
  ]);

  it('names the assigned coordinator, else the department’s first active one, and never a disabled account', () => {
    expect(directory.coordinatorOf({ department: 'helse', assignees: ['koord-2'] })?.id).toBe('koord-2');
    expect(directory.coordinatorOf({ department: 'helse', assignees: [] })?.id).toBe('koord-helse');
    expect(directory.coordinatorOf({ department: 'helse', assignees: ['koord-gammel'] })?.id).toBe('koord-helse');
    expect(directory.coordinatorOf({ department: 'okonomi', assignees: [] })).toBeUndefined();
  });

  it('finds the head of a department and the rector, and keeps disabled accounts for the names on earlier documents', () => {
    expect(directory.departmentHeadOf('helse')?.email).toBe('leder-helse@hifj.example');
    expect(directory.departmentHeadOf('okonomi')).toBeUndefined();
    expect(directory.rector()?.name).toBe('Navn rektor');
    expect(directory.member('koord-gammel')?.name).toBe('Navn koord-gammel');
  });
});
