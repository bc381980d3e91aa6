import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSeeCase, isStaff, type Actor, type Role } from '../../../src-shared/domain/access';
import { ownerField, partAccess, registerTable } from '../../../src-shared/domain/access/access-table';
import { mayReadOffer } from '../../../src-shared/domain/access/offer-access';
import { replicatedCollections, schemaVersionOf } from '../../../src-shared/db/collections';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { demoUsers, DEMO_STUDENT_ID, type DemoData } from '../../../dev/demo-data';
import type { Note } from '../../../src-shared/domain/note/note.schema';
import { accessFingerprint, encodeCheckpoint } from '../../../src-server/sync/change-feed';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { migrations } from '../../../src-server/db/migrations';
import { importDemoData } from './support/demo';
import { eventually } from './support/client';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Need to know, over real HTTP: a teacher, a nominator, a placement site coordinator and a student
 * pull every collection, and the bytes they receive hold no part of a case the access table keeps
 * from them, no internal note they may not read and no national ID; what the table gives them is
 * there. Expectations come from the table and the demo data, not from the server's projection.
 */
let server: TestServer;
let data: DemoData;
const users = demoUsers();
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer();
  data = await importDemoData(server.db, 200);
  for (const user of users) {
    await server.addUser({ id: user.userId, username: user.userId, name: user.name, roles: user.roles, scope: user.scope });
    tokens.set(user.userId, (await server.login(user.userId)).accessToken);
  }
}, 120_000);
afterAll(() => server.close());

