import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../access/roles';
import type { PlacementCase } from '../placement/placement.workflow';
import {
  actorFor,
  type Acting,
  after,
  approvalEvents,
  approvalStart,
  courseDeliveryStart,
  edited,
  followUpStart,
  happyPaths,
  KARE_HOLM,
  nominationStart,
  placementStart,
  rolesOf,
  walk,
  workflowsUnderTest,
} from '../../../dev/testing';
import type { Case } from './case.schema';
import { jsonEqual } from '../../sync/json-value';
import { checkCaseChange, createdStateOf } from './case-change';

const asCase = (c: unknown) => c as Case;
const by = (role: Role, overrides = {}) => actorFor(role, overrides);
/** The pushed state as written by `role` (bookkeeping fields set to that user). */
const pushedBy = (c: Case, role: Role, overrides = {}) => ({ ...c, updatedBy: by(role, overrides).userId });

const coordinator = by('cohortCoordinator');
const head = by('departmentHead');

const followUp = walk(workflowsUnderTest.followUp, followUpStart(), happyPaths.followUp).map(asCase);
const followUpAt = (status: string) => followUp.find((c) => c.status === status)!;

/** Each workflow's happy path (up to the contract's publication for a course delivery) with the role of every step. */
const courseToPublished = happyPaths.courseDelivery.slice(0, 4);
const paths: Record<string, { steps: Acting[]; states: Case[] }> = {
  followUp: { steps: rolesOf(happyPaths.followUp), states: followUp },
  nomination: { steps: rolesOf(happyPaths.nomination), states: walk(workflowsUnderTest.nomination, nominationStart(), happyPaths.nomination).map(asCase) },
  approval: { steps: rolesOf(happyPaths.approval), states: walk(workflowsUnderTest.approval, approvalStart(false), happyPaths.approval).map(asCase) },
  placement: { steps: rolesOf(happyPaths.placement), states: walk(workflowsUnderTest.placement, placementStart(), happyPaths.placement).map(asCase) },
  courseDelivery: { steps: rolesOf(courseToPublished), states: walk(workflowsUnderTest.courseDelivery, courseDeliveryStart(), courseToPublished).map(asCase) },
};

