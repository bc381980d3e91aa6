import { describe, expect, it } from 'vitest';
import { canSeeCase } from '../../src-shared/domain/access/access';
import { actorSchema, roles } from '../../src-shared/domain/access/roles';
import { caseSchema, NO_DEADLINE } from '../../src-shared/domain/case/case.schema';
import { caseTypes } from '../../src-shared/domain/case/case-type';
import { caseWorkflows } from '../../src-shared/domain/case/case-workflows';
import { nextDeadlineOf } from '../../src-shared/domain/case/deadline';
import { documentSchema } from '../../src-shared/domain/document/document.schema';
import type { FollowUpDetails } from '../../src-shared/domain/follow-up/follow-up.schema';
import { parseNationalId } from '../../src-shared/domain/national-id/national-id';
import { noteSchema } from '../../src-shared/domain/note/note.schema';
import { personSchema } from '../../src-shared/domain/person/person.schema';
import { taskSchema } from '../../src-shared/domain/task/task.schema';
import { DEMO_APPLICANT_ID, DEMO_STUDENT_ID, demoUsers } from './demo-users';
import { DEMO_NOW, generateDemoData } from './generate-demo-data';

const now = DEMO_NOW;
const data = generateDemoData({ caseCount: 3000, seed: 42, now: new Date(now) });

