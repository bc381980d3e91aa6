import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_ID, pushStep, startCourseWorld, storeCourse, storedCase, TOKEN, waitForJob, type CourseWorld } from './support';

/**
 * Canvas when things go wrong, over real HTTP: down (503) — the job is tried again later and
 * nothing is lost; a course an earlier attempt made is found by its SIS id, not made twice; a
 * refused token fails the job with the reason; without CANVAS_URL the jobs wait, saying why.
 */
const VIDEO_ROOM = 'https://hvl.zoom.example/j/987';
let world: CourseWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('the Canvas adapter when Canvas fails', () => {
  it('tries again later while Canvas answers 503, and creates the course once it is back', async () => {
    world = await startCourseWorld();
    const c = await storeCourse(world);
    world.canvas.answerAll(503);
    await pushStep(world, world.consultant, c.id, { type: 'prepareLms', videoRoomUrl: VIDEO_ROOM });
    const retrying = await waitForJob(world, c.id, 'canvas.course.create', 'retrying');
    expect(retrying.lastError).toMatch(/Canvas answered 503 on GET .*; trying again later/);
    expect((await storedCase(world, c.id)).details.lms?.canvasCourseId).toBeUndefined();

    world.canvas.answerAll(undefined);
    const done = await waitForJob(world, c.id, 'canvas.course.create', 'done');
    expect(done.attempts).toBeGreaterThan(1);
    const [course] = world.canvas.courses;
    expect(world.canvas.courses).toHaveLength(1);
    expect((await storedCase(world, c.id)).details.lms).toMatchObject({ canvasCourseId: String(course!.id), teacherAdded: true });
  });

  it('finds the course an attempt made before it could record it, instead of making a second', async () => {
    world = await startCourseWorld();
    const c = await storeCourse(world);
    // An earlier attempt created the course, then its process stopped.
    const made = await fetch(`${world.canvas.url}/api/v1/accounts/${ACCOUNT_ID}/courses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ course: { name: 'Veiledning', sis_course_id: `saksflyt-${c.id}` } }),
    });
    const { id } = (await made.json()) as { id: number };
    await pushStep(world, world.consultant, c.id, { type: 'prepareLms', videoRoomUrl: VIDEO_ROOM });
    await waitForJob(world, c.id, 'canvas.course.create');
    expect(world.canvas.courses.map((course) => course.id)).toEqual([id]);
    expect((await storedCase(world, c.id)).details.lms?.canvasCourseId).toBe(String(id));
    expect(world.canvas.enrollments).toEqual([expect.objectContaining({ course_id: id, type: 'TeacherEnrollment' })]);
  });

  it('fails the job at once with the reason when Canvas refuses the token, and records nothing', async () => {
    world = await startCourseWorld({ token: 'not-the-token' });
    const c = await storeCourse(world);
    await pushStep(world, world.consultant, c.id, { type: 'prepareLms', videoRoomUrl: VIDEO_ROOM });
    const failed = await waitForJob(world, c.id, 'canvas.course.create', 'failed');
    expect(failed.lastError).toMatch(/Canvas refused the API token \(401\) on GET .*: check CANVAS_TOKEN/);
    expect(failed.attempts).toBe(1);
    expect(world.canvas.courses).toEqual([]);
    expect((await storedCase(world, c.id)).details.lms).toMatchObject({ teacherAdded: false });
    expect((await storedCase(world, c.id)).details.lms?.canvasCourseId).toBeUndefined();
  });

  it('leaves Canvas jobs waiting, with the reason, on a server without CANVAS_URL', async () => {
    world = await startCourseWorld({ withCanvas: false });
    const c = await storeCourse(world);
    await pushStep(world, world.consultant, c.id, { type: 'prepareLms', videoRoomUrl: VIDEO_ROOM });
    const waiting = await waitForJob(world, c.id, 'canvas.course.create', 'waiting');
    expect(waiting.lastError).toBe('No adapter for canvas is configured on this server');
    expect(world.canvas.requests).toEqual([]);
  });
});
