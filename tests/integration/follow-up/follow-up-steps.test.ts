import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoSignaturePng } from '../../../src-main/cli/demo-signature';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { protocolInput, summonsInput } from '../../../src-renderer/features/follow-up/document-inputs';
import {
  createFollowUpCase,
  takeStep,
  type FollowUpReplica,
  type MakeDocuments,
  type StepDeps,
} from '../../../src-renderer/features/follow-up/follow-up-steps';
import { documentRecord, newDocumentId } from '../../../src-renderer/features/case/case-document-archive';
import { staffDirectory } from '../../../src-renderer/features/case/staff-directory';
import { DEMO_NOW, demoOrganisation, demoStaffMembers, demoUser } from '../../../dev/demo-data';
import { followUpStudent } from '../../../dev/testing';
import { organisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { ArchiveEntry } from '../../../src-shared/documents/documents.contract';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { FollowUpCase, FollowUpEvent } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { ConcernReport } from '../../../src-shared/domain/follow-up/follow-up.schema';
import type { Note } from '../../../src-shared/domain/note/note.schema';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import { openReplica, rpcApi, type Replica } from './support';
import { unwrap } from '../../../src-shared/kernel/result';
import { pdfsig } from '../documents/tools';

/**
 * Workflow steps as the app takes them: the pure transition, the documents made by the real main
 * process over HTTP (browser host), and the results in a real RxDB replica (on fake-indexeddb).
 */
const coordinator = demoUser('u-kullkoord-helse')!;
const teacher = demoUser('u-laerer-helse-1')!;
const head = demoUser('u-avdleder-helse')!;
const student = followUpStudent({ id: 'person-aase', updatedAt: '2026-03-01T08:00:00.000Z' });
const report = (reportedBy = teacher): ConcernReport => ({
  id: `report-${crypto.randomUUID()}`,
  reportedBy: reportedBy.userId,
  reporterName: reportedBy.name,
  reportedAt: new Date().toISOString(),
  course: { code: 'SYK1001', name: 'Anatomi, fysiologi og biokjemi' },
  concerns: ['courseworkNotPassed'],
  description: 'Arbeidskrav 2 er ikke levert.',
  coursework: [{ title: 'Arbeidskrav 2', status: 'notSubmitted' }],
});

let root: string;
let host: BrowserHost;
let api: SaksflytApi;
let db: FollowUpReplica;
let replica: Replica | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-follow-up-steps-'));
  await mkdir(join(root, 'renderer'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Saksflyt</title>');
  host = await startBrowserHost({ port: 0, dataDir: join(root, 'data'), rendererDir: join(root, 'renderer') });
  api = rpcApi(host.url);
});
afterAll(async () => {
  await host?.close();
  await rm(root, { recursive: true, force: true });
});
afterEach(async () => {
  await replica?.close();
});

async function fresh(): Promise<void> {
  replica = await openReplica();
  db = replica.db;
}

const deps = (actor = coordinator): StepDeps => ({ api, db, actor, today: new Date().toISOString().slice(0, 10), sendsLetters: true });
const now = () => new Date().toISOString();
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

async function stored(id: string): Promise<FollowUpCase> {
  return (await db.cases.findOne(id).exec())!.toJSON() as Case as FollowUpCase;
}

async function step(caseDoc: FollowUpCase, event: FollowUpEvent, make?: MakeDocuments, actor = coordinator, notes: Note[] = []) {
  return takeStep(
    deps(actor),
    { caseDoc, student, notes, staff: staffDirectory(demoStaffMembers(DEMO_NOW)), organisation: organisationIndex(demoOrganisation(new Date(DEMO_NOW))) },
    event,
    make,
  );
}

/** A case opened by the coordinator and summoned, with the summons letter issued. */
async function summonedCase(): Promise<FollowUpCase> {
  const created = (await createFollowUpCase(deps(), { student, department: 'helse', cohort: 'SYK-2025H', report: report(coordinator) })) as FollowUpCase;
  const documentId = newDocumentId(created.id, 'summons');
  const make: MakeDocuments = async (next) => {
    const issued = unwrap(await api.documentsIssueSummons({ documentId, summons: summonsInput(next) }));
    return [
      documentRecord(next.caseDoc, { id: documentId, kind: 'summons', title: 'Innkalling', sha256: issued.sha256, signatures: issued.signatures }, coordinator),
    ];
  };
  const outcome = await step(
    created,
    { type: 'summon', at: now(), meetingAt: inAWeek(), mode: 'inPerson', location: 'Rom A1-012', reason: 'Arbeidskrav.' },
    make,
  );
  return outcome.caseDoc;
}

describe('taking follow-up steps', () => {
  it('creates cases only as the workflow and the access rules allow', async () => {
    await fresh();
    const reported = await createFollowUpCase(deps(teacher), { student, department: 'helse', cohort: 'SYK-2025H', report: report() });
    expect(reported).toMatchObject({ status: 'reported', assignees: [], createdBy: teacher.userId });
    const opened = await createFollowUpCase(deps(), { student, department: 'helse', cohort: 'SYK-2025H', report: report(coordinator) });
    expect(opened).toMatchObject({ status: 'open', assignees: [coordinator.userId] });
    expect(await db.cases.count().exec()).toBe(2);

    await expect(createFollowUpCase(deps(head), { student, department: 'helse', cohort: 'SYK-2025H', report: report(head) })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await expect(createFollowUpCase(deps(teacher), { student, department: 'okonomi', cohort: 'OKAD-2024H', report: report() })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    // A teacher reports in their own name only.
    await expect(createFollowUpCase(deps(teacher), { student, department: 'helse', cohort: 'SYK-2025H', report: report(coordinator) })).rejects.toMatchObject({
      kind: 'precondition',
    });
    expect(await db.cases.count().exec()).toBe(2);
  });

  it('issues the summons through the main process before saving the step, then runs the step’s commands', async () => {
    await fresh();
    const summoned = await summonedCase();
    expect(await stored(summoned.id)).toMatchObject({ status: 'summoned', details: { summons: { location: 'Rom A1-012' } } });
    const [document] = (await db.documents.find({ selector: { caseId: summoned.id } }).exec()).map((doc) => doc.toJSON());
    expect(document).toMatchObject({ kind: 'summons', archiveState: 'not-archived' });
    const pdf = unwrap(await api.documentsRead({ documentId: document!.id }));
    expect(pdf.sha256).toBe(document!.sha256);
    const tasks = (await db.tasks.find({ selector: { caseId: summoned.id } }).exec()).map((task) => task.toJSON());
    expect(tasks.map((task) => [task.title, task.assigneeId])).toEqual(expect.arrayContaining([['Gjennomfør oppfølgingssamtalen', coordinator.userId]]));
  });

  it('saves nothing when the workflow refuses the step or the main process refuses its document', async () => {
    await fresh();
    const summoned = await summonedCase();
    const documents = await db.documents.count().exec();
    await expect(step(summoned, { type: 'recordNoShow', at: now() }, undefined, head)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(step(summoned, { type: 'sendProtocol', at: now() })).rejects.toMatchObject({ kind: 'conflict' });

    const held = (await step(summoned, { type: 'holdConversation', at: now(), participants: [], noteIds: [] })).caseDoc;
    const drafted = (await step(held, { type: 'draftProtocol', at: now(), documentId: newDocumentId(held.id, 'protocol'), summary: 'Oppsummering.' })).caseDoc;
    const signed = (await step(drafted, { type: 'signAsStudent', at: now(), signerName: 'Åse Ødegård', method: 'onScreen' })).caseDoc;
    // No drawn signature in the protocol: the main process refuses to sign it.
    const unsigned: MakeDocuments = async (next) => {
      unwrap(
        await api.documentsSignProtocol({ documentId: next.caseDoc.details.protocol!.documentId, protocol: protocolInput(next), studentCertificate: false }),
      );
      return [];
    };
    await expect(step(signed, { type: 'signAsCoordinator', at: now() }, unsigned)).rejects.toMatchObject({ kind: 'precondition' });
    expect((await stored(signed.id)).status).toBe('signedByStudent');
    expect(await db.documents.count().exec()).toBe(documents);
  });

  it('signs the protocol twice and archives it to every archive of this laptop when it is sent', async () => {
    await fresh();
    const notes: Note[] = [
      {
        id: 'note-1',
        caseId: 'x',
        authorId: coordinator.userId,
        authorName: coordinator.name,
        createdAt: now(),
        text: 'Studenten ønsker veiledning.',
        visibility: 'internal',
      },
    ];
    const summoned = await summonedCase();
    const held = (await step(summoned, { type: 'holdConversation', at: now(), participants: [], noteIds: ['note-1'] })).caseDoc;
    const documentId = newDocumentId(held.id, 'protocol');
    const drafted = (
      await step(held, { type: 'draftProtocol', at: now(), documentId, summary: 'Oppsummering.' }, async (next) => [
        documentRecord(next.caseDoc, { id: documentId, kind: 'protocol', title: 'Protokoll fra oppfølgingssamtale', sha256: '', signatures: [] }, coordinator),
      ])
    ).caseDoc;
    const drawn = { pngBase64: demoSignaturePng().toString('base64'), signedAt: now() };
    const byStudent = (await step(drafted, { type: 'signAsStudent', at: drawn.signedAt, signerName: 'Åse Ødegård', method: 'onScreen' })).caseDoc;
    const sign: MakeDocuments = async (next) => {
      const issued = unwrap(await api.documentsSignProtocol({ documentId, protocol: protocolInput(next, drawn), studentCertificate: true }));
      return [
        documentRecord(
          next.caseDoc,
          { id: documentId, kind: 'protocol', title: 'Protokoll fra oppfølgingssamtale', sha256: issued.sha256, signatures: issued.signatures },
          coordinator,
        ),
      ];
    };
    const signed = await step(byStudent, { type: 'signAsCoordinator', at: now() }, sign, coordinator, notes);
    expect(signed.caseDoc.status).toBe('protocolSigned');
    expect((await db.documents.findOne(documentId).exec())?.signatures.map((s) => s.signer)).toEqual(['Åse Ødegård', 'Ragnhild Sæther', 'Åse Ødegård']);
    const pdf = Buffer.from(unwrap(await api.documentsRead({ documentId })).pdfBase64, 'base64');
    expect((await pdfsig(pdf)).map((signature) => signature.valid)).toEqual([true, true]);

    const sent = await step(signed.caseDoc, { type: 'sendProtocol', at: now() });
    expect(sent.reports).toEqual(
      expect.arrayContaining([
        { type: 'archiveQueued', document: 'protocol', targets: ['noark5', 'folder'] },
        { type: 'letterQueued', document: 'protocol' },
      ]),
    );
    expect((await db.documents.findOne(documentId).exec())?.archiveState).toBe('queued');
    let entries: ArchiveEntry[] = [];
    const archives = () => entries.filter((entry) => entry.target !== 'email');
    for (let attempt = 0; attempt < 100 && !(archives().length === 2 && archives().every((e) => e.status === 'archived')); attempt += 1) {
      entries = unwrap(await api.archiveList()).filter((entry) => entry.documentId === documentId);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(archives().map((entry) => [entry.target, entry.status])).toEqual([
      ['noark5', 'archived'],
      ['folder', 'archived'],
    ]);
    // Nobody is signed in to a server here: the letter to the head waits in the outbox.
    const letter = entries.find((entry) => entry.target === 'email');
    expect(letter).toMatchObject({ status: 'queued' });
    expect(letter?.lastError).toContain('Nobody is signed in');
  });

  it('closes the case folder in the archives that keep one when the case ends, through the main process', async () => {
    await fresh();
    const opened = (await createFollowUpCase(deps(), { student, department: 'helse', cohort: 'SYK-2025H', report: report(coordinator) })) as FollowUpCase;
    const closed = await step(opened, { type: 'closeWithoutDecision', at: now(), reason: 'Arbeidskravet er levert.' });
    expect(closed.caseDoc.status).toBe('closed');
    // Only the Noark 5 package keeps a folder per case; the folder archive files by student.
    expect(closed.reports).toContainEqual({ type: 'folderClosing', targets: ['noark5'] });
    let entries: ArchiveEntry[] = [];
    for (let attempt = 0; attempt < 100 && entries[0]?.status !== 'archived'; attempt += 1) {
      entries = unwrap(await api.archiveList()).filter((entry) => entry.caseId === opened.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(entries).toEqual([expect.objectContaining({ target: 'noark5', status: 'archived', caseId: opened.id })]);
    expect(entries[0]?.documentId).toBeUndefined();
  });
});
