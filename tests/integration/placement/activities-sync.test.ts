import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { ActorScope, Role } from '../../../src-shared/domain/access';
import type { PlacementActivity } from '../../../src-shared/domain/placement/activity.schema';
import type { PushResponse } from '../../../src-shared/sync/push.schema';
import { sykehjemActivity } from '../../../dev/testing/activity-fixture';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * The `activities` collection over real HTTP: placement administrators keep the institution's
 * placement activities (with the students' wishes and home municipality); heads of department read
 * their own department's; a site coordinator, a teacher and a student receive nothing and write nothing.
 */
let server: TestServer;
const tokens = new Map<string, string>();
const users: [username: string, role: Role, scope: Partial<ActorScope>][] = [
  ['placementAdmin-1', 'placementAdmin', { departments: ['helse', 'okonomi'] }],
  ['head-helse', 'departmentHead', { departments: ['helse'] }],
  ['head-okonomi', 'departmentHead', { departments: ['okonomi'] }],
  ['teacher-1', 'teacher', { departments: ['helse'] }],
  ['site-sentrum', 'siteCoordinator', { partners: ['site-sentrum'] }],
  ['student', 'student', {}],
];

beforeAll(async () => {
  server = await startTestServer();
  for (const [username, role, scope] of users) {
    await server.addUser({ id: username, username, roles: [role], scope: { institution: 'hifj', departments: [], cohorts: [], partners: [], ...scope } });
    tokens.set(username, (await server.login(username)).accessToken);
  }
});
afterAll(async () => {
  await server?.close();
});

const wire = (doc: object) => ({ ...doc, _deleted: false });
const url = (action: string) => `${server.url}/sync/activities/v${schemaVersionOf('activities')}/${action}`;

async function push(username: string, doc: object, before: object | null = null): Promise<PushResponse> {
  const response = await fetch(url('push'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(username)}` },
    body: JSON.stringify({ rows: [{ newDocumentState: wire(doc), assumedMasterState: before && wire(before) }] }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PushResponse;
}
async function pulled(username: string) {
  const response = await fetch(`${url('pull')}?batchSize=100`, { headers: { authorization: `Bearer ${tokens.get(username)}` } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { documents: PlacementActivity[]; total: number };
  return { ids: body.documents.map((doc) => doc.id).sort(), total: body.total, text: JSON.stringify(body) };
}

describe('placement activities over sync', () => {
  const activity = sykehjemActivity();

  beforeAll(async () => {
    expect(await push('placementAdmin-1', activity)).toMatchObject({ rejections: [], conflicts: [] });
  });

  it('sends the activity to placement administrators and the head of its department only', async () => {
    expect(await pulled('placementAdmin-1')).toMatchObject({ ids: [activity.id], total: 1 });
    expect(await pulled('head-helse')).toMatchObject({ ids: [activity.id], total: 1 });
    for (const username of ['head-okonomi', 'teacher-1', 'site-sentrum', 'student']) {
      const { ids, total, text } = await pulled(username);
      expect({ username, ids, total }).toEqual({ username, ids: [], total: 0 });
      // Not a trace of the students' wishes or home municipality.
      expect(text).not.toContain('Nordli');
    }
  });

  it('refuses an activity written by anyone but a placement administrator, and keeps the stored one', async () => {
    const changed = { ...activity, courseName: 'Endret av andre', updatedAt: '2026-08-02T08:00:00.000Z' };
    for (const username of ['head-helse', 'teacher-1', 'site-sentrum', 'student']) {
      const { rejections } = await push(username, changed, activity);
      expect({ username, reason: rejections[0]?.reason }).toEqual({ username, reason: 'forbidden' });
    }
    const stored = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = 'activities' AND id = $1`, [activity.id]);
    expect(JSON.parse(stored[0]!.doc).courseName).toBe(activity.courseName);
  });

  it('keeps the institution, department and creator of an activity fixed, and refuses one created in another’s name', async () => {
    const moved = { ...activity, department: 'okonomi', updatedAt: '2026-08-02T09:00:00.000Z' };
    expect((await push('placementAdmin-1', moved, activity)).rejections[0]).toMatchObject({ reason: 'immutable', code: 'fixed-field' });
    const inAnotherName = sykehjemActivity({ id: 'activity-2', createdBy: 'someone-else' });
    expect((await push('placementAdmin-1', inAnotherName)).rejections[0]).toMatchObject({ reason: 'forbidden' });
  });

  it('quarantines an activity that does not fit the schema (a class name that is not a letter)', async () => {
    const bad = sykehjemActivity({ id: 'activity-3', classes: [{ name: 'a1' }] });
    expect((await push('placementAdmin-1', bad)).rejections[0]).toMatchObject({ reason: 'invalid-document' });
  });
});
