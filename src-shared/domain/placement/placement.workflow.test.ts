import { describe, expect, it } from 'vitest';
import { actorFor, placementEvents, placementStart, walk } from '../../../dev/testing/fixtures';
import { isRefusal } from '../workflow/workflow';
import { changeSupervisor, placementWorkflow, transition } from './placement.workflow';

const admin = actorFor('placementAdmin');
const site = actorFor('siteCoordinator');
const [, ordered, confirmed, staffed, distributed] = walk(placementWorkflow, placementStart(), [
  ['placementAdmin', placementEvents.sendOrder],
  ['siteCoordinator', placementEvents.confirmCapacity],
  ['siteCoordinator', placementEvents.assignStaff],
  ['placementAdmin', placementEvents.distributeStudents],
]);

describe('placement workflow', () => {
  it('tells the placement administrator at once when a site confirms capacity', () => {
    const result = transition(ordered!, placementEvents.confirmCapacity(ordered!), site);
    expect(result.ok && result.commands).toEqual([
      { type: 'notify', caseId: ordered!.id, to: { kind: 'role', role: 'placementAdmin' }, copyTo: [], template: 'placement.capacityConfirmed' },
    ]);
    expect(result.ok && result.state.details.capacity).toMatchObject({ places: 3, confirmedBy: site.userId });
  });

  it('needs a coordinator and supervisors for every class', () => {
    const onlyA = { ...placementEvents.assignStaff(confirmed!), staffing: placementEvents.assignStaff(confirmed!).staffing.slice(0, 1) };
    expect(transition(confirmed!, onlyA, site)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
      message: 'Class B has no coordinator and supervisors',
    });
  });

  it('distributes no more students than confirmed places, and only to the site’s supervisors', () => {
    const event = placementEvents.distributeStudents(staffed!);
    const tooMany = { ...event, students: [...event.students, ...event.students] };
    expect(transition(staffed!, tooMany, admin)).toMatchObject({ ok: false, reason: 'precondition-failed' });
    const stranger = { ...event, students: [{ ...event.students[0]!, supervisorName: 'Ukjent Veileder' }] };
    expect(transition(staffed!, stranger, admin)).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });

  it('does not start before the placement period', () => {
    expect(transition(distributed!, { type: 'start', at: '2026-10-02T08:00:00.000Z' }, admin)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
      message: 'The placement period starts 2026-10-05',
    });
  });

  it('logs a change of supervisor agreed with the institution, and refuses one that is not agreed', () => {
    const changed = changeSupervisor(distributed!.details, {
      studentName: 'Kari Student',
      className: 'B',
      to: 'Kåre Holm',
      agreedWith: 'Øyvind Lunde',
      at: '2026-10-12T09:00:00.000Z',
    });
    if (isRefusal(changed)) throw new Error(changed.refused);
    expect(changed.distribution!.students.find((s) => s.name === 'Kari Student')!.supervisorName).toBe('Kåre Holm');
    expect(changed.supervisorChanges).toEqual([
      { studentName: 'Kari Student', from: 'Liv Ås', to: 'Kåre Holm', agreedWith: 'Øyvind Lunde', changedAt: '2026-10-12T09:00:00.000Z' },
    ]);
    expect(
      isRefusal(
        changeSupervisor(distributed!.details, {
          studentName: 'Kari Student',
          className: 'B',
          to: 'Kåre Holm',
          agreedWith: ' ',
          at: '2026-10-12T09:00:00.000Z',
        }),
      ),
    ).toBe(true);
  });
});
