import { z } from 'zod';
import { AppError, summarizeZodError } from '../../src-shared/kernel/app-error';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { CaseType } from '../../src-shared/domain/case/case-type';
import type { CaseDocument } from '../../src-shared/domain/document/document.schema';
import type { EducationOffer } from '../../src-shared/domain/nomination/education-offer';
import type { Note } from '../../src-shared/domain/note/note.schema';
import type { OrgUnit } from '../../src-shared/domain/organisation/org-unit.schema';
import type { Person } from '../../src-shared/domain/person/person.schema';
import type { PlacementActivity } from '../../src-shared/domain/placement/activity.schema';
import type { Task } from '../../src-shared/domain/task/task.schema';
import { demoApproval } from './approval-demo';
import { demoCourseDelivery } from './course-delivery-demo';
import { DAY, DemoContext } from './demo-context';
import { DEMO_APPLICANT_ID, DEMO_STUDENT_ID } from './demo-users';
import { demoFollowUp } from './follow-up-demo';
import { demoNomination } from './nomination-demo';
import { demoOffers } from './offers';
import { INSTITUTION } from './organisation';
import { demoOrganisation } from './organisation-units';
import { demoActivities } from './placement-activities-demo';
import { demoPlacement } from './placement-demo';
import { mulberry32, Rng } from './prng';

export interface DemoData {
  cases: Case[];
  people: Person[];
  notes: Note[];
  tasks: Task[];
  documents: CaseDocument[];
  organisation: OrgUnit[];
  /** The partners' education offers, one per offer code the nominations use. */
  offers: EducationOffer[];
  /** Placement activities: the latest period's (its orders name it) and one in planning. */
  activities: PlacementActivity[];
}

export interface DemoDataOptions {
  /** 10 to 100,000. */
  caseCount: number;
  /** Any integer; the same seed and `now` give the same data. Default 1. */
  seed?: number;
  /**
   * The moment the data describes, given by the caller (a real run: the current time; a test: a
   * fixed date). Cases are placed relative to it: open ones overdue by at most MAX_OVERDUE_DAYS (four
   * weeks) or due soon or later, closed ones in the past; nothing happens after it but deadlines and
   * planned meetings and periods.
   */
  now: Date;
}

/** A fixed `now` for tests and examples that pin dates. */
export const DEMO_NOW = '2026-11-23T07:00:00.000Z';

const optionsSchema = z.object({
  caseCount: z.number().int().min(10).max(100_000),
  seed: z.number().int().optional(),
  now: z.date().refine((date) => !Number.isNaN(date.getTime()), 'Invalid date'),
});

/** Share of each case type in the demo data. */
const typeWeights: Record<CaseType, number> = { followUp: 35, approval: 25, nomination: 15, placement: 15, courseDelivery: 10 };

const caseId = (seq: number) => `case-${String(seq).padStart(6, '0')}`;

/**
 * Deterministic demo data for the fictional Høgskolen i Fjordheim: every case is walked through
 * its real workflow (so statuses, details, deadlines and documents fit together), people have
 * Norwegian names and synthetic national IDs, and each case has about three Norwegian notes.
 * The first cases are fixed: the two FS test persons of the result-exchange seed, each with an
 * approval case ready for a result fetch, the demo student's follow-up case (summoned), the
 * demo applicant's nomination (offer made) and a teacher's report in helse waiting to be opened.
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new AppError('validation', `Demo data options: ${summarizeZodError(parsed.error)}`, parsed.error.issues);
  const { caseCount, seed = 1, now } = parsed.data;
  const ctx = new DemoContext(new Rng(mulberry32(seed)), now.getTime());

  ctx.startCase(seed, 0);
  addFixedCases(ctx);
  for (let seq = ctx.cases.length + 1; seq <= caseCount; seq++) {
    const id = caseId(seq);
    ctx.startCase(seed, seq);
    switch (ctx.rng.weighted(typeWeights)) {
      case 'followUp':
        demoFollowUp(ctx, id, seq);
        break;
      case 'approval':
        demoApproval(ctx, id, seq);
        break;
      case 'nomination':
        demoNomination(ctx, id, seq);
        break;
      case 'placement':
        demoPlacement(ctx, id, seq);
        break;
      case 'courseDelivery':
        demoCourseDelivery(ctx, id, seq);
        break;
    }
  }
  // Tags the latest period's orders with their activity, so it goes before the cases are handed out.
  const activities = demoActivities(ctx.cases, ctx.people, now.toISOString());
  return {
    cases: ctx.cases,
    people: ctx.people,
    notes: ctx.notes,
    tasks: ctx.tasks,
    documents: ctx.documents,
    organisation: demoOrganisation(now),
    offers: demoOffers(now),
    activities,
  };
}

function addFixedCases(ctx: DemoContext): void {
  const studentDomain = `stud.${INSTITUTION.domain}`;
  const recent = (days: number) => ctx.now - days * DAY;
  const testPersons = [
    { givenName: 'Testperson1', nationalId: '01536112185', source: '216' },
    { givenName: 'Testperson2', nationalId: '19588312510', source: '214' },
  ];
  for (const testPerson of testPersons) {
    const subject = ctx.addPerson({
      name: { givenName: testPerson.givenName, familyName: 'Resultatutveksling' },
      nationalId: testPerson.nationalId,
      kind: 'fnr',
      institution: INSTITUTION.id,
      emailDomain: studentDomain,
      at: recent(30),
    });
    const seq = ctx.cases.length + 1;
    demoApproval(ctx, caseId(seq), seq, { subject, source: { code: testPerson.source }, createdAt: recent(14), stopAt: 'processing' });
  }
  const student = ctx.addPerson({
    id: DEMO_STUDENT_ID,
    name: { givenName: 'Ingrid', familyName: 'Åsheim' },
    kind: 'fnr',
    institution: INSTITUTION.id,
    emailDomain: studentDomain,
    at: recent(60),
    maxAge: 24,
  });
  demoFollowUp(ctx, caseId(3), 3, { subject: student, createdAt: recent(12), stopAt: 'summoned' });
  const applicant = ctx.addPerson({
    id: DEMO_APPLICANT_ID,
    name: { givenName: 'Lukas', familyName: 'Schneider' },
    kind: 'dnr',
    institution: 'Hochschule Lindenhof',
    emailDomain: 'example.com',
    at: recent(60),
  });
  demoNomination(ctx, caseId(4), 4, { subject: applicant, partnerId: 'partner-lindenhof', createdAt: recent(40), stopAt: 'offered' });
  // A teacher's fresh report for the demo coordinator of helse to open.
  demoFollowUp(ctx, caseId(5), 5, { departmentId: 'helse', createdAt: recent(1), stopAt: 'reported' });
}
