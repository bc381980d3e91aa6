import type { Case } from '../../src-shared/domain/case/case.schema';
import type { ConcernKind, ConcernReport, DecisionOutcome, FollowUpDetails, FollowUpStatus } from '../../src-shared/domain/follow-up/follow-up.schema';
import { concernKinds } from '../../src-shared/domain/follow-up/follow-up.schema';
import { followUpWorkflow, joinReports, type FollowUpEvent } from '../../src-shared/domain/follow-up/follow-up.workflow';
import type { Person } from '../../src-shared/domain/person/person.schema';
import { deadline } from '../../src-shared/domain/workflow/step-helpers';
import { CaseRun, dateAfter, DAY, HOUR, iso, startOf, type DemoContext } from './demo-context';
import { fullName, norwegianName } from './names';
import { INSTITUTION, type Course, departments } from './organisation';
import { pickDepartment } from './pick';
import * as text from './texts';

const outcomeWeights: Record<DecisionOutcome, number> = { continuationWithConditions: 55, revisedEducationPlan: 30, lossOfStudyRight: 15 };

export interface FixedFollowUp {
  /** The student; a new one when not given. */
  subject?: Person;
  stopAt: FollowUpStatus;
  createdAt: number;
  /** The department; drawn like any case's when not given. */
  departmentId?: string;
}

/** One follow-up case, from a teacher's report (or the coordinator's own overview) as far as time allows. */
export function demoFollowUp(ctx: DemoContext, id: string, seq: number, fixed?: FixedFollowUp): void {
  const { rng, directory } = ctx;
  const department = departments.find((d) => d.id === fixed?.departmentId) ?? pickDepartment(rng);
  const cohort = rng.pick(department.cohorts);
  const coordinator = directory.coordinator(department.id);
  const head = directory.head(department.id);
  const rector = directory.rector();
  const teacher = directory.teacher(department.id, rng.pick([1, 2] as const));
  const course = rng.pick(department.courses);
  const createdAt = fixed?.createdAt ?? ctx.now - rng.int(0, 200) * DAY - rng.int(1, 12) * HOUR;

  const byTeacher = fixed ? true : rng.chance(0.8);
  const target = byTeacher && !fixed && rng.chance(0.08) ? ctx.openFollowUps.get(cohort.id)?.at(-1) : undefined;
  const student =
    fixed?.subject ??
    (target
      ? ctx.person(ctx.cases[target]!.subjectPersonId)
      : ctx.addPerson({
          name: norwegianName(rng),
          kind: 'fnr',
          institution: INSTITUTION.id,
          emailDomain: `stud.${INSTITUTION.domain}`,
          at: createdAt,
          maxAge: 35,
        }));
  const first = student.givenName;
  const report = concernReport(ctx, `${id}-r1`, teacher, createdAt, course, first);
  ctx.enrol(student, [cohort.id, course.code]);

  const run = new CaseRun(ctx, followUpWorkflow, {
    id,
    seq,
    type: 'followUp',
    title: `Oppfølging – ${fullName(student)} (${cohort.id})`,
    status: byTeacher ? 'reported' : 'open',
    department: department.id,
    cohort: cohort.id,
    subjectPersonId: student.id,
    creator: byTeacher ? teacher : coordinator,
    createdAt,
    assignees: byTeacher ? [] : [coordinator.userId],
    deadlines: [
      byTeacher
        ? deadline('triage', dateAfter(createdAt, 5), 'Vurdere bekymringsmeldingen')
        : deadline('summons', dateAfter(createdAt, 7), 'Kalle inn studenten'),
    ],
    details: { reports: byTeacher ? [report] : [] },
    stopAt: fixed?.stopAt,
  });
  const authors = [coordinator];
  const done = () => {
    const c = run.finish(authors, text.noteTexts.followUp);
    if (!followUpWorkflow.terminal.includes(c.status as FollowUpStatus) && c.status !== 'reported') {
      const open = ctx.openFollowUps.get(c.cohort) ?? [];
      open.push(ctx.cases.length - 1);
      ctx.openFollowUps.set(c.cohort, open);
    }
  };

  if (target !== undefined) {
    const into = ctx.cases[target]!;
    if (run.step(coordinator, [1, 4], (at) => ({ type: 'merge', at, intoCaseId: into.id }), Date.parse(into.createdAt) + HOUR)) {
      joinInto(ctx, target, report, run.state.updatedAt, coordinator.userId);
    }
    return done();
  }
  if (byTeacher && !run.step(coordinator, [1, 6], (at) => ({ type: 'open', at }))) return done();
  if (!fixed && rng.chance(0.08)) {
    run.step(coordinator, [1, 10], (at) => ({ type: 'closeWithoutDecision', at, reason: text.closureReason(rng) }));
    return done();
  }

  let meeting = 0;
  const summon = () =>
    run.step(coordinator, [0, 3], (at, ms): FollowUpEvent => {
      meeting = ctx.advance(ms, 3, 10);
      const video = rng.chance(0.35);
      return {
        type: 'summon',
        at,
        meetingAt: iso(meeting),
        mode: video ? 'video' : 'inPerson',
        location: video
          ? `https://${INSTITUTION.domain}/zoom/${rng.int(100_000_000, 999_999_999)}`
          : `Rom ${rng.pick(['A', 'B', 'C'])}${rng.int(1, 3)}-0${rng.int(10, 45)}, Campus Fjordheim`,
        reason: text.summonsReason(rng, course),
      };
    });
  if (!summon()) return done();
  if (rng.chance(0.1)) {
    if (!run.step(coordinator, [0, 0], (at) => ({ type: 'recordNoShow', at }), meeting + HOUR)) return done();
    if (!summon()) return done();
  }
  const held = run.step(
    coordinator,
    [0, 0],
    (at, ms) => {
      const measureDue = dateAfter(ms, 21);
      const note = ctx.addNote(
        id,
        coordinator,
        ms,
        text.conversationNote(rng, first, course),
        {
          text: text.agreedMeasure(rng, course),
          ownerName: fullName(student),
          due: measureDue,
        },
        'shared',
      ); // the agreed measure is the student's too: the protocol they sign
      return { type: 'holdConversation', at, participants: [coordinator.name, fullName(student)], noteIds: [note.id] };
    },
    meeting + HOUR,
  );
  if (!held) return done();
  if (!run.step(coordinator, [1, 5], (at) => ({ type: 'draftProtocol', at, documentId: `${id}-protocol`, summary: text.protocolSummary(first, course) })))
    return done();
  if (!run.step(coordinator, [0, 2], (at) => ({ type: 'signAsStudent', at, signerName: fullName(student), method: 'onScreen' }))) return done();
  run.sign('protocol', fullName(student));
  if (!run.step(coordinator, [0, 1], (at) => ({ type: 'signAsCoordinator', at }))) return done();
  run.sign('protocol', coordinator.name);
  if (!run.step(coordinator, [0, 2], (at) => ({ type: 'sendProtocol', at }))) return done();

  authors.push(head);
  if (rng.chance(0.3)) {
    run.step(head, [3, 14], (at) => ({ type: 'closeWithoutDecision', at, reason: text.closureReason(rng) }));
    return done();
  }
  let decisionMeeting = 0;
  const called = run.step(head, [2, 7], (at, ms) => {
    decisionMeeting = ctx.advance(ms, 5, 14);
    return {
      type: 'callMeeting',
      at,
      meetingAt: iso(decisionMeeting),
      location: 'Møterom Fjellet, administrasjonsbygget',
      participantIds: [rector.userId, coordinator.userId],
    };
  });
  if (!called) return done();
  // At the meeting the rector gives their view in a step of their own; now and then it is to close without a decision.
  const noDecision = rng.chance(0.15);
  run.stepAt(rector, decisionMeeting, (at) => ({ type: 'reviewWithRector', at, recommendsDecision: !noDecision, comment: '' }));
  if (noDecision) {
    run.step(head, [0, 1], (at) => ({ type: 'closeWithoutDecision', at, reason: text.closureReason(rng) }), decisionMeeting + HOUR);
    return done();
  }
  const outcome = rng.weighted(outcomeWeights);
  const decided = run.step(
    head,
    [0, 1],
    (at) => ({
      type: 'decide',
      at,
      outcome,
      legalBasis: text.decisionLegalBasis[outcome],
      facts: text.decisionFacts(first, course),
      considerations: text.decisionConsiderations[outcome],
      documentId: `${id}-decision`,
    }),
    decisionMeeting + HOUR,
  );
  if (!decided) return done();
  if (!run.step(head, [1, 3], (at) => ({ type: 'archiveDecision', at, reference: `${run.state.caseNumber}-${rng.int(2, 6)}` }))) return done();
  if (!run.step(head, [0, 2], (at) => ({ type: 'sendDecision', at }))) return done();
  const appealEnds = startOf(run.state.details.decisionDelivery!.appealDeadline);
  run.step(head, [1, 7], (at) => ({ type: 'close', at }), appealEnds + DAY);
  return done();
}

