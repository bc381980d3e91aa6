import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSeeCase, type Actor } from '../../../src-shared/domain/access';
import { partAccess, registerTable } from '../../../src-shared/domain/access/access-table';
import { checkCaseChange } from '../../../src-shared/domain/case/case-change';
import { caseTypes } from '../../../src-shared/domain/case/case-type';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { demoUsers, type DemoData } from '../../../dev/demo-data';
import { SyncTransport } from '../../../src-renderer/sync/sync-transport';
import { sessionAuth } from './support/client';
import { importDemoData } from './support/demo';
import { pullAll } from './support/pull-all';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Every demo user (every role) pulls every collection from scratch and pushes an edit to one case
 * of every type. What comes back must be exactly what the shared access rules allow: 0 leaks,
 * 0 misses, and refused pushes never carry content the user may not see.
 */
let server: TestServer;
let data: DemoData;
const users = demoUsers();
const transports = new Map<string, SyncTransport>();

beforeAll(async () => {
  server = await startTestServer();
  data = await importDemoData(server.db, 150);
  for (const user of users) {
    await server.addUser({ id: user.userId, username: user.userId, name: user.name, roles: user.roles, scope: user.scope });
    transports.set(user.userId, new SyncTransport({ baseUrl: server.url, auth: sessionAuth(server.url, await server.login(user.userId)) }));
  }
}, 120_000);
afterAll(() => server.close());

const pushOutcomes = { stored: 0, refused: 0 };
const idsOf = (docs: { id?: unknown }[]) => new Set(docs.map((doc) => String(doc.id)));
const sorted = (ids: Iterable<string>) => [...ids].sort();
/** The institution's own staff (partners, students and applicants are not). */
const staffRoles = new Set(['teacher', 'cohortCoordinator', 'departmentHead', 'rector', 'operationsConsultant', 'caseOfficer', 'placementAdmin']);
const isStaff = (actor: Actor) => actor.roles.some((role) => staffRoles.has(role));

describe('access matrix over pull', () => {
  it('covers every role and every case type', () => {
    const roles = new Set(users.flatMap((user) => user.roles));
    expect(roles.size).toBe(12);
    expect(new Set(data.cases.map((c) => c.type))).toEqual(new Set(caseTypes));
  });

  it.each(users.map((user) => [user.roles.join('+'), user.userId, user] as const))(
    '%s %s receives exactly what the rules allow',
    async (_role, _id, user: Actor) => {
      const transport = transports.get(user.userId)!;
      const visibleCases = data.cases.filter((c) => canSeeCase(user, c));
      const visibleIds = new Set(visibleCases.map((c) => c.id));
      // Need to know (access-table.ts): each demo user holds one role; a record of a visible case is
      // received when the role reads its part, own entries only for 'o' (tasks: assigned to the user).
      const role = user.roles[0]!;
      const caseOf = new Map(visibleCases.map((c) => [c.id, c]));
      const reads = (caseId: string, part: string, owner?: string) => {
        const c = caseOf.get(caseId);
        const access = c ? partAccess(c.type, role, part) : '-';
        return access === 'r' || access === 'w' || (access === 'o' && owner === user.userId);
      };
      const register = registerTable[role].people;
      const expected: Record<string, Set<string>> = {
        cases: visibleIds,
        notes: idsOf(data.notes.filter((n) => reads(n.caseId, n.visibility === 'shared' ? 'sharedNotes' : 'internalNotes'))),
        tasks: idsOf(data.tasks.filter((t) => reads(t.caseId, 'tasks', t.assigneeId))),
        documents: idsOf(data.documents.filter((d) => reads(d.caseId, 'documents'))),
        // Staff receive their part of the institution's register (all of it, or their own cohorts
        // and courses); everyone the people their cases are about.
        people: new Set(
          data.people
            .filter(
              (p) =>
                (p.institution === user.scope.institution &&
                  (register === 'all' || (register === 'cohorts' && p.cohorts.some((code) => user.scope.cohorts.includes(code))))) ||
                visibleCases.some((c) => c.subjectPersonId === p.id),
            )
            .map((p) => p.id),
        ),
        // The staff directory: the institution's staff accounts, to its staff only.
        staff: new Set(isStaff(user) ? users.filter((u) => isStaff(u) && u.scope.institution === user.scope.institution).map((u) => u.userId) : []),
      };
      for (const [collection, ids] of Object.entries(expected)) {
        const pulled = await pullAll(transport, collection);
        expect({ collection, ids: sorted(idsOf(pulled.documents)) }).toEqual({ collection, ids: sorted(ids) });
        expect(pulled.purged).toEqual([]);
      }
      // Per case type: what the user got, compared with the rule (including "nothing").
      const pulledCases = (await pullAll(transport, 'cases')).documents as unknown as Case[];
      for (const type of caseTypes) {
        const got = pulledCases.filter((c) => c.type === type).length;
        expect({ type, got }).toEqual({ type, got: visibleCases.filter((c) => c.type === type).length });
      }
    },
  );
});

