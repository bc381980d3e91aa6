import { describe, expect, it } from 'vitest';
import { actorFor, KARE_HOLM, LIV_AAS, placementEvents, placementStart, walk } from '../../../dev/testing/fixtures';
import { placementWorkflow, transition } from './placement.workflow';

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
    const stranger = { ...event, students: [{ ...event.students[0]!, supervisorId: 'stranger-1' }] };
    expect(transition(staffed!, stranger, admin)).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });

  it('does not start before the placement period', () => {
    expect(transition(distributed!, { type: 'start', at: '2026-10-02T08:00:00.000Z' }, admin)).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
      message: 'The placement period starts 2026-10-05',
    });
  });

  it('tells each distributed student by e-mail, besides the site and its supervisors', () => {
    const result = transition(staffed!, placementEvents.distributeStudents(staffed!), admin);
    const toStudents = result.ok ? result.commands.filter((c) => c.type === 'notify' && c.template === 'placement.studentPlaced') : [];
    expect(toStudents.map((c) => c.type === 'notify' && c.to)).toEqual([
      { kind: 'person', personId: 'person-1' },
      { kind: 'person', personId: 'person-2' },
    ]);
  });

  it('refuses a distribution beyond a supervisor’s limit', () => {
    const event = placementEvents.distributeStudents(staffed!);
    const liv = event.students[1]!.supervisorId;
    const overLimit = { ...event, students: [event.students[1]!, { ...event.students[1]!, personId: 'person-3', name: 'Per Student', supervisorId: liv }] };
    expect(transition(staffed!, overLimit, admin)).toMatchObject({ ok: false, message: 'Liv Ås supervises at most 1 students' });
  });

  it('changes a supervisor only when the institution approves the site’s request', () => {
    const request = { ...placementEvents.requestSupervisorChange(distributed!), personId: 'person-2', toId: KARE_HOLM.userId };
    const asked = transition(distributed!, request, site);
    if (!asked.ok) throw new Error(asked.message);
    expect(asked.state.status).toBe('studentsDistributed');
    expect(asked.state.details.distribution!.students[1]!.supervisorId).toBe(LIV_AAS.userId);
    // The site cannot decide, and cannot ask twice for the same student.
    expect(transition(asked.state, placementEvents.decideSupervisorChange(asked.state), site)).toMatchObject({ ok: false, reason: 'role-not-allowed' });
    expect(transition(asked.state, { ...request, requestId: 'change-2' }, site)).toMatchObject({
      ok: false,
      message: 'A change for this student is already waiting',
    });
    const approved = transition(asked.state, placementEvents.decideSupervisorChange(asked.state), admin);
    if (!approved.ok) throw new Error(approved.message);
    expect(approved.state.details.distribution!.students[1]!.supervisorId).toBe(KARE_HOLM.userId);
    expect(approved.state.details.supervisorChangeDecisions).toEqual([expect.objectContaining({ requestId: 'change-1', approved: true, by: admin.userId })]);
    expect(transition(approved.state, placementEvents.decideSupervisorChange(approved.state), admin)).toMatchObject({
      ok: false,
      message: 'The request is already decided',
    });
    const refused = transition(
      asked.state,
      { ...placementEvents.decideSupervisorChange(asked.state), approved: false, comment: 'Vi finner en annen løsning.' },
      admin,
    );
    expect(refused.ok && refused.state.details.distribution!.students[1]!.supervisorId).toBe(LIV_AAS.userId);
  });

  it('refuses a request for a supervisor who does not supervise the student’s class', () => {
    const request = { ...placementEvents.requestSupervisorChange(distributed!), personId: 'person-1', toId: LIV_AAS.userId };
    expect(transition(distributed!, request, site)).toMatchObject({ ok: false, message: `${LIV_AAS.userId} is not a supervisor of class A at this site` });
  });
});