describe('checkCaseChange: creation', () => {
  const report = asCase(followUpStart());

  it('accepts a teacher’s concern report in their cohort', () => {
    expect(checkCaseChange({ before: null, after: report, actor: by('teacher') })).toEqual({ ok: true });
  });

  it.each([
    ['a status a case cannot start in', { ...report, status: 'summoned' }, 'teacher', 'illegal-initial-status'],
    [
      'a role that may not create it in that status',
      { ...report, createdBy: 'cohortCoordinator-1', updatedBy: 'cohortCoordinator-1' },
      'cohortCoordinator',
      'role-not-allowed',
    ],
    ['a cohort the teacher does not teach', { ...report, cohort: 'OKAD-2024H' }, 'teacher', 'forbidden'],
    ['someone else as creator', { ...report, createdBy: 'teacher-2' }, 'teacher', 'created-by-mismatch'],
    [
      'a report in another teacher’s name',
      { ...report, details: { reports: [{ ...followUpStart().details.reports[0]!, reportedBy: 'teacher-2' }] } },
      'teacher',
      'precondition-failed',
    ],
    ['no report', { ...report, details: { reports: [] } }, 'teacher', 'missing-details'],
    ['no student', { ...report, subjectPersonId: '' }, 'teacher', 'missing-subject'],
    ['details that do not parse', { ...report, details: { reports: 'many' } }, 'teacher', 'invalid-details'],
    ['an empty title', { ...report, title: '' }, 'teacher', 'invalid-case'],
    ['an unknown status', { ...report, status: 'limbo' }, 'teacher', 'unknown-status'],
    ['a stale nextDeadline', { ...report, deadlines: [{ kind: 'triage', due: '2026-09-05', label: 'Vurdere' }] }, 'teacher', 'inconsistent-next-deadline'],
    ['another user as writer', { ...report, updatedBy: 'teacher-2' }, 'teacher', 'updated-by-mismatch'],
  ] as const)('refuses %s', (_what, after, role, reason) => {
    expect(checkCaseChange({ before: null, after: after as Case, actor: by(role) })).toMatchObject({ ok: false, reason });
  });

  it('lets a coordinator open a case directly', () => {
    const opened = { ...report, status: 'open', createdBy: coordinator.userId, updatedBy: coordinator.userId, details: { reports: [] } };
    expect(checkCaseChange({ before: null, after: opened, actor: coordinator })).toEqual({ ok: true });
  });

  it('logs who registered a nomination for a partner', () => {
    const nomination = asCase(nominationStart());
    expect(checkCaseChange({ before: null, after: nomination, actor: by('nominator') })).toEqual({ ok: true });
    const byOfficer = { ...nomination, createdBy: 'caseOfficer-1', updatedBy: 'caseOfficer-1' };
    expect(checkCaseChange({ before: null, after: byOfficer, actor: by('caseOfficer') })).toMatchObject({ ok: false, reason: 'missing-details' });
    const logged = {
      ...byOfficer,
      details: {
        ...nomination.details,
        nomination: {
          ...(nomination.details.nomination as object),
          onBehalfOf: { registeredBy: 'caseOfficer-1', registeredByName: 'Hedda', reason: 'Kom per e-post.' },
        },
      },
    };
    expect(checkCaseChange({ before: null, after: logged, actor: by('caseOfficer') })).toEqual({ ok: true });
    const otherPartner = by('nominator', { scope: { ...by('nominator').scope, partners: ['partner-valmont'] } });
    expect(checkCaseChange({ before: null, after: nomination, actor: otherPartner })).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('checks type-specific creation rules', () => {
    const placement = asCase(placementStart());
    expect(checkCaseChange({ before: null, after: placement, actor: by('placementAdmin') })).toEqual({ ok: true });
    expect(checkCaseChange({ before: null, after: { ...placement, cohort: 'site-bryggen-skole' }, actor: by('placementAdmin') })).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
    const course = asCase(courseDeliveryStart());
    expect(checkCaseChange({ before: null, after: course, actor: head })).toEqual({ ok: true });
    expect(checkCaseChange({ before: null, after: { ...course, assignees: [head.userId] }, actor: head })).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
  });
});

describe('checkCaseChange: a case created and stepped on before it reached the server', () => {
  const [draft, ordered, confirmed] = paths.placement!.states;
  const admin = by('placementAdmin');
  const pushedNew = (c: Case) => ({ ...pushedBy(c, 'placementAdmin'), createdBy: admin.userId });

  it('accepts an order drafted and sent in one push, as its creation and the step', () => {
    expect(ordered!.status).toBe('ordered');
    expect(checkCaseChange({ before: null, after: pushedNew(ordered!), actor: admin })).toEqual({ ok: true });
    expect(createdStateOf(pushedNew(ordered!), admin)).toMatchObject({ status: 'draft', details: { order: draft!.details.order } });
  });

  it('refuses a new case in a status reached only by steps another role takes, or by a step whose details are missing', () => {
    const result = checkCaseChange({ before: null, after: pushedNew(confirmed!), actor: admin });
    expect(result).toMatchObject({ ok: false, reason: 'illegal-initial-status' });
    expect(result.ok || result.message).toMatch(/siteCoordinator/);
    const unsent = { ...pushedNew(ordered!), details: draft!.details };
    expect(checkCaseChange({ before: null, after: unsent, actor: admin })).toMatchObject({ ok: false, reason: 'illegal-initial-status' });
    expect(createdStateOf(unsent, admin)).toBeNull();
    expect(
      checkCaseChange({ before: null, after: { ...ordered!, createdBy: 'siteCoordinator-1', updatedBy: 'siteCoordinator-1' }, actor: by('siteCoordinator') }),
    ).toMatchObject({
      ok: false,
      reason: 'illegal-initial-status',
    });
  });
});

describe('checkCaseChange: status changes', () => {
  it.each(Object.entries(paths))('accepts every step of the %s happy path by its role, and refuses it by every other role', (type, path) => {
    const workflow = workflowsUnderTest[type as keyof typeof workflowsUnderTest];
    path.steps.forEach((role, i) => {
      const [before, afterStep] = [path.states[i]!, path.states[i + 1]!];
      if (role === 'system') {
        // A server-only step: the server takes it itself, and refuses it from every laptop.
        for (const other of roles)
          expect(checkCaseChange({ before, after: pushedBy(afterStep, other), actor: by(other) }).ok, `${before.status} by ${other}`).toBe(false);
        return;
      }
      expect(checkCaseChange({ before, after: afterStep, actor: by(role) }), `${before.status} → ${afterStep.status} by ${role}`).toEqual({ ok: true });
      // A step that keeps the status (accepting fetched results) is no status change: only its own role takes it here.
      const allowed = before.status === afterStep.status ? [role] : workflow.stepForStatusChange(before.status, afterStep.status)!.roles;
      for (const other of roles) {
        if (allowed.includes(other)) continue;
        const result = checkCaseChange({ before, after: pushedBy(afterStep, other), actor: by(other) });
        expect(result.ok, `${before.status} → ${afterStep.status} by ${other}`).toBe(false);
      }
    });
  });

  it('accepts several steps made offline and pushed as one change', () => {
    expect(checkCaseChange({ before: followUpAt('open'), after: followUpAt('protocolSent'), actor: coordinator })).toEqual({ ok: true });
    expect(checkCaseChange({ before: followUpAt('reviewedWithRector'), after: followUpAt('decisionSent'), actor: head })).toEqual({ ok: true });
  });

  it('accepts a step that keeps the status taken offline on the way (recording a ranking, then the offer it gives)', () => {
    const nomination = paths.nomination!.states;
    const unranked = nomination.find((c) => c.status === 'qualified' && !(c.details as { ranking?: unknown }).ranking)!;
    const offered = nomination.find((c) => c.status === 'offered')!;
    const officer = by('caseOfficer');
    expect(unranked).toBeDefined();
    expect(checkCaseChange({ before: unranked, after: offered, actor: officer })).toEqual({ ok: true });
    // The ranking is checked as its own step would be: one that does not fit the choices is refused.
    const details = offered.details as { ranking: { choices: unknown[] } };
    const misfit = { ...offered, details: { ...details, ranking: { ...details.ranking, choices: [] } } };
    expect(checkCaseChange({ before: unranked, after: misfit, actor: officer })).toMatchObject({ ok: false });
    // Someone who may not rank cannot have ranked on the way.
    expect(checkCaseChange({ before: unranked, after: pushedBy(offered, 'departmentHead'), actor: head })).toMatchObject({ ok: false });
  });

  it('refuses a multi-step push that includes a step the actor may not take', () => {
    const result = checkCaseChange({ before: followUpAt('open'), after: pushedBy(followUpAt('meetingCalled'), 'cohortCoordinator'), actor: coordinator });
    expect(result).toMatchObject({ ok: false, reason: 'role-not-allowed' });
  });

  it('refuses moves the workflow does not have', () => {
    const closed = followUpAt('closed');
    expect(checkCaseChange({ before: closed, after: pushedBy({ ...closed, status: 'open' }, 'departmentHead'), actor: head })).toMatchObject({
      ok: false,
      reason: 'illegal-transition',
    });
    const decided = followUpAt('decided');
    expect(checkCaseChange({ before: decided, after: pushedBy({ ...decided, status: 'summoned' }, 'departmentHead'), actor: head })).toMatchObject({
      ok: false,
      reason: 'illegal-transition',
    });
  });

  it('refuses a status change without the details the step records', () => {
    const open = followUpAt('open');
    const summonedWithout = pushedBy({ ...followUpAt('summoned'), details: open.details }, 'cohortCoordinator');
    expect(checkCaseChange({ before: open, after: summonedWithout, actor: coordinator })).toMatchObject({ ok: false, reason: 'missing-details' });
  });

  it('re-checks pre- and postconditions the server can see', () => {
    const sent = followUpAt('decisionSent');
    const closedEarly = {
      ...followUpAt('closed'),
      details: { ...followUpAt('closed').details, closure: { closedAt: sent.updatedAt, outcome: 'decisionSent', reason: '' } },
    };
    expect(checkCaseChange({ before: sent, after: pushedBy(closedEarly, 'departmentHead'), actor: head })).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
    });
    const processing = asCase(walk(workflowsUnderTest.approval, approvalStart(false), [['caseOfficer', approvalEvents.startProcessing]]).at(-1)!);
    const fetch = { id: 'fetch-1', orderedAt: after(5), orderedBy: 'caseOfficer-1', sources: [], answers: [], results: [] };
    const fetching = { ...processing, status: 'fetchingResults', details: { ...processing.details, fetches: [fetch] } };
    expect(checkCaseChange({ before: processing, after: fetching, actor: by('caseOfficer') })).toMatchObject({ ok: false, reason: 'precondition-failed' });
  });

  it('refuses actors outside the case’s scope', () => {
    const otherCohort = by('cohortCoordinator', { scope: { ...coordinator.scope, cohorts: ['OKAD-2024H'] } });
    expect(checkCaseChange({ before: followUpAt('open'), after: followUpAt('summoned'), actor: otherCohort })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('refuses a transition that also edits fields the actor may not edit', () => {
    const drafted = followUpAt('protocolDrafted');
    const signed = followUpAt('signedByStudent');
    const student = by('student');
    expect(checkCaseChange({ before: drafted, after: pushedBy(signed, 'student'), actor: student })).toEqual({ ok: true });
    expect(checkCaseChange({ before: drafted, after: pushedBy({ ...signed, title: 'Ny tittel' }, 'student'), actor: student })).toMatchObject({
      ok: false,
      reason: 'forbidden-edit',
    });
  });
});

describe('checkCaseChange: a step changes only what it is about', () => {
  it('refuses an applicant who accepts an offer and rewrites which offer it was', () => {
    const [offered, admitted] = paths.nomination!.states.slice(-2) as [Case, Case];
    const applicant = by('applicant');
    expect(checkCaseChange({ before: offered, after: admitted, actor: applicant })).toEqual({ ok: true });
    const otherOffer = { ...admitted, details: { ...admitted.details, offer: { ...(admitted.details.offer as object), code: 'MED-PROF-27H' } } };
    expect(checkCaseChange({ before: offered, after: otherOffer, actor: applicant })).toMatchObject({ ok: false, reason: 'forbidden-edit' });
  });

  it('refuses a student who signs the protocol and rewrites its summary', () => {
    const drafted = followUpAt('protocolDrafted');
    const signed = pushedBy(followUpAt('signedByStudent'), 'student');
    const protocol = signed.details.protocol as Record<string, unknown>;
    const rewritten = { ...signed, details: { ...signed.details, protocol: { ...protocol, summary: 'Studenten har ingen fravær.' } } };
    expect(checkCaseChange({ before: drafted, after: rewritten, actor: by('student') })).toMatchObject({ ok: false, reason: 'locked-field' });
  });

  it('refuses a step that also changes the assignees, and one that adds unknown fields', () => {
    const reported = asCase(followUpStart());
    const opened = followUpAt('open');
    expect(checkCaseChange({ before: reported, after: opened, actor: coordinator })).toEqual({ ok: true });
    const drafted = followUpAt('protocolDrafted');
    const signed = pushedBy(followUpAt('signedByStudent'), 'student');
    const student = by('student');
    expect(checkCaseChange({ before: drafted, after: { ...signed, assignees: [...signed.assignees, student.userId] }, actor: student })).toMatchObject({
      ok: false,
      reason: 'forbidden-edit',
    });
    const padded = { ...opened, details: { ...opened.details, payload: 'x'.repeat(1000) } };
    expect(checkCaseChange({ before: reported, after: padded, actor: coordinator })).toMatchObject({ ok: false, reason: 'invalid-details' });
    const nested = { ...opened, details: { ...opened.details, reports: (opened.details.reports as object[]).map((r) => ({ ...r, extra: true })) } } as Case;
    expect(checkCaseChange({ before: reported, after: nested, actor: coordinator })).toMatchObject({ ok: false, reason: 'invalid-details' });
  });

  it('lets a teacher change only their own report', () => {
    const report = asCase(followUpStart());
    const teacher = by('teacher');
    const own = (report.details.reports as Record<string, unknown>[])[0]!;
    const others = { ...own, id: 'report-other', reportedBy: 'teacher-2', reporterName: 'Annen Lærer' };
    const withOthers = { ...report, details: { ...report.details, reports: [own, others] } };
    const changedOthers = edited(withOthers, teacher, {
      details: { ...withOthers.details, reports: [own, { ...others, description: 'Endret av en annen.' }] },
    });
    expect(checkCaseChange({ before: withOthers, after: changedOthers, actor: teacher })).toMatchObject({ ok: false, reason: 'forbidden-edit' });
    const changedOwn = edited(withOthers, teacher, { details: { ...withOthers.details, reports: [{ ...own, description: 'Rettet.' }, others] } });
    expect(checkCaseChange({ before: withOthers, after: changedOwn, actor: teacher })).toEqual({ ok: true });
  });
});

describe('checkCaseChange: plain edits', () => {
  const summoned = followUpAt('summoned');
  const edit = (c: Case, role: Role, change: Partial<Case>, overrides = {}) => edited(c, by(role, overrides), change);

  it('accepts an editor’s change and a retry of the stored state', () => {
    const moved = edit(summoned, 'cohortCoordinator', {
      details: { ...summoned.details, summons: { ...(summoned.details.summons as object), location: 'Rom B1-020' } },
    });
    expect(checkCaseChange({ before: summoned, after: moved, actor: coordinator })).toEqual({ ok: true });
    expect(checkCaseChange({ before: summoned, after: pushedBy(summoned, 'rector'), actor: by('rector') })).toEqual({ ok: true });
  });

  it('ignores key order, as a database may reorder JSON keys', () => {
    const reordered = Object.fromEntries(Object.entries(summoned).reverse()) as Case;
    const details = Object.fromEntries(Object.entries(summoned.details).reverse());
    expect(checkCaseChange({ before: summoned, after: { ...reordered, details }, actor: coordinator })).toEqual({ ok: true });
    expect(jsonEqual({ a: 1, b: [1, { c: undefined }] }, { b: [1, {}], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });

  it.each([
    ['a role without edit rights', summoned, 'rector', { title: 'Ny tittel' }, 'forbidden-edit'],
    [
      'a field only the workflow writes',
      followUpAt('decided'),
      'departmentHead',
      { details: { ...followUpAt('decided').details, decision: undefined } },
      'locked-field',
    ],
    ['a closed case', followUpAt('closed'), 'departmentHead', { title: 'Ny tittel' }, 'case-closed'],
    ['an immutable field', summoned, 'cohortCoordinator', { caseNumber: '2026/99999' }, 'immutable-field'],
    ['moving the case out of the editor’s scope', summoned, 'cohortCoordinator', { cohort: 'OKAD-2024H' }, 'forbidden-edit'],
  ] as const)('refuses %s', (_what, before, role, change, reason) => {
    expect(checkCaseChange({ before, after: edit(before, role, change as Partial<Case>), actor: by(role) })).toMatchObject({ ok: false, reason });
  });

  it('limits teachers to their own report, and only before it is taken', () => {
    const report = asCase(followUpStart());
    const teacher = by('teacher');
    const fixed = edit(report, 'teacher', { details: { reports: [{ ...followUpStart().details.reports[0]!, description: 'Rettet beskrivelse.' }] } });
    expect(checkCaseChange({ before: report, after: fixed, actor: teacher })).toEqual({ ok: true });
    expect(checkCaseChange({ before: report, after: edit(report, 'teacher', { title: 'Annen tittel' }), actor: teacher })).toMatchObject({
      ok: false,
      reason: 'forbidden-edit',
    });
    const open = followUpAt('open');
    expect(checkCaseChange({ before: open, after: edit(open, 'teacher', { details: { ...open.details, reports: [] } }), actor: teacher })).toMatchObject({
      ok: false,
      reason: 'forbidden-edit',
    });
  });

  it('lets each side record only its own steps of a course’s checklist, the teaching resource only on their own course', () => {
    const course = asCase(courseDeliveryStart());
    const teachingResource = (course.details as { teachingResource: { userId: string } }).teachingResource.userId;
    const record = (role: Role, step: string, overrides: { userId?: string } = {}) => {
      const actor = by(role, overrides);
      const entry = { state: 'inProgress', changedAt: after(60), changedBy: actor.userId };
      return checkCaseChange({ before: course, after: edit(course, role, { details: { ...course.details, checklist: { [step]: entry } } }, overrides), actor });
    };
    expect(record('departmentHead', 'contractSent')).toEqual({ ok: true });
    expect(record('operationsConsultant', 'contractSent')).toMatchObject({
      ok: false,
      reason: 'precondition-failed',
      message: expect.stringMatching(/Only the departmentHead/),
    });
    expect(record('teacher', 'lmsPrepared', { userId: teachingResource })).toEqual({ ok: true });
    expect(record('teacher', 'lmsPrepared', { userId: 'another-teacher' })).toMatchObject({ ok: false });
  });

  it('lets a site change no supervisor by an edit: it asks, and only the institution decides', () => {
    const distributed = paths.placement!.states[4]! as unknown as PlacementCase;
    const site = by('siteCoordinator');
    const details = distributed.details;
    const changed = {
      ...details,
      distribution: { ...details.distribution!, students: details.distribution!.students.map((s) => ({ ...s, supervisorId: KARE_HOLM.userId })) },
    };
    const asEdit = (d: PlacementCase['details']) => edit(distributed as unknown as Case, 'siteCoordinator', { details: d });
    // Read as the institution's decision, which only the placement administrator takes.
    const onlyTheInstitution = {
      ok: false,
      reason: 'role-not-allowed',
      message: expect.stringContaining('Only placementAdmin may do "decideSupervisorChange"'),
    };
    expect(checkCaseChange({ before: distributed as unknown as Case, after: asEdit(changed), actor: site })).toMatchObject(onlyTheInstitution);
    const forged = { ...details, supervisorChangeDecisions: [{ requestId: 'x', approved: true, by: site.userId, at: after(900), comment: '' }] };
    expect(checkCaseChange({ before: distributed as unknown as Case, after: asEdit(forged), actor: site })).toMatchObject(onlyTheInstitution);
    const activity = { ...details, activity: { ...details.activity, requirements: [] } };
    expect(checkCaseChange({ before: distributed as unknown as Case, after: asEdit(activity), actor: site })).toMatchObject({
      ok: false,
      reason: 'forbidden-edit',
    });
  });
});

describe('checkCaseChange: sync metadata', () => {
  it('compares only case fields, not what the replication layer adds', () => {
    const summoned = followUpAt('summoned');
    const withMeta = { ...summoned, _deleted: false, _meta: { lwt: 1 } } as unknown as Case;
    expect(checkCaseChange({ before: withMeta, after: { ...summoned, _rev: '2-x' } as unknown as Case, actor: coordinator })).toEqual({ ok: true });
  });
});
