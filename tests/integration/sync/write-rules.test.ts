import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src-shared/domain/access';
import { schemaVersionOf, type CollectionName } from '../../../src-shared/db/collections';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { actorFor, after, followUpEvents, followUpStart, SUBJECT_ID, walk, workflowsUnderTest } from '../../../dev/testing';
import type { PushResponse } from '../../../src-shared/sync/push.schema';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * The write rules as an attacker with a valid account meets them: scripted pushes over real HTTP,
 * each user signed in with the fixtures' roles and scope.
 */
let server: TestServer;
const tokens = new Map<Role, string>();
const users: Role[] = ['teacher', 'cohortCoordinator', 'departmentHead', 'rector', 'student', 'caseOfficer', 'nominator'];

beforeAll(async () => {
  server = await startTestServer();
  for (const role of users) {
    const actor = actorFor(role);
    await server.addUser({ id: actor.userId, username: role, roles: [role], scope: actor.scope, email: `${role}@hifj.no` });
    tokens.set(role, (await server.login(role)).accessToken);
  }
});
afterAll(async () => {
  await server?.close();
});

type Row = { newDocumentState: Record<string, unknown>; assumedMasterState?: Record<string, unknown> | null };

async function push(role: Role, collection: CollectionName, rows: Row[]): Promise<{ status: number; body: PushResponse }> {
  const response = await fetch(`${server.url}/sync/${collection}/v${schemaVersionOf(collection)}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(role)}` },
    body: JSON.stringify({ rows }),
  });
  return { status: response.status, body: (await response.json()) as PushResponse };
}