function concernReport(ctx: DemoContext, id: string, teacher: { userId: string; name: string }, at: number, course: Course, first: string): ConcernReport {
  const { rng } = ctx;
  const kinds = [rng.pick(concernKinds)];
  if (rng.chance(0.4)) {
    const second: ConcernKind = rng.pick(concernKinds);
    if (second !== kinds[0]) kinds.push(second);
  }
  return {
    id,
    reportedBy: teacher.userId,
    reporterName: teacher.name,
    reportedAt: iso(at),
    course: { code: course.code, name: course.name },
    concerns: kinds,
    description: text.concernDescription(rng, kinds[0]!, course, first),
    coursework: [
      { title: 'Arbeidskrav 1', status: rng.pick(['approved', 'notApproved', 'submitted'] as const) },
      { title: 'Arbeidskrav 2', status: rng.pick(['notSubmitted', 'notApproved', 'resubmissionRequired'] as const) },
    ],
    ...(kinds.includes('missingParticipation') ? { absencePercent: rng.int(20, 60) } : {}),
  };
}

/** The coordinator's edit of the student's open case when a further report is joined into it. */
function joinInto(ctx: DemoContext, index: number, report: ConcernReport, at: string, by: string): void {
  const target = ctx.cases[index]!;
  const later = at > target.updatedAt;
  const details = joinReports(target.details as FollowUpDetails, [report]);
  const joined: Case = { ...target, details, ...(later ? { updatedAt: at, updatedBy: by } : {}) };
  ctx.cases[index] = joined;
}