const get = (path: string, userId: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens.get(userId)}` } });

/** Everything a fresh laptop receives of a collection: the raw response texts, and the documents. */
async function pullRaw(userId: string, collection: string) {
  const texts: string[] = [];
  const documents: Record<string, unknown>[] = [];
  let seq: string | undefined;
  let total: number | undefined;
  for (;;) {
    const query = `batchSize=500${seq ? `&seq=${encodeURIComponent(seq)}` : ''}`;
    const response = await get(`/sync/${collection}/v${schemaVersionOf(collection as never)}/pull?${query}`, userId);
    expect(response.status).toBe(200);
    const text = await response.text();
    texts.push(text);
    const body = JSON.parse(text) as {
      documents: Record<string, unknown>[];
      checkpoint: { seq: string } | null;
      hasMore: boolean;
      total?: number;
      purged: unknown[];
    };
    documents.push(...body.documents);
    total ??= body.total;
    expect(body.purged).toEqual([]);
    if (body.checkpoint) seq = body.checkpoint.seq;
    if (!body.hasMore) return { text: texts.join('\n'), documents, total, seq };
  }
}

async function pullEverything(userId: string) {
  const pulled: Record<string, Awaited<ReturnType<typeof pullRaw>>> = {};
  for (const collection of replicatedCollections) pulled[collection] = await pullRaw(userId, collection);
  return {
    pulled,
    text: Object.values(pulled)
      .map((p) => p.text)
      .join('\n'),
  };
}

/** Every string in a value, at any depth. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
const timestamp = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

/** What the table gives the user (one role, as every demo user has) of the cases it sees, and what it keeps back. */
function expectedView(user: Actor) {
  const role = user.roles[0] as Role;
  const cases = data.cases.filter((c) => canSeeCase(user, c));
  const allowed: unknown[] = [];
  const hidden: unknown[] = [];
  for (const c of cases) {
    const { details, ...own } = c;
    allowed.push(own);
    for (const [part, value] of Object.entries(details)) {
      const access = partAccess(c.type, role, part);
      if (access === 'o' && Array.isArray(value)) {
        const field = ownerField[part]!;
        for (const entry of value as Record<string, unknown>[]) (entry[field] === user.userId ? allowed : hidden).push(entry);
      } else (access === '-' ? hidden : allowed).push(value);
    }
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  const noteRead = (n: Note) => partAccess(byId.get(n.caseId)!.type, role, n.visibility === 'shared' ? 'sharedNotes' : 'internalNotes') !== '-';
  const notes = data.notes.filter((n) => byId.has(n.caseId));
  const records = (list: { caseId: string; assigneeId?: string }[], part: 'documents' | 'tasks') =>
    list.filter((r) => byId.has(r.caseId) && partAccess(byId.get(r.caseId)!.type, role, part) !== '-');
  // The staff directory (names, user ids) goes to all staff, the organisation (units, course codes) to everyone, an offer (with
  // its admission's rules, the ranking criteria among them) to its partner's nominators; none is a part of a case.
  const staff = isStaff(user) ? users.filter((u) => isStaff(u)) : [];
  const allowedText = JSON.stringify([
    allowed,
    notes.filter(noteRead),
    records(data.documents, 'documents'),
    records(data.tasks, 'tasks'),
    staff,
    data.organisation,
    data.offers.filter((offer) => mayReadOffer(user, offer)),
  ]);
  // Strings of hidden parts that nothing the user may receive also contains (texts repeat across cases).
  const secrets = [...new Set(stringsIn(hidden))].filter((s) => s.length >= 6 && !timestamp.test(s) && !allowedText.includes(s));
  return { role, cases, notes, readableNotes: notes.filter(noteRead), hiddenNotes: notes.filter((n) => !noteRead(n)), secrets };
}

const user = (id: string) => users.find((u) => u.userId === id)!;
const quoted = (id: string) => JSON.stringify(id);

/** The demo teacher whose reported follow-up cases went furthest (a protocol or a decision). */
/** The teacher who sees the most follow-up cases with a protocol or decision (of those `having` allows). */
function teacherWithProgressedCases(having: (teacher: Actor) => boolean = () => true): Actor {
  const teachers = users.filter((u) => u.roles.includes('teacher') && having(u));
  const progressed = (t: Actor) => data.cases.filter((c) => c.type === 'followUp' && canSeeCase(t, c) && (c.details.protocol || c.details.decision)).length;
  return teachers.sort((a, b) => progressed(b) - progressed(a))[0]!;
}

describe('need to know over pull', () => {
  it('a teacher receives that their cases exist and their own reports, no summons, conversation, protocol or decision, no internal note, no national ID', async () => {
    const teacher = teacherWithProgressedCases();
    const view = expectedView(teacher);
    const progressed = view.cases.filter((c) => c.type === 'followUp' && (c.details.protocol || c.details.decision));
    expect(progressed.length).toBeGreaterThan(0);
    expect(view.secrets.length).toBeGreaterThan(10);
    const { pulled, text } = await pullEverything(teacher.userId);

    expect(view.secrets.filter((secret) => text.includes(secret))).toEqual([]);
    for (const c of pulled.cases!.documents as unknown as Case[]) {
      const allowedKeys = Object.keys(c.details).filter((part) => partAccess(c.type, 'teacher', part) !== '-');
      expect({ id: c.id, keys: Object.keys(c.details) }).toEqual({ id: c.id, keys: allowedKeys });
    }
    // What is theirs arrives: the cases, and their own reports in full.
    expect(new Set(pulled.cases!.documents.map((c) => c.id))).toEqual(new Set(view.cases.map((c) => c.id)));
    const ownReports = progressed.flatMap((c) =>
      (c.details.reports as { reportedBy: string; description: string }[]).filter((r) => r.reportedBy === teacher.userId),
    );
    expect(ownReports.length).toBeGreaterThan(0);
    for (const report of ownReports) expect(text).toContain(JSON.stringify(report.description));
    // Notes: no internal one (the table gives a teacher none on follow-up cases).
    expect(view.hiddenNotes.length).toBeGreaterThan(0);
    for (const note of view.hiddenNotes) expect(text).not.toContain(quoted(note.id));
    expect(new Set(pulled.notes!.documents.map((n) => n.id))).toEqual(new Set(view.readableNotes.map((n) => n.id)));
  });

  it('a teacher receives the people of their own cohorts and courses and those their cases are about, without national IDs', async () => {
    const teacher = teacherWithProgressedCases();
    const { pulled, text } = await pullEverything(teacher.userId);
    const subjects = new Set(data.cases.filter((c) => canSeeCase(teacher, c)).map((c) => c.subjectPersonId));
    const expected = data.people.filter(
      (p) => (p.institution === teacher.scope.institution && p.cohorts.some((code) => teacher.scope.cohorts.includes(code))) || subjects.has(p.id),
    );
    const others = data.people.filter((p) => p.institution === teacher.scope.institution && !expected.includes(p));
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(pulled.people!.documents.map((p) => p.id))).toEqual(new Set(expected.map((p) => p.id)));
    expect(registerTable.teacher.nationalId).toBe(false);
    for (const person of pulled.people!.documents) expect(person.nationalId).toBe('');
    for (const person of data.people) expect(text).not.toContain(person.nationalId);
    for (const person of others) expect(text).not.toContain(quoted(person.id));
    // The announced first-sync totals count what is sent, not what the collection holds.
    for (const collection of replicatedCollections)
      expect({ collection, total: pulled[collection]!.total }).toEqual({ collection, total: pulled[collection]!.documents.length });
  });

  it.each([
    ['nominator', 'u-nominator-lindenhof'],
    ['site coordinator', 'u-praksiskoord-sentrum-sykehjem'],
    ['student', DEMO_STUDENT_ID],
  ])('a %s receives shared notes only, no hidden part and no national ID of anyone', async (_label, userId) => {
    const party = user(userId);
    const view = expectedView(party);
    expect(view.cases.length).toBeGreaterThan(0);
    const { pulled, text } = await pullEverything(userId);

    expect(view.secrets.filter((secret) => text.includes(secret))).toEqual([]);
    expect(new Set(pulled.cases!.documents.map((c) => c.id))).toEqual(new Set(view.cases.map((c) => c.id)));
    for (const c of pulled.cases!.documents as unknown as Case[]) {
      expect(Object.keys(c.details).sort()).toEqual(
        Object.keys(view.cases.find((v) => v.id === c.id)!.details)
          .filter((part) => partAccess(c.type, view.role, part) !== '-')
          .sort(),
      );
    }
    // Internal notes never, shared notes of their cases always.
    expect(view.notes.some((n) => n.visibility === 'internal')).toBe(true);
    for (const note of view.hiddenNotes) expect(text).not.toContain(quoted(note.id));
    expect(view.readableNotes.length).toBeGreaterThan(0);
    expect(view.readableNotes.every((n) => n.visibility === 'shared')).toBe(true);
    expect(new Set(pulled.notes!.documents.map((n) => n.id))).toEqual(new Set(view.readableNotes.map((n) => n.id)));
    // National IDs of nobody, not even of the people their cases are about.
    for (const person of data.people) expect(text).not.toContain(person.nationalId);
    for (const person of pulled.people!.documents) expect(person.nationalId).toBe('');
    for (const collection of replicatedCollections)
      expect({ collection, total: pulled[collection]!.total }).toEqual({ collection, total: pulled[collection]!.documents.length });
  });

  it('a case officer still receives the national IDs of the people their cases are about', async () => {
    const officer = user('u-studiekonsulent');
    const { pulled } = await pullEverything(officer.userId);
    const subjects = new Set(data.cases.filter((c) => canSeeCase(officer, c)).map((c) => c.subjectPersonId));
    const received = pulled.people!.documents.filter((p) => subjects.has(String(p.id)));
    expect(received.length).toBe(subjects.size);
    for (const person of received) expect(person.nationalId).toBe(data.people.find((p) => p.id === person.id)!.nationalId);
  });

  it('a checkpoint from before need to know makes the client reconcile and pull again, and reconcile drops what it may no longer keep', async () => {
    const teacher = teacherWithProgressedCases();
    const old = encodeCheckpoint({ txid: '1', seq: 1 }, accessFingerprint(teacher)).seq;
    const response = await get(`/sync/notes/v${schemaVersionOf('notes')}/pull?seq=${encodeURIComponent(old)}`, teacher.userId);
    expect(await response.json()).toMatchObject({ documents: [], reset: true });

    const view = expectedView(teacher);
    const held = [...view.hiddenNotes, ...view.readableNotes].map((n) => n.id);
    const reconcile = await fetch(`${server.url}/sync/notes/v${schemaVersionOf('notes')}/reconcile`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get(teacher.userId)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: held }),
    });
    expect(new Set(((await reconcile.json()) as { purged: string[] }).purged)).toEqual(new Set(view.hiddenNotes.map((n) => n.id)));
  });
});

describe('need to know in push answers', () => {
  it('returns a teacher no more of a stored case than a pull does, as a conflict or with a refusal', async () => {
    const teacher = teacherWithProgressedCases();
    const view = expectedView(teacher);
    const pulled = (await pullRaw(teacher.userId, 'cases')).documents as unknown as Case[];
    const held = pulled.find((c) => c.type === 'followUp' && c.details.protocol === undefined && view.cases.find((v) => v.id === c.id)!.details.protocol)!;
    const secrets = view.secrets.filter((secret) => JSON.stringify(view.cases.find((v) => v.id === held.id)).includes(secret));
    expect(secrets.length).toBeGreaterThan(0);
    for (const assumed of [held, { ...held, title: 'En eldre tittel' }]) {
      const response = await fetch(`${server.url}/sync/cases/v${schemaVersionOf('cases')}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.get(teacher.userId)}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          rows: [{ assumedMasterState: { ...assumed, _deleted: false }, newDocumentState: { ...held, title: `${held.title} (endret)`, _deleted: false } }],
        }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { conflicts: Case[]; rejections: { masterState: Case | null }[] };
      expect(body.conflicts.length + body.rejections.length).toBe(1);
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
      for (const master of [...body.conflicts, ...body.rejections.flatMap((r) => (r.masterState ? [r.masterState] : []))]) {
        expect(master.details).toEqual(held.details);
      }
    }
  });
});