describe('access matrix over push', () => {
  it.each(users.map((user) => [user.roles.join('+'), user.userId, user] as const))(
    '%s %s can change only what the rules allow',
    async (_role, _id, user: Actor) => {
      const transport = transports.get(user.userId)!;
      for (const type of caseTypes) {
        // A case of this type the user can see if there is one, else any: the forging worst case
        // (a client that claims to know the stored state of a case it may not see).
        const ofType = data.cases.filter((c) => c.type === type);
        for (const target of [ofType.find((c) => canSeeCase(user, c)), ofType.find((c) => !canSeeCase(user, c))]) {
          if (!target) continue;
          const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [target.id]);
          const before = JSON.parse(row!.doc) as Case;
          const after: Case = { ...before, title: `${before.title} (${user.userId})`, updatedBy: user.userId, updatedAt: '2026-11-23T08:00:00.000Z' };
          const allowed = canSeeCase(user, before) && checkCaseChange({ before, after, actor: user }).ok;
          const response = await transport.push('cases', 0, [
            { assumedMasterState: { ...before, _deleted: false }, newDocumentState: { ...after, _deleted: false } },
          ]);
          const [stored] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1`, [target.id]);
          const title = (JSON.parse(stored!.doc) as Case).title;
          expect({ type, case: target.id, allowed, stored: title === after.title }).toEqual({ type, case: target.id, allowed, stored: allowed });
          pushOutcomes[allowed ? 'stored' : 'refused']++;
          if (!allowed) {
            expect(response.rejections).toHaveLength(1);
            expect(['forbidden', 'workflow']).toContain(response.rejections[0]!.reason);
          }
          if (!canSeeCase(user, before)) {
            expect(response.rejections[0]).toMatchObject({ reason: 'forbidden', masterState: null });
            expect(response.conflicts).toEqual([]);
            expect(JSON.stringify(response)).not.toContain(before.title);
          }
        }
      }
    },
  );

  it('exercised both outcomes', () => {
    expect(pushOutcomes.stored).toBeGreaterThan(5);
    expect(pushOutcomes.refused).toBeGreaterThan(5);
  });

  it('refuses every change to the staff directory: the server keeps it, from its accounts', async () => {
    const coordinator = users.find((user) => user.roles.includes('cohortCoordinator'))!;
    const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'staff' AND id = $1`, [coordinator.userId]);
    const own = JSON.parse(row!.doc) as Record<string, unknown>;
    const response = await transports
      .get(coordinator.userId)!
      .push('staff', 0, [{ assumedMasterState: { ...own, _deleted: false }, newDocumentState: { ...own, name: 'Noen andre', _deleted: false } }]);
    expect(response.rejections).toEqual([expect.objectContaining({ id: coordinator.userId, reason: 'forbidden' })]);
    const [after] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'staff' AND id = $1`, [coordinator.userId]);
    expect(JSON.parse(after!.doc)).toEqual(own);
  });

  it('never returns a stored document the user may not see as a conflict', async () => {
    const student = users.find((user) => user.roles.includes('student'))!;
    const hidden = data.cases.find((c) => !canSeeCase(student, c))!;
    const response = await transports
      .get(student.userId)!
      .push('cases', 0, [{ assumedMasterState: null, newDocumentState: { ...hidden, title: 'Gjettet', _deleted: false } }]);
    expect(response).toEqual({
      conflicts: [],
      rejections: [{ id: hidden.id, reason: 'forbidden', message: expect.any(String), masterState: null }],
      revisions: {},
    });
  });
});