describe('generateDemoData', () => {
  it('refuses sizes outside 10–100,000 and bad options with a validation error', () => {
    for (const options of [{ caseCount: 9 }, { caseCount: 100_001 }, { caseCount: 10.5 }, { caseCount: 10, now: new Date('nonsense') }].map((o) => ({
      now: new Date(now),
      ...o,
    }))) {
      expect(() => generateDemoData(options)).toThrow(expect.objectContaining({ kind: 'validation' }));
    }
  });

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const a = generateDemoData({ caseCount: 300, seed: 5, now: new Date(now) });
    expect(generateDemoData({ caseCount: 300, seed: 5, now: new Date(now) })).toEqual(a);
    expect(generateDemoData({ caseCount: 300, seed: 6, now: new Date(now) }).people.map((p) => p.familyName)).not.toEqual(a.people.map((p) => p.familyName));
    const later = generateDemoData({ caseCount: 300, seed: 5, now: new Date('2027-03-01T08:00:00.000Z') });
    expect(later.cases.map((c) => c.createdAt)).not.toEqual(a.cases.map((c) => c.createdAt));
  });

  it('makes exactly the requested number of cases, from 10 up', () => {
    expect(generateDemoData({ caseCount: 10, now: new Date(now) }).cases).toHaveLength(10);
    expect(data.cases).toHaveLength(3000);
    expect(new Set(data.cases.map((c) => c.id)).size).toBe(3000);
  });

  it('produces documents that all parse with their schemas', () => {
    for (const c of data.cases) {
      expect(caseSchema.safeParse(c).success, c.id).toBe(true);
      const details = caseWorkflows[c.type].detailsSchema.safeParse(c.details);
      expect(details.success, `${c.id} ${c.status}: ${details.success ? '' : details.error.message}`).toBe(true);
      expect(caseWorkflows[c.type].statuses).toContain(c.status);
    }
    for (const person of data.people) expect(personSchema.safeParse(person).success, person.id).toBe(true);
    for (const note of data.notes) expect(noteSchema.safeParse(note).success, note.id).toBe(true);
    for (const task of data.tasks) expect(taskSchema.safeParse(task).success, task.id).toBe(true);
    for (const document of data.documents) expect(documentSchema.safeParse(document).success, document.id).toBe(true);
  });

  it('keeps every record consistent: references, times, deadlines', () => {
    const caseIds = new Set(data.cases.map((c) => c.id));
    const personIds = new Set(data.people.map((p) => p.id));
    for (const c of data.cases) {
      expect(c.createdAt <= c.updatedAt && c.updatedAt <= now, c.id).toBe(true);
      expect(c.nextDeadline).toBe(nextDeadlineOf(c.deadlines));
      if (c.subjectPersonId) expect(personIds.has(c.subjectPersonId), c.id).toBe(true);
      if (caseWorkflows[c.type].terminal.includes(c.status)) expect(c.nextDeadline, c.id).toBe(NO_DEADLINE);
    }
    for (const record of [...data.notes, ...data.tasks, ...data.documents]) expect(caseIds.has(record.caseId), record.id).toBe(true);
    for (const note of data.notes) expect(note.createdAt <= now, note.id).toBe(true);
    const open = data.cases.filter((c) => !caseWorkflows[c.type].terminal.includes(c.status));
    expect(data.tasks).toHaveLength(open.length);
  });

  it('joins merged reports into the student’s open case', () => {
    const merged = data.cases.filter((c) => c.type === 'followUp' && c.status === 'merged');
    expect(merged.length).toBeGreaterThan(0);
    for (const c of merged) {
      const details = c.details as FollowUpDetails;
      const target = data.cases.find((t) => t.id === details.mergedInto)!;
      expect(target.subjectPersonId).toBe(c.subjectPersonId);
      expect((target.details as FollowUpDetails).reports.map((r) => r.id)).toContain(details.reports[0]!.id);
    }
  });

  it('has every case type in sensible proportions, and many statuses of each', () => {
    const share = (type: string) => data.cases.filter((c) => c.type === type).length / data.cases.length;
    expect(share('followUp')).toBeGreaterThan(0.3);
    expect(share('followUp')).toBeLessThan(0.4);
    expect(share('approval')).toBeGreaterThan(0.2);
    for (const type of ['nomination', 'placement']) expect(share(type)).toBeGreaterThan(0.1);
    expect(share('courseDelivery')).toBeGreaterThan(0.06);
    for (const type of caseTypes) {
      const statuses = new Set(data.cases.filter((c) => c.type === type).map((c) => c.status));
      expect(statuses.size / caseWorkflows[type].statuses.length, type).toBeGreaterThan(0.75);
    }
  });

  it('names people with varied Norwegian names and valid synthetic national IDs', () => {
    const given = new Set(data.people.map((p) => p.givenName));
    const family = new Set(data.people.map((p) => p.familyName));
    expect(given.size).toBeGreaterThan(60);
    expect(family.size).toBeGreaterThan(80);
    expect(data.people.some((p) => /[æøåÆØÅ]/.test(`${p.givenName} ${p.familyName}`))).toBe(true);
    for (const person of data.people) {
      const id = parseNationalId(person.nationalId);
      expect(id.synthetic, person.id).not.toBe(false);
    }
    expect(data.people.some((p) => parseNationalId(p.nationalId).kind === 'dnr')).toBe(true);
  });

  it('includes the seed’s FS test persons with approval cases ready for a result fetch', () => {
    const testPersons = data.people.filter((p) => p.familyName === 'Resultatutveksling');
    expect(testPersons.map((p) => `${p.givenName} ${p.nationalId}`)).toEqual(['Testperson1 01536112185', 'Testperson2 19588312510']);
    for (const person of testPersons) {
      const c = data.cases.find((x) => x.subjectPersonId === person.id)!;
      expect(c).toMatchObject({
        type: 'approval',
        status: 'processing',
        details: expect.objectContaining({ consent: expect.objectContaining({ type: 'RESUTVEKSL', answer: 'J' }) }),
      });
    }
  });

  it('writes Norwegian titles and about three Norwegian notes per case', () => {
    expect(data.notes.length / data.cases.length).toBeGreaterThan(2.8);
    expect(data.notes.length / data.cases.length).toBeLessThan(3.2);
    const perCase = new Map<string, number>();
    for (const note of data.notes) perCase.set(note.caseId, (perCase.get(note.caseId) ?? 0) + 1);
    for (const c of data.cases) expect(perCase.get(c.id), c.id).toBeGreaterThanOrEqual(2);
    expect(data.cases.every((c) => /^(Oppfølging|Godkjenning|Nominasjon|Praksisbestilling|Kursgjennomføring) /.test(c.title))).toBe(true);
    expect(data.notes.some((n) => n.agreedMeasure)).toBe(true);
  });

  it('gives every case to people who may see it, and keeps partners to their own cases', () => {
    const users = demoUsers();
    const staff = users.filter((u) => !u.roles.includes('student') && !u.roles.includes('applicant'));
    for (const c of data.cases)
      expect(
        staff.some((u) => canSeeCase(u, c)),
        c.id,
      ).toBe(true);
    const student = users.find((u) => u.userId === DEMO_STUDENT_ID)!;
    expect(data.cases.filter((c) => canSeeCase(student, c)).map((c) => `${c.type}:${c.status}`)).toEqual(['followUp:summoned']);
    const applicant = users.find((u) => u.userId === DEMO_APPLICANT_ID)!;
    expect(data.cases.filter((c) => canSeeCase(applicant, c)).map((c) => `${c.type}:${c.status}`)).toEqual(['nomination:offered']);
    for (const nominator of users.filter((u) => u.roles.includes('nominator'))) {
      const visible = data.cases.filter((c) => canSeeCase(nominator, c));
      expect(visible.length).toBeGreaterThan(0);
      expect(visible.every((c) => c.type === 'nomination' && nominator.scope.partners.includes(c.cohort))).toBe(true);
    }
  });
});

describe('demoUsers', () => {
  it('has an account for every role, each a valid actor with a unique id and e-mail', () => {
    const users = demoUsers();
    for (const role of roles)
      expect(
        users.some((u) => u.roles.includes(role)),
        role,
      ).toBe(true);
    for (const user of users) expect(actorSchema.safeParse(user).success, user.userId).toBe(true);
    expect(new Set(users.map((u) => u.userId)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    expect(users.every((u) => /^[a-z.]+@[a-z.]+$/.test(u.email))).toBe(true);
  });
});

describe('demo tasks', () => {
  it('go to staff: whoever acts next, or the handler waiting for an outsider', () => {
    const staffIds = new Set(
      demoUsers()
        .filter((u) => !u.roles.includes('student') && !u.roles.includes('applicant'))
        .map((u) => u.userId),
    );
    for (const task of data.tasks) expect(staffIds.has(task.assigneeId), `${task.id} → ${task.assigneeId}`).toBe(true);
    const waiting = data.tasks.find((t) => data.cases.find((c) => c.id === t.caseId)!.status === 'nominated')!;
    expect(waiting.title).toBe('Venter på søker');
  });
});