describe('need to know over the live stream', () => {
  it('sends a teacher the projected case when it moves on, never its protocol or the internal note written with it', async () => {
    const reportedBy = (t: Actor) => data.cases.find((c) => c.type === 'followUp' && c.status === 'reported' && c.createdBy === t.userId);
    const teacher = teacherWithProgressedCases((t) => reportedBy(t) !== undefined);
    const reported = reportedBy(teacher)!;
    expect(reported).toBeDefined();
    const controller = new AbortController();
    const response = await fetch(`${server.url}/sync/stream?collections=cases.v${schemaVersionOf('cases')},notes.v${schemaVersionOf('notes')}`, {
      headers: { authorization: `Bearer ${tokens.get(teacher.userId)}` },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) return;
        received += new TextDecoder().decode(chunk.value);
      }
    })();
    try {
      await eventually(
        () => received,
        (text) => text.split('RESYNC').length > 2,
      );
      const secret = 'HEMMELIG-PROTOKOLL-OPPSUMMERING';
      const moved = {
        ...reported,
        status: 'protocolDrafted',
        details: { ...reported.details, protocol: { draftedAt: reported.updatedAt, documentId: 'doc-x', summary: secret } },
      };
      const channel = server.app.saksflyt.channels.changes;
      const collection = (name: string) => defaultSyncCollections().find((c) => c.name === name)!;
      const note: Note = {
        id: `${reported.id}-secret-note`,
        caseId: reported.id,
        authorId: 'u-kullkoord-helse',
        authorName: 'K',
        createdAt: reported.updatedAt,
        text: 'HEMMELIG-INTERNT-NOTAT',
        visibility: 'internal',
      };
      await importDocuments(server.db, collection('cases'), [moved], { actorId: null, action: 'test', channel });
      await importDocuments(server.db, collection('notes'), [note], { actorId: null, action: 'test', channel });
      await eventually(
        () => received,
        (text) => text.includes('protocolDrafted'),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received).toContain(quoted(reported.id));
      expect(received).not.toContain(secret);
      expect(received).not.toContain('HEMMELIG-INTERNT-NOTAT');
      expect(received).not.toContain(quoted(note.id));
    } finally {
      controller.abort();
      await reading;
    }
  });
});

