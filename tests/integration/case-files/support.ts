import { demoCourse } from '../../../src-main/cli/course-demo-case';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import type { Role } from '../../../src-shared/domain/access';
import { startTestServer, type TestServer } from '../sync/support/test-server';

export const course = demoCourse();
export const COURSE_CASE_ID = course.start.id;

/** The people of the tests: the course's head and teaching resource, a head of another department, a student. */
export const people = {
  head: { id: course.departmentHead.id, name: course.departmentHead.name, roles: ['departmentHead'], department: course.start.department },
  teacher: { id: course.teachingResource.id, name: course.teachingResource.name, roles: ['teacher'], department: course.start.department },
  otherHead: { id: 'staff-other-head', name: 'Ola Annenavdeling', roles: ['departmentHead'], department: 'other-department' },
  student: { id: 'student-kari', name: 'Kari Student', roles: ['student'], department: course.start.department },
} as const satisfies Record<string, { id: string; name: string; roles: Role[]; department: string }>;

/** A real server holding the demo course case, with the people above as accounts (username = id). */
export async function startCaseFilesServer(): Promise<TestServer> {
  const server = await startTestServer();
  for (const person of Object.values(people)) {
    await server.addUser({
      id: person.id,
      username: person.id,
      name: person.name,
      roles: [...person.roles],
      scope: { institution: course.start.institution, departments: [person.department], cohorts: [], partners: [] },
    });
  }
  const cases = defaultSyncCollections().find((collection) => collection.name === 'cases')!;
  await importDocuments(server.db, cases, [course.start], { actorId: null, action: 'test' });
  return server;
}
