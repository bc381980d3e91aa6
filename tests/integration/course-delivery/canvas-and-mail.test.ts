import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueIntegration } from '../../../src-server/jobs/integration-jobs';
import { passListOf } from '../../../src-shared/domain/course-delivery/participants';
import {
  clock,
  mailsTo,
  outboxTo,
  people,
  pushEdit,
  pushStep,
  startCourseWorld,
  storeCourse,
  storedCase,
  TEACHER_EMAIL,
  waitForJob,
  waitForMails,
  type CourseWorld,
} from './support';

/**
 * A course from its LMS course to the grades, over real HTTP: the consultant's, the head's and
 * the teacher's pushes queue the server's Canvas and e-mail jobs; the Canvas stand-in ends up with
 * the course, its teacher and students and the evaluation's announcement, the participants get
 * one e-mail per decision, welcome letter and evaluation, and the grades come back onto the case.
 */
const VIDEO_ROOM = 'https://hvl.zoom.example/j/123456';
const EVALUATION_LINK = 'https://nettskjema.no/a/evu-vei-førde';

let world: CourseWorld;
let caseId: string;
let canvasCourseId: number;
beforeAll(async () => {
  world = await startCourseWorld();
  caseId = (await storeCourse(world)).id;
}, 60_000);
afterAll(() => world?.close());

/** Runs an operation's job once more, as a retry after a lost answer would. */
async function runAgain(operation: 'canvas.course.create' | 'web.participants.decisions' | 'canvas.evaluation.post', count: number) {
  const [system, ...rest] = operation.split('.');
  await enqueueIntegration(world.server.app.saksflyt.jobs, { type: 'callIntegration', caseId, system: system as 'canvas' | 'web', operation: rest.join('.') });
  await waitForJob(world, caseId, operation, 'done', count);
}