describe('the server migration of stored documents', () => {
  it('makes stored notes internal and gives stored people no cohorts, as the app does on the laptop', async () => {
    const sql = migrations.find((m) => m.id === '008-need-to-know-fields')!.sql;
    await server.db.query(`INSERT INTO sync_documents (collection, id, doc) VALUES ('notes', 'legacy-note', $1), ('people', 'legacy-person', $2)`, [
      JSON.stringify({ id: 'legacy-note', caseId: 'c', authorId: 'a', authorName: 'A', createdAt: '2026-01-01T00:00:00.000Z', text: 'Gammelt notat' }),
      JSON.stringify({
        id: 'legacy-person',
        givenName: 'G',
        familyName: 'F',
        nationalId: '',
        email: '',
        institution: 'hifj',
        updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    ]);
    await server.db.exec(sql);
    const rows = await server.db.query<{ id: string; doc: string }>(
      `SELECT id, doc FROM sync_documents WHERE id IN ('legacy-note', 'legacy-person') ORDER BY id`,
    );
    const collections = defaultSyncCollections();
    const [note, person] = rows.map((row) => JSON.parse(row.doc) as Record<string, unknown>);
    expect(note).toMatchObject({ visibility: 'internal', text: 'Gammelt notat' });
    expect(person).toMatchObject({ cohorts: [] });
    expect(
      collections
        .find((c) => c.name === 'notes')!
        .schema.strict()
        .safeParse(note).success,
    ).toBe(true);
    expect(
      collections
        .find((c) => c.name === 'people')!
        .schema.strict()
        .safeParse(person).success,
    ).toBe(true);
  });
});
