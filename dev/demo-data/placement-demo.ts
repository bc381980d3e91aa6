import { fromEpochDay } from '../../src-shared/domain/calendar/iso-date';
import { placementWorkflow } from '../../src-shared/domain/placement/placement.workflow';
import { deadline } from '../../src-shared/domain/workflow/step-helpers';
import { CaseRun, dateAfter, DAY, HOUR, mondayFrom, startOf, type DemoContext } from './demo-context';
import { fullName, norwegianName } from './names';
import { departments, INSTITUTION, placementSites } from './organisation';
import * as text from './texts';

/** One placement order to one site, from the draft to the completed placement period. */
export function demoPlacement(ctx: DemoContext, id: string, seq: number): void {
  const { rng, directory } = ctx;
  const site = rng.pick(placementSites);
  const department = departments.find((d) => d.id === site.department)!;
  const course = rng.pick(department.placementCourses);
  const admin = directory.placementAdmin();
  const siteCoordinator = directory.siteCoordinator(site.id);
  const teacher = directory.teacher(department.id, rng.pick([1, 2] as const));
  const createdAt = ctx.now - rng.int(0, 240) * DAY - rng.int(1, 12) * HOUR;
  // The period starts on a Monday 4–12 weeks after the order is drafted and lasts 6–8 weeks.
  const base = Math.floor(createdAt / DAY) + rng.int(28, 84);
  const fromDay = mondayFrom(base);
  const from = fromEpochDay(fromDay);
  const to = fromEpochDay(fromDay + rng.int(6, 8) * 7 - 3);
  const classes = rng.chance(0.4) ? ['A', 'B'] : ['A'];
  const term = `${Number(from.slice(5, 7)) <= 6 ? 'vår' : 'høst'} ${from.slice(0, 4)}`;

  const run = new CaseRun(ctx, placementWorkflow, {
    id,
    seq,
    type: 'placement',
    title: `Praksisbestilling ${course.code} ${term} – ${site.name}`,
    status: 'draft',
    department: department.id,
    cohort: site.id,
    subjectPersonId: '',
    creator: admin,
    createdAt,
    assignees: [admin.userId, teacher.userId],
    deadlines: [deadline('order', dateAfter(createdAt, 7), 'Sende bestilling')],
    details: {
      activity: {
        courseCode: course.code,
        courseName: course.name,
        from,
        to,
        classes,
        requirements: rng.pick([[], [], ['Studentene må kunne kommunisere på engelsk'], ['Bestått emnet SYK1001 før praksisstart']]),
      },
      site: { id: site.id, name: site.name, unit: site.unit },
      order: { requestedPlaces: rng.int(2, 8) },
      supervisorChangeRequests: [],
      supervisorChangeDecisions: [],
    },
  });
  const done = () => void run.finish([admin], text.noteTexts.placement);

  if (rng.chance(0.04)) {
    run.step(admin, [1, 10], (at) => ({ type: 'cancel', at, reason: 'Praksisemnet er flyttet til neste semester.' }));
    return done();
  }
  if (!run.step(admin, [0, 3], (at) => ({ type: 'sendOrder', at }))) return done();
  if (rng.chance(0.08)) {
    run.step(siteCoordinator, [2, 14], (at) => ({ type: 'declineOrder', at, reason: 'Ingen ledig veiledningskapasitet i perioden.' }));
    return done();
  }
  const places = rng.int(1, run.state.details.order.requestedPlaces);
  if (!run.step(siteCoordinator, [2, 14], (at) => ({ type: 'confirmCapacity', at, places }))) return done();
  // The site's own users: its coordinator also supervises when the class needs two supervisors.
  const contact = (user: { userId: string; name: string; email: string }) => ({ userId: user.userId, name: user.name, email: user.email });
  const supervisor = directory.siteSupervisor(site.id);
  const staffing = classes.map((className) => ({
    className,
    coordinator: contact(siteCoordinator),
    supervisors: [{ ...contact(supervisor), limit: places }, ...(rng.chance(0.5) ? [{ ...contact(siteCoordinator), limit: 2 }] : [])],
  }));
  if (!run.step(siteCoordinator, [1, 10], (at) => ({ type: 'assignStaff', at, staffing }))) return done();
  const students = Array.from({ length: places }, (_, i) => {
    const className = classes[i % classes.length]!;
    const person = ctx.addPerson({
      id: `${id}-student-${i + 1}`,
      name: norwegianName(rng),
      kind: 'fnr',
      institution: INSTITUTION.id,
      emailDomain: `stud.${INSTITUTION.domain}`,
      at: createdAt,
    });
    // A placement student belongs to one of the department's cohorts (its teachers receive them).
    ctx.enrol(person, [rng.pick(department.cohorts).id]);
    return { personId: person.id, name: fullName(person), email: person.email, className, supervisorId: supervisor.userId };
  });
  if (!run.step(admin, [3, 14], (at) => ({ type: 'distributeStudents', at, students }))) return done();
  if (!run.step(admin, [0, 0], (at) => ({ type: 'start', at }), startOf(from) + 7 * HOUR)) return done();
  run.step(admin, [0, 3], (at) => ({ type: 'complete', at }), startOf(to) + 14 * HOUR);
  return done();
}
