import { addDays, fromEpochDay } from '../../src-shared/domain/calendar/iso-date';
import { courseDeliveryWorkflow } from '../../src-shared/domain/course-delivery/course-delivery.workflow';
import { deadline } from '../../src-shared/domain/workflow/step-helpers';
import { CaseRun, dateAfter, DAY, HOUR, mondayFrom, startOf, type DemoContext } from './demo-context';
import { INSTITUTION } from './organisation';
import { pickDepartment } from './pick';
import * as text from './texts';

/** One further-education course run, from planning to course certificates. */
export function demoCourseDelivery(ctx: DemoContext, id: string, seq: number): void {
  const { rng, directory } = ctx;
  const department = pickDepartment(rng);
  const course = rng.pick(department.furtherEducation);
  const head = directory.head(department.id);
  const consultant = directory.consultant();
  const teacher = directory.teacher(department.id, rng.pick([1, 2] as const));
  const createdAt = ctx.now - rng.int(0, 300) * DAY - rng.int(1, 12) * HOUR;
  const base = Math.floor(createdAt / DAY) + rng.int(45, 120);
  const startDay = mondayFrom(base);
  const startDate = fromEpochDay(startDay);
  const endDate = fromEpochDay(startDay + rng.int(8, 16) * 7 - 3);
  const term = `${Number(startDate.slice(5, 7)) <= 6 ? 'V' : 'H'}${startDate.slice(2, 4)}`;
  const slug = `${course.code.toLowerCase()}-${term.toLowerCase()}`;

  const run = new CaseRun(ctx, courseDeliveryWorkflow, {
    id,
    seq,
    type: 'courseDelivery',
    title: `Kursgjennomføring – ${course.name} (${term})`,
    status: 'planned',
    department: department.id,
    cohort: '',
    subjectPersonId: '',
    creator: head,
    createdAt,
    assignees: [head.userId, teacher.userId],
    deadlines: [deadline('contract', dateAfter(createdAt, 7), 'Sende kontrakt til undervisningsressurs')],
    details: {
      course: {
        code: `${course.code}-${term}`,
        name: course.name,
        credits: rng.pick([7.5, 10, 15]),
        sessions: rng.int(4, 8),
        startDate,
        endDate,
        priceNok: rng.pick([9900, 14_900, 19_900, 24_500]),
      },
      teachingResource: { userId: teacher.userId, name: teacher.name },
      // The public registration page's set-up (no draw from rng: the other demo cases stay as they were).
      registration: { capacity: 25, deadline: addDays(startDate, -21), fields: ['phone', 'employer', 'invoiceAddress'] },
    },
  });
  const done = () => void run.finish([consultant, head], text.noteTexts.courseDelivery);

  if (rng.chance(0.05)) {
    run.step(head, [1, 30], (at) => ({ type: 'cancel', at, reason: 'For få påmeldte til å gjennomføre kurset.' }));
    return done();
  }
  if (!run.step(head, [1, 5], (at) => ({ type: 'sendContract', at, documentId: `${id}-contract` }))) return done();
  if (!run.step(teacher, [1, 7], (at) => ({ type: 'signContract', at }))) return done();
  run.sign('contract', teacher.name);
  if (!run.step(head, [0, 3], (at) => ({ type: 'archiveContract', at }))) return done();
  const site = `https://www.${INSTITUTION.domain}/evu/${slug}`;
  if (!run.step(consultant, [1, 7], (at) => ({ type: 'publish', at, url: site, registrationUrl: `${site}/pamelding` }))) return done();
  const lms = run.step(consultant, [5, 20], (at) => ({
    type: 'prepareLms',
    at,
    canvasCourseId: String(rng.int(10_000, 99_999)),
    videoRoomUrl: `https://${INSTITUTION.domain}/zoom/${rng.int(100_000_000, 999_999_999)}`,
  }));
  if (!lms) return done();
  const admitted = rng.int(8, 35);
  const handled = run.edit(head, [1, 10], (details, at) => ({ ...details, applications: { handledAt: at, admitted, waitlisted: rng.int(0, 6) } }));
  if (!handled) return done();
  if (!run.step(consultant, [0, 5], (at) => ({ type: 'enrol', at, participants: admitted }))) return done();
  const startMs = startOf(startDate);
  if (!run.step(consultant, [0, 0], (at) => ({ type: 'start', at }), startMs + 8 * HOUR)) return done();
  const endMs = startOf(endDate);
  const evaluated = run.step(
    consultant,
    [0, 2],
    (at) => ({ type: 'evaluate', at, responseRate: rng.int(35, 90), findings: text.evaluationFindings(rng) }),
    endMs - 7 * DAY + 10 * HOUR,
  );
  if (!evaluated) return done();
  const submissionDeadline = fromEpochDay(Math.floor(endMs / DAY) + 14);
  const failed = rng.int(0, Math.floor(admitted / 6));
  const graded = run.step(
    teacher,
    [1, 21],
    (at) => ({ type: 'grade', at, submissionDeadline, passed: admitted - failed, failed }),
    endMs + (14 + rng.int(1, 21)) * DAY + 9 * HOUR,
  );
  if (!graded) return done();
  if (!run.edit(head, [1, 5], (details, at) => ({ ...details, certificateText: { writtenAt: at, text: text.certificateText } }))) return done();
  if (!run.step(consultant, [0, 3], (at) => ({ type: 'issueCertificates', at }))) return done();
  run.step(head, [1, 10], (at) => ({ type: 'close', at }));
  return done();
}
