import { afterAll, beforeAll, expect, it } from 'vitest';
import { courseDeliveryStart, REGISTRATION } from '../../../dev/testing/fixtures';
import { REGISTRATIONS_PER_MINUTE } from '../../../src-server/portal/course/course.routes';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { CourseDeliveryDetails } from '../../../src-shared/domain/course-delivery';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * Anyone may register for a course, and each registration e-mails the address it gives: one
 * address (a script) is stopped after REGISTRATIONS_PER_MINUTE a minute, with 429 and nothing stored.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.close());

it('stops one address after its registrations of the minute, storing nothing more and saying when to try again', async () => {
  const start = courseDeliveryStart();
  const details: CourseDeliveryDetails = { ...start.details, registration: { capacity: 500, deadline: addDays(dateOf(new Date()), 14), fields: [] } };
  const course = { ...start, status: 'published' as const, details };
  await importDocuments(
    server.db,
    defaultSyncCollections().find((c) => c.name === 'cases')!,
    [course],
    { actorId: null, action: 'test' },
  );
  const register = (n: number) =>
    fetch(`${server.url}/portal/api/courses/${course.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: REGISTRATION.name, birthDate: REGISTRATION.birthDate, email: `deltaker${n}@example.no` }),
    });

  for (let n = 1; n <= REGISTRATIONS_PER_MINUTE; n++) expect((await register(n)).status).toBe(201);
  const refused = await register(REGISTRATIONS_PER_MINUTE + 1);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(syncErrorSchema.parse(await refused.json())).toMatchObject({ code: 'too-many-requests' });
  const stored = (await server.app.saksflyt.steps.caseById(course.id))!.details as CourseDeliveryDetails;
  expect(stored.participants).toHaveLength(REGISTRATIONS_PER_MINUTE);
  // The course's page itself stays readable.
  expect((await fetch(`${server.url}/portal/api/courses/${course.id}`)).status).toBe(200);
});