describe('a course delivery with Canvas and e-mail', () => {
  it('creates the Canvas course once, with the teaching resource as teacher, and records its id on the case', async () => {
    await pushStep(world, world.consultant, caseId, { type: 'prepareLms', videoRoomUrl: VIDEO_ROOM });
    await waitForJob(world, caseId, 'canvas.course.create');
    await runAgain('canvas.course.create', 2);

    const courses = world.canvas.courses.filter((course) => course.sis_course_id === `saksflyt-${caseId}`);
    expect(courses).toEqual([
      expect.objectContaining({
        name: 'Veiledning av studenter i praksis – Førde',
        course_code: 'EVU-VEI-H26',
        start_at: '2026-10-05T00:00:00Z',
        end_at: '2026-11-27T23:59:59Z',
        account_id: '1',
      }),
    ]);
    canvasCourseId = courses[0]!.id;
    const teacher = world.canvas.users.find((user) => user.login_id === TEACHER_EMAIL)!;
    expect(world.canvas.enrollments.filter((e) => e.course_id === canvasCourseId)).toEqual([
      expect.objectContaining({ user_id: teacher.id, type: 'TeacherEnrollment', enrollment_state: 'active' }),
    ]);
    expect((await storedCase(world, caseId)).details.lms).toMatchObject({
      canvasCourseId: String(canvasCourseId),
      teacherAdded: true,
      videoRoomUrl: VIDEO_ROOM,
    });
    expect(world.canvas.requests.every((request) => request.authorization === 'Bearer canvas-test-token')).toBe(true);
  });

  it("e-mails each participant the head's decision once, with what happens next and the reason, æøå intact", async () => {
    const decision = { at: clock(), by: world.head.userId };
    const decided = { aase: 'admitted', kjaersti: 'admitted', bjorn: 'waitlisted', oystein: 'rejected' } as const;
    await pushEdit(world, world.head, caseId, (details) => ({
      applications: { handledAt: decision.at, admitted: 2, waitlisted: 1 },
      participants: details.participants!.map((p) => {
        const key = (Object.keys(people) as (keyof typeof people)[]).find((k) => people[k].id === p.id)!;
        const reason = key === 'oystein' ? 'Kurset krever godkjent praksisveilederutdanning – søk gjerne på nytt til våren.' : undefined;
        return { ...p, status: decided[key], decision: { ...decision, ...(reason ? { reason } : {}) } };
      }),
    }));
    await waitForJob(world, caseId, 'web.participants.decisions');
    await runAgain('web.participants.decisions', 2);

    const [aase, kjaersti, bjorn, oystein] = await waitForMails(
      world,
      [people.aase.email, people.kjaersti.email, people.bjorn.email, people.oystein.email],
      /EVU-VEI-H26/,
    );
    expect(aase!.subject).toBe('Du har fått plass på EVU-VEI-H26 Veiledning av studenter i praksis – Førde');
    expect(aase!.text).toContain('Hei Åse Ødegård,');
    expect(aase!.text).toContain('velkomstbrev med lenke til kursrommet i Canvas');
    expect(aase!.text).toContain('Kursdatoer: 5. oktober 2026 – 27. november 2026, 6 samlinger.');
    expect(kjaersti!.text).toContain('Hei Kjærsti Ødegård-Åsheim,');
    expect(bjorn!.subject).toBe('Du står på venteliste til EVU-VEI-H26 Veiledning av studenter i praksis – Førde');
    expect(bjorn!.text).toContain('Blir en plass ledig, får du beskjed på e-post.');
    expect(oystein!.subject).toBe('Du har ikke fått plass på EVU-VEI-H26 Veiledning av studenter i praksis – Førde');
    expect(oystein!.text).toContain('Begrunnelse: Kurset krever godkjent praksisveilederutdanning – søk gjerne på nytt til våren.');
    expect(aase!.text).not.toContain('Begrunnelse');
    // The job ran twice: each still has exactly one e-mail, queued once.
    for (const person of Object.values(people)) {
      expect(await outboxTo(world, person.email)).toHaveLength(1);
      expect(mailsTo(world, person.email)).toHaveLength(1);
    }
  });

  it("enrols the admitted participants in Canvas and welcomes them with the head's text", async () => {
    await pushEdit(world, world.head, caseId, () => ({
      messages: {
        welcome: { subject: 'Velkommen, {navn}!', body: 'Hei {navn}!\n\n{kurs} starter {start}.\nCanvas: {canvas}\nVideorom: {videorom}\n\nHilsen Per' },
        changedAt: clock(),
        changedBy: world.head.userId,
      },
    }));
    // Kjærsti has a Canvas user from an earlier course: found by her login, not made again.
    const earlier = world.canvas.addUser({ name: 'Kjærsti Ødegård-Åsheim', login_id: people.kjaersti.email });
    await pushStep(world, world.consultant, caseId, { type: 'enrol', participants: 2 });
    await waitForJob(world, caseId, 'canvas.users.enrol');
    await waitForJob(world, caseId, 'web.participants.welcomeLetter');

    const aase = world.canvas.users.find((user) => user.sis_user_id === people.aase.id);
    expect(aase).toMatchObject({ name: 'Åse Ødegård', login_id: people.aase.email });
    expect(world.canvas.users.filter((user) => user.login_id === people.kjaersti.email)).toEqual([earlier]);
    const others = [people.bjorn, people.oystein].map((p) => p.email);
    expect(world.canvas.users.some((user) => others.includes(user.login_id))).toBe(false);
    const students = world.canvas.enrollments.filter((e) => e.course_id === canvasCourseId && e.type === 'StudentEnrollment');
    expect(students.map((e) => [e.user_id, e.enrollment_state])).toEqual([
      [aase!.id, 'active'],
      [earlier.id, 'active'],
    ]);

    const [welcome] = await waitForMails(world, [people.aase.email], /^Velkommen/);
    expect(welcome!.subject).toBe('Velkommen, Åse Ødegård!');
    expect(welcome!.text).toBe(
      [
        'Hei Åse Ødegård!',
        '',
        'Veiledning av studenter i praksis – Førde starter 5. oktober 2026.',
        `Canvas: ${world.canvas.url}/courses/${canvasCourseId}`,
        `Videorom: ${VIDEO_ROOM}`,
        '',
        'Hilsen Per',
      ].join('\n'),
    );
    await waitForMails(world, [people.kjaersti.email], /^Velkommen, Kjærsti Ødegård-Åsheim!$/);
    expect([...mailsTo(world, people.bjorn.email), ...mailsTo(world, people.oystein.email)]).toHaveLength(2);
  });

  it('posts the evaluation once as an announcement in Canvas and e-mails its link to the admitted', async () => {
    await pushStep(world, world.consultant, caseId, { type: 'start' });
    await pushStep(world, world.consultant, caseId, { type: 'sendEvaluation', link: EVALUATION_LINK });
    await waitForJob(world, caseId, 'canvas.evaluation.post');
    await runAgain('canvas.evaluation.post', 2);

    const announcements = world.canvas.topics.filter((topic) => topic.course_id === canvasCourseId);
    expect(announcements).toEqual([expect.objectContaining({ is_announcement: true, title: 'Hva synes du om Veiledning av studenter i praksis – Førde?' })]);
    expect(announcements[0]!.message).toContain(`<a href="${EVALUATION_LINK}">${EVALUATION_LINK}</a>`);
    expect(announcements[0]!.message).toContain('Hei alle,');

    await waitForJob(world, caseId, 'web.participants.evaluation');
    const [aase, kjaersti] = await waitForMails(world, [people.aase.email, people.kjaersti.email], /^Hva synes du om/);
    expect(aase!.text).toContain('Hei Åse Ødegård,');
    expect(aase!.text).toContain(EVALUATION_LINK);
    expect(kjaersti!.text).toContain(EVALUATION_LINK);
    expect(mailsTo(world, people.bjorn.email).filter((mail) => /^Hva synes/.test(mail.subject))).toEqual([]);
  });

  it('reads the grades the teacher asks for onto the case; an answer not as documented writes nothing', async () => {
    await pushStep(world, world.consultant, caseId, { type: 'evaluate', responseRate: 50, findings: 'Nyttig kurs.' });
    world.canvas.setGrades(canvasCourseId, people.aase.email, { final_score: 82, final_grade: 'B' });
    world.canvas.setGrades(canvasCourseId, people.kjaersti.email, { final_score: 31, final_grade: 'F' });

    world.canvas.answerMalformed(true);
    await pushStep(world, world.teacher, caseId, { type: 'requestLmsGrades' });
    const refused = await waitForJob(world, caseId, 'canvas.grades.read', 'failed');
    expect(refused.lastError).toMatch(/Canvas's answer to GET .*enrollments is not as documented/);
    expect((await storedCase(world, caseId)).details.results).toBeUndefined();

    world.canvas.answerMalformed(false);
    await pushStep(world, world.teacher, caseId, { type: 'requestLmsGrades' });
    await waitForJob(world, caseId, 'canvas.grades.read', 'done', 2);
    const { details } = await storedCase(world, caseId);
    expect(details.results).toMatchObject({
      source: 'lms',
      entries: [
        { email: people.aase.email, name: 'Åse Ødegård', result: 'passed' },
        { email: people.kjaersti.email, name: 'Kjærsti Ødegård-Åsheim', result: 'failed' },
      ],
    });
    const passList = passListOf(details.participants!, details.results);
    expect(passList.passed.map((p) => p.id)).toEqual([people.aase.id]);
    expect(passList.failed.map((p) => p.id)).toEqual([people.kjaersti.id]);
    expect([passList.missing, passList.unmatched]).toEqual([[], []]);
  });
});

describe('a decision pushed as a plain edit', () => {
  it('queues the e-mail job in the push, and an edit that decides nothing queues none', async () => {
    const c = await storeCourse(world);
    await pushEdit(world, world.head, c.id, () => ({
      messages: { evaluation: { subject: 'Evaluering av {kurs}', body: 'Svar her: {evalueringslenke}' }, changedAt: clock(), changedBy: world.head.userId },
    }));
    expect((await world.server.app.saksflyt.jobs.forCase(c.id)).map((job) => job.payload)).toEqual([]);
    await pushEdit(world, world.head, c.id, (details) => ({
      participants: details.participants!.map((p) =>
        p.id === people.bjorn.id ? { ...p, status: 'waitlisted', decision: { at: clock(), by: world.head.userId } } : p,
      ),
    }));
    expect((await world.server.app.saksflyt.jobs.forCase(c.id)).map((job) => job.payload)).toEqual([{ system: 'web', operation: 'participants.decisions' }]);
  });

  it("completes the web operations that are not the course's e-mails (the landing page is published outside the app)", async () => {
    const c = await storeCourse(world);
    await enqueueIntegration(world.server.app.saksflyt.jobs, { type: 'callIntegration', caseId: c.id, system: 'web', operation: 'landingPage.publish' });
    expect(await waitForJob(world, c.id, 'web.landingPage.publish')).toMatchObject({ state: 'done', lastError: null });
  });
});