const wire = <T extends object>(doc: T) => ({ ...doc, _deleted: false });
/** Pushes `after` over `before` (the stored state) and expects it stored. */
async function accepted(role: Role, collection: CollectionName, after: object, before: object | null = null) {
  const { status, body } = await push(role, collection, [{ newDocumentState: wire(after), assumedMasterState: before && wire(before) }]);
  expect(status).toBe(200);
  expect(body.rejections).toEqual([]);
  expect(body.conflicts).toEqual([]);
}
async function refused(role: Role, collection: CollectionName, after: object, before: object | null) {
  const { status, body } = await push(role, collection, [{ newDocumentState: wire(after), assumedMasterState: before && wire(before) }]);
  expect(status).toBe(200);
  expect(body.rejections).toHaveLength(1);
  return body.rejections[0]!;
}
const storedDoc = async (collection: string, id: string) => {
  const [row] = await server.db.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = $1 AND id = $2`, [collection, id]);
  return row ? (JSON.parse(row.doc) as Record<string, unknown>) : undefined;
};

/** The fixtures' follow-up case walked to the protocol draft, each step pushed by its role. */
const steps = [
  ['cohortCoordinator', followUpEvents.open],
  ['cohortCoordinator', followUpEvents.summon],
  ['cohortCoordinator', followUpEvents.holdConversation],
  ['cohortCoordinator', followUpEvents.draftProtocol],
] as const;
const states = walk(workflowsUnderTest.followUp, followUpStart(), steps) as unknown as Case[];
const drafted = states.at(-1)!;
const summons: CaseDocument = {
  id: 'doc-summons',
  caseId: drafted.id,
  kind: 'summons',
  title: 'Innkalling til oppfølgingssamtale',
  sha256: 'a'.repeat(64),
  signatures: [],
  archiveState: 'not-archived',
  archiveReference: '',
  createdAt: drafted.updatedAt,
  createdBy: actorFor('cohortCoordinator').userId,
};
const student: Person = {
  id: SUBJECT_ID,
  givenName: 'Ola',
  familyName: 'Student',
  nationalId: '',
  email: 'ola.student@hifj.no',
  institution: 'hifj',
  updatedAt: drafted.updatedAt,
  cohorts: ['SYK-2024H'],
} as Person;

describe('write rules over HTTP', () => {
  beforeAll(async () => {
    await accepted('teacher', 'cases', states[0]!);
    for (const [i, [role]] of steps.entries()) await accepted(role, 'cases', states[i + 1]!, states[i]!);
    await accepted('cohortCoordinator', 'documents', summons);
  });

  it('refuses a student who signs the protocol and rewrites its summary, and keeps the stored case', async () => {
    const signed = workflowsUnderTest.followUp.transition(drafted as never, followUpEvents.signAsStudent(drafted as never), actorFor('student'));
    if (!signed.ok) throw new Error(signed.message);
    const rewritten = { ...signed.state, details: { ...signed.state.details, protocol: { ...signed.state.details.protocol!, summary: 'Ingen tiltak.' } } };
    expect(await refused('student', 'cases', rewritten, drafted)).toMatchObject({ reason: 'workflow', code: 'locked-field' });
    expect((await storedDoc('cases', drafted.id))?.status).toBe('protocolDrafted');
  });

  it.each(['student', 'rector'] as const)('refuses a %s who marks the summons signed and archived', async (role) => {
    const tampered = {
      ...summons,
      signatures: [{ signer: 'Ola Student', signedAt: drafted.updatedAt }],
      archiveState: 'archived',
      archiveReference: '2026/1-1',
    };
    expect(await refused(role, 'documents', tampered, summons)).toMatchObject({ reason: 'forbidden' });
    expect(await storedDoc('documents', summons.id)).toMatchObject({ signatures: [], archiveState: 'not-archived' });
  });

  it.each(['student', 'rector'] as const)('refuses a %s who deletes the summons or a task assigned to them', async (role) => {
    const push1 = await push(role, 'documents', [{ newDocumentState: { ...summons, _deleted: true }, assumedMasterState: wire(summons) }]);
    expect(push1.body.rejections).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
    expect(await storedDoc('documents', summons.id)).toBeDefined();
    const [row] = await server.db.query<{ deleted: boolean }>(`SELECT deleted FROM sync_documents WHERE collection = 'documents' AND id = $1`, [summons.id]);
    expect(row!.deleted).toBe(false);
    const task = {
      id: `task-${role}`,
      caseId: drafted.id,
      title: 'Les innkallingen',
      assigneeId: actorFor(role).userId,
      due: '2026-12-01',
      done: false,
      createdAt: drafted.updatedAt,
      updatedAt: drafted.updatedAt,
    };
    await accepted('cohortCoordinator', 'tasks', task);
    await accepted(role, 'tasks', { ...task, done: true }, task);
    const done = { ...task, done: true };
    const deleted = await push(role, 'tasks', [{ newDocumentState: { ...done, _deleted: true }, assumedMasterState: wire(done) }]);
    expect(deleted.body.rejections).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
  });

  it('refuses a tick-off of a task assigned to someone else, or to a role rather than to the user, and keeps it open', async () => {
    const forHead = {
      id: 'task-for-head',
      caseId: drafted.id,
      title: 'Kall inn til møte',
      assigneeId: actorFor('departmentHead').userId,
      due: '2026-12-01',
      done: false,
      createdAt: drafted.updatedAt,
      updatedAt: drafted.updatedAt,
    };
    const forRectors = { ...forHead, id: 'task-for-rectors', assigneeId: 'rector' };
    await accepted('cohortCoordinator', 'tasks', forHead);
    await accepted('cohortCoordinator', 'tasks', forRectors);
    for (const role of ['student', 'teacher', 'rector'] as const) {
      expect(await refused(role, 'tasks', { ...forHead, done: true, updatedAt: after(100) }, forHead)).toMatchObject({ reason: 'forbidden' });
    }
    expect(await refused('rector', 'tasks', { ...forRectors, done: true, updatedAt: after(100) }, forRectors)).toMatchObject({ reason: 'forbidden' });
    expect(await storedDoc('tasks', forHead.id)).toMatchObject({ done: false });
    expect(await storedDoc('tasks', forRectors.id)).toMatchObject({ done: false });
  });

  it('lets the coordinator record archiving once, forward only, and never rewrite a signature', async () => {
    const queued = { ...summons, archiveState: 'queued' };
    await accepted('cohortCoordinator', 'documents', queued, summons);
    const archived = { ...queued, archiveState: 'archived', archiveReference: '2026/1-1' };
    await accepted('cohortCoordinator', 'documents', archived, queued);
    expect(await refused('cohortCoordinator', 'documents', { ...archived, archiveReference: '2026/9-9' }, archived)).toMatchObject({
      code: 'archive-reference',
    });
    expect(await refused('cohortCoordinator', 'documents', { ...archived, archiveState: 'not-archived' }, archived)).toMatchObject({ code: 'archive-state' });
  });

  it('lets only authorised staff register people and change where letters go', async () => {
    expect(await refused('teacher', 'people', student, null)).toMatchObject({ reason: 'forbidden' });
    await accepted('cohortCoordinator', 'people', student);
    const redirected = { ...student, email: 'attacker@example.com' };
    expect(await refused('student', 'people', redirected, student)).toMatchObject({ reason: 'forbidden' });
    expect(await refused('cohortCoordinator', 'people', redirected, student)).toMatchObject({ reason: 'forbidden', code: 'identity-field' });
    const renamed = { ...student, givenName: 'Ola Martin' };
    await accepted('cohortCoordinator', 'people', renamed, student);
    const moved = { ...renamed, email: 'ola.martin@hifj.no' };
    await accepted('caseOfficer', 'people', moved, renamed);
    expect((await storedDoc('people', SUBJECT_ID))?.email).toBe('ola.martin@hifj.no');
    const [audit] = await server.db.query<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM audit_log WHERE collection = 'people' AND document_id = $1 AND outcome = 'accepted' ORDER BY id DESC LIMIT 1`,
      [SUBJECT_ID],
    );
    expect(audit!.actor_id).toBe(actorFor('caseOfficer').userId);
    expect(JSON.parse(audit!.detail).fields).toContain('email');
  });

  it('stores only what the schema describes: unknown fields and oversized documents are refused alone', async () => {
    const base = { ...states[1]!, id: 'case-padded', caseNumber: '2026/00002' };
    const padded = { ...base, details: { ...base.details, attachment: 'x'.repeat(300_000) } };
    const nested = { ...base, id: 'case-nested', details: { ...base.details, reports: (base.details.reports as object[]).map((r) => ({ ...r, hidden: 1 })) } };
    const good = { ...base, id: 'case-good' };
    const teacherCase = (c: Case) => ({
      ...c,
      status: 'reported',
      assignees: [],
      deadlines: [],
      nextDeadline: '9999-12-31',
      createdBy: 'teacher-1',
      updatedBy: 'teacher-1',
    });
    const { body } = await push(
      'teacher',
      'cases',
      [padded, nested, good].map((c) => ({ newDocumentState: wire(teacherCase(c)) })),
    );
    expect(body.rejections.map((r) => [r.id, r.reason])).toEqual([
      ['case-padded', 'invalid-document'],
      ['case-nested', 'invalid-document'],
    ]);
    expect(await storedDoc('cases', 'case-good')).toBeDefined();
    expect(await storedDoc('cases', 'case-padded')).toBeUndefined();
  });

  it('refuses a pushed id with a NUL character alone, and takes the other rows', async () => {
    const bad = { ...summons, id: 'doc\u0000bad' };
    const good = { ...summons, id: 'doc-letter-2' };
    const { status, body } = await push('cohortCoordinator', 'documents', [{ newDocumentState: wire(bad) }, { newDocumentState: wire(good) }]);
    expect(status).toBe(200);
    expect(body.rejections).toEqual([expect.objectContaining({ reason: 'invalid-document', id: 'doc\ufffdbad' })]);
    expect(await storedDoc('documents', 'doc-letter-2')).toBeDefined();
    const nulText = { ...summons, id: 'doc-letter-3', title: 'Innkalling\u0000' };
    expect(await refused('cohortCoordinator', 'documents', nulText, null)).toMatchObject({ reason: 'invalid-document' });
  });
});
