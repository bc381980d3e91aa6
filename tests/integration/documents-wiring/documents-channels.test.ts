import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { demoSignaturePng } from '../../../src-main/cli/demo-signature';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { createPlainFileSecureStore } from '../../../src-main/services/secure-store/plain-file-secure-store';
import { secretsFilePath } from '../../../src-main/services/compose-services';
import type { ArchiveEntry } from '../../../src-shared/documents/documents.contract';
import { startCanvasStandIn, type CanvasStandIn } from '../../stand-ins/canvas-server';
import { P360_REQUIRED_SETTINGS, startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { openSealedFile, pdfsig, pdfText, xmllintNoark5 } from '../documents/tools';

/**
 * The documents, archive and Canvas channels through the real browser host (HTTP), wired per data
 * folder as the app runs them: demo keys made once in the data folder, the write-once store, the
 * archive outbox delivering to the folder archive, the Noark 5 export and (when configured) P360.
 */
const demo = demoFollowUpCase();
const drawn = { pngBase64: demoSignaturePng().toString('base64'), signedAt: '2026-10-20T10:30:00.000Z' };
const signedProtocol = { ...demo.protocol, studentSignature: drawn };

let root: string;
let rendererDir: string;

interface Envelope<T = unknown> {
  status: number;
  body: { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
}

async function call<T = unknown>(host: BrowserHost, channel: string, input?: unknown): Promise<Envelope<T>> {
  const response = await fetch(`${host.url}rpc/${channel}`, {
    method: 'POST',
    ...(input === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  });
  return { status: response.status, body: (await response.json()) as Envelope<T>['body'] };
}

async function value<T>(host: BrowserHost, channel: string, input?: unknown): Promise<T> {
  const { body } = await call<T>(host, channel, input);
  if (!body.ok) throw new Error(`${channel}: ${body.error.kind}: ${body.error.message}`);
  return body.value;
}

async function withHost(dataDir: string, use: (host: BrowserHost) => Promise<void>): Promise<void> {
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir });
  try {
    await use(host);
  } finally {
    await host.close();
  }
}

/** Polls archive:list until every entry has left the queue. */
async function settled(host: BrowserHost, count: number): Promise<ArchiveEntry[]> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const entries = await value<ArchiveEntry[]>(host, 'archive:list');
    if (entries.length === count && entries.every((entry) => entry.status === 'archived' || entry.status === 'failed')) return entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The archive outbox did not settle');
}

const pdfOf = (base64: string) => Buffer.from(base64, 'base64');
const newDataDir = async (name: string) => {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  return dir;
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-documents-wiring-'));
  rendererDir = join(root, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Saksflyt</title>');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('documents channels over HTTP (demo mode: no keys configured)', () => {
  it('previews without storing, issues write-once, and reads back the same bytes', async () => {
    await withHost(await newDataDir('issue'), async (host) => {
      const preview = await value<{ pdfBase64: string; sha256: string }>(host, 'documents:preview', { kind: 'summons', summons: demo.summons });
      expect(await pdfText(pdfOf(preview.pdfBase64))).toContain('Innkalling til oppfølgingssamtale');

      const issued = await value<{ sha256: string; pdfBase64: string; signatures: unknown[] }>(host, 'documents:issue-summons', {
        documentId: 'summons-1',
        summons: demo.summons,
      });
      expect(issued.signatures).toEqual([]);
      expect(await value(host, 'documents:read', { documentId: 'summons-1' })).toEqual({ pdfBase64: issued.pdfBase64, sha256: issued.sha256 });
      expect(await call(host, 'documents:read', { documentId: 'never-issued' })).toMatchObject({
        status: 404,
        body: { ok: false, error: { kind: 'not-found' } },
      });
      const other = { ...demo.summons, reason: 'Et annet innhold.' };
      expect(await call(host, 'documents:issue-summons', { documentId: 'summons-1', summons: other })).toMatchObject({
        status: 409,
        body: { error: { kind: 'conflict' } },
      });
      expect((await value<{ sha256: string }>(host, 'documents:read', { documentId: 'summons-1' })).sha256).toBe(issued.sha256);
    });
  });

  it('signs the protocol twice (coordinator, then the student) with demo keys made once and kept in the data folder', async () => {
    const dataDir = await newDataDir('signing');
    let firstCertificates: Buffer | undefined;
    await withHost(dataDir, async (host) => {
      const refused = await call(host, 'documents:sign-protocol', { documentId: 'p-0', protocol: demo.protocol, studentCertificate: false });
      expect(refused).toMatchObject({ status: 412, body: { error: { kind: 'precondition' } } });

      const issued = await value<{ pdfBase64: string; signatures: { signer: string }[] }>(host, 'documents:sign-protocol', {
        documentId: 'p-1',
        protocol: signedProtocol,
        studentCertificate: true,
      });
      expect(issued.signatures.map((signature) => signature.signer)).toEqual([demo.student.name, demo.coordinator.name, demo.student.name]);
      const signatures = await pdfsig(pdfOf(issued.pdfBase64));
      expect(signatures.map(({ valid, signer }) => ({ valid, signer }))).toEqual([
        { valid: true, signer: 'Demo-kullkoordinator (kun for test)' },
        { valid: true, signer: 'Demo-student (kun for test)' },
      ]);
      expect(signatures.every((signature) => signature.subFilter === 'ETSI.CAdES.detached')).toBe(true);
      expect(await pdfText(pdfOf(issued.pdfBase64))).toContain('Studenten forteller om deltidsjobb');

      const sealed = await value<{ pdfBase64: string }>(host, 'documents:seal-decision', { documentId: 'd-1', decision: demo.decision });
      expect((await pdfsig(pdfOf(sealed.pdfBase64))).map((signature) => [signature.valid, signature.signer])).toEqual([
        // The seal is the configured institution's (a demo name when none is configured).
        [true, 'Saksflyt demo – virksomhetssegl'],
      ]);
      firstCertificates = await readFile(join(dataDir, 'demo-certificates', 'coordinator.p12'));
    });

    // The passwords live in the secure store, never beside the files.
    const secrets = await readFile(secretsFilePath(dataDir), 'utf8');
    expect(JSON.parse(secrets).secrets).toHaveProperty(['demo-signer.coordinator']);
    expect(await readdir(join(dataDir, 'demo-certificates'))).toEqual(
      expect.arrayContaining(['coordinator.p12', 'student.p12', 'seal.p12', 'demo-ca.pem', 'demo-certificates.json']),
    );
    const log = (await Promise.all((await readdir(join(dataDir, 'logs'))).map((file) => readFile(join(dataDir, 'logs', file), 'utf8')))).join('');
    expect(log).toContain('Created DEMO signing certificates');

    // After a restart the same keys sign again.
    await withHost(dataDir, async (host) => {
      await value(host, 'documents:sign-protocol', { documentId: 'p-2', protocol: signedProtocol, studentCertificate: false });
      expect(await readFile(join(dataDir, 'demo-certificates', 'coordinator.p12'))).toEqual(firstCertificates);
    });
  });

  it('archives through the outbox into the folder archive and a Noark 5 export that validates, and refuses P360 when it is not configured', async () => {
    const dataDir = await newDataDir('archive');
    await withHost(dataDir, async (host) => {
      const issued = await value<{ signatures: { signer: string }[] }>(host, 'documents:seal-decision', {
        documentId: `${demo.caseId}-decision`,
        decision: demo.decision,
      });
      const record = demoArchiveRecord(
        demo,
        'decision',
        issued.signatures.map((signature) => signature.signer),
      );
      expect(await value(host, 'archive:targets')).toEqual(['noark5', 'folder']);
      const queued = await value<ArchiveEntry>(host, 'archive:enqueue', { target: 'folder', record });
      expect(queued).toMatchObject({ target: 'folder', documentId: record.documentId, attempts: 0 });
      await value(host, 'archive:enqueue', { target: 'noark5', record });
      expect(await call(host, 'archive:enqueue', { target: 'p360', record })).toMatchObject({
        status: 412,
        body: { error: { kind: 'precondition', message: expect.stringContaining('p360') } },
      });

      const entries = await settled(host, 2);
      expect(entries.map((entry) => [entry.target, entry.status])).toEqual([
        ['folder', 'archived'],
        ['noark5', 'archived'],
      ]);
      const folderEntry = entries.find((entry) => entry.target === 'folder');
      expect(folderEntry?.reference).toBe(`2026-00042/vedtak-2026-00042-demo-case-0042-decision.pdf`);
      // The default archive folders lie inside the data folder, so their files are sealed like the rest of it.
      const archivedPath = ['archive', '2026-00042', 'vedtak-2026-00042-demo-case-0042-decision.pdf'];
      expect((await readFile(join(dataDir, ...archivedPath))).includes('%PDF')).toBe(false);
      const archived = await openSealedFile(dataDir, ...archivedPath);
      expect((await pdfsig(archived)).map((signature) => signature.valid)).toEqual([true]);
      const manifest = JSON.parse((await openSealedFile(dataDir, 'archive', 'manifest.json')).toString('utf8'));
      expect(manifest.documents[0]).toMatchObject({
        file: `2026-00042/vedtak-2026-00042-demo-case-0042-decision.pdf`,
        record: { documentId: record.documentId },
      });

      const xmllint = await xmllintNoark5(await openSealedFile(dataDir, 'noark5', 'arkivstruktur.xml'));
      expect(xmllint.stderr).toContain('validates');
      expect(xmllint.code).toBe(0);

      expect(await call(host, 'archive:retry', { id: folderEntry?.id })).toMatchObject({ status: 409, body: { error: { kind: 'conflict' } } });
      expect(await call(host, 'archive:retry', { id: '5f0c6a8e-2d1b-4c1e-9a55-3f9e2b7c1d00' })).toMatchObject({
        status: 404,
        body: { error: { kind: 'not-found' } },
      });
      const missing = await call(host, 'archive:enqueue', { target: 'folder', record: { ...record, documentId: 'not-issued' } });
      expect(missing).toMatchObject({ status: 404, body: { error: { kind: 'not-found' } } });
    });
  });

  it('says Canvas is not configured instead of failing', async () => {
    await withHost(await newDataDir('no-canvas'), async (host) => {
      expect(await call(host, 'canvas:coursework', { courseId: '42' })).toMatchObject({
        status: 412,
        body: { error: { kind: 'precondition', message: expect.stringContaining('Canvas') } },
      });
    });
  });

  it.each([
    ['documents:read', { documentId: '' }],
    ['documents:read', { documentId: 'x'.repeat(65) }],
    ['documents:preview', { kind: 'protocol', protocol: { ...signedProtocol, studentSignature: { ...drawn, pngBase64: 'not base64!' } } }],
    [
      'documents:sign-protocol',
      { documentId: 'p', protocol: { ...signedProtocol, studentSignature: { ...drawn, pngBase64: 'A'.repeat(400_004) } }, studentCertificate: false },
    ],
    ['documents:seal-decision', { documentId: 'd', decision: { ...demo.decision, legalBasis: [] } }],
    ['documents:issue-summons', { documentId: 's', summons: { ...demo.summons, meeting: { ...demo.summons.meeting, place: '', videoLink: undefined } } }],
    ['archive:enqueue', { target: 'folder', record: { ...demoArchiveRecord(demo, 'decision', []), fileName: '../escape.pdf' } }],
    ['archive:enqueue', { target: 'tape', record: demoArchiveRecord(demo, 'decision', []) }],
    ['archive:retry', { id: 'not-a-uuid' }],
    ['canvas:coursework', { courseId: '../../accounts' }],
    ['archive:list', { unexpected: true }],
  ])('answers bad input on %s with a validation error and stores nothing', async (channel, input) => {
    const dataDir = await newDataDir(`bad-${channel.replace(':', '-')}-${Math.random().toString(36).slice(2)}`);
    await withHost(dataDir, async (host) => {
      expect(await call(host, channel, input)).toMatchObject({ status: 400, body: { ok: false, error: { kind: 'validation' } } });
      expect(await value(host, 'archive:list')).toEqual([]);
      expect(await readdir(dataDir)).not.toContain('documents');
    });
  });
});

describe('documents channels with configured archives and Canvas (documents.json)', () => {
  let p360: P360SifStandIn;
  let canvas: CanvasStandIn;
  beforeAll(async () => {
    p360 = await startP360SifStandIn({ authKey: 'sif-key' });
    canvas = await startCanvasStandIn({
      token: 'canvas-token',
      pageSize: 1,
      courses: {
        'sis_course_id:SYK1001': {
          assignments: [{ id: 7, name: 'Arbeidskrav 3', due_at: '2026-09-25T21:59:00Z' }],
          students: [
            { user_id: 1, sis_user_id: 'person-a', submissions: [{ assignment_id: 7, workflow_state: 'unsubmitted' }] },
            { user_id: 2, sis_user_id: 'person-b', submissions: [{ assignment_id: 7, workflow_state: 'graded', grade: 'complete' }] },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await p360?.close();
    await canvas?.close();
  });

  it('delivers to P360 with the auth key from the secure store and pages through Canvas', async () => {
    const dataDir = await newDataDir('configured');
    await writeFile(
      join(dataDir, 'documents.json'),
      JSON.stringify({
        archive: { p360: { baseUrl: p360.url, authKeySecret: 'p360.authkey', ...P360_REQUIRED_SETTINGS } },
        canvas: { baseUrl: canvas.url, tokenSecret: 'canvas.token' },
      }),
    );
    const secrets = createPlainFileSecureStore(secretsFilePath(dataDir));
    await secrets.set('p360.authkey', 'sif-key');
    await secrets.set('canvas.token', 'canvas-token');

    await withHost(dataDir, async (host) => {
      const sealed = await value<{ signatures: { signer: string }[] }>(host, 'documents:seal-decision', {
        documentId: `${demo.caseId}-decision`,
        decision: demo.decision,
      });
      const record = demoArchiveRecord(
        demo,
        'decision',
        sealed.signatures.map((signature) => signature.signer),
      );
      expect(await value(host, 'archive:targets')).toEqual(['p360', 'noark5', 'folder']);
      await value(host, 'archive:enqueue', { target: 'p360', record });
      const [entry] = await settled(host, 1);
      expect(entry).toMatchObject({ target: 'p360', status: 'archived', reference: p360.documents[0]?.DocumentNumber });
      expect(p360.requests.map((request) => `${request.service}.${request.method}`)).toEqual([
        'ContactService.SynchronizePrivatePerson',
        'CaseService.GetCases',
        'CaseService.CreateCase',
        'DocumentService.CreateDocument',
      ]);
      expect(p360.requests.every((request) => request.authkey === 'sif-key')).toBe(true);

      const coursework = await value<{ sisUserId?: string; coursework: { title: string; status: string; due?: string }[] }[]>(host, 'canvas:coursework', {
        courseId: 'sis_course_id:SYK1001',
      });
      expect(coursework.map((student) => [student.sisUserId, student.coursework.map((item) => item.status)])).toEqual([
        ['person-a', ['notSubmitted']],
        ['person-b', ['approved']],
      ]);
      expect(coursework[0]?.coursework[0]).toMatchObject({ title: 'Arbeidskrav 3', due: '2026-09-25' });
      expect(canvas.requests.every((request) => request.authorization === 'Bearer canvas-token')).toBe(true);
    });
  });

  it('keeps the app running with a broken documents.json, and names the problem on every documents call', async () => {
    const dataDir = await newDataDir('broken-config');
    await writeFile(join(dataDir, 'documents.json'), JSON.stringify({ signers: { coordinator: { kind: 'pkcs12', file: '' } } }));
    await withHost(dataDir, async (host) => {
      expect((await call(host, 'settings:get')).status).toBe(200);
      const refused = await call(host, 'documents:preview', { kind: 'decision', decision: demo.decision });
      expect(refused).toMatchObject({ status: 412, body: { error: { kind: 'precondition', message: expect.stringContaining('documents.json') } } });
      expect(await call(host, 'archive:list')).toMatchObject({ status: 412 });
      expect(await call(host, 'archive:targets')).toMatchObject({ status: 412 });
    });
  });

  it('names a configured PKCS#12 key without a stored password when signing, and signs the rest', async () => {
    const dataDir = await newDataDir('configured-key');
    await writeFile(
      join(dataDir, 'documents.json'),
      JSON.stringify({ signers: { coordinator: { kind: 'pkcs12', file: join(dataDir, 'kari.p12'), passwordSecret: 'coordinator.password' } } }),
    );
    await withHost(dataDir, async (host) => {
      const refused = await call(host, 'documents:sign-protocol', { documentId: 'p-1', protocol: signedProtocol, studentCertificate: false });
      expect(refused).toMatchObject({ status: 412, body: { error: { kind: 'precondition', message: expect.stringContaining('coordinator') } } });
      // A real coordinator key means no demo student certificates.
      const student = await call(host, 'documents:sign-protocol', { documentId: 'p-2', protocol: signedProtocol, studentCertificate: true });
      expect(student).toMatchObject({ status: 412, body: { error: { message: expect.stringContaining(demo.student.name) } } });
      const sealed = await value<{ pdfBase64: string }>(host, 'documents:seal-decision', { documentId: 'd', decision: demo.decision });
      expect(await pdfsig(pdfOf(sealed.pdfBase64))).toHaveLength(1);
      expect(await call(host, 'documents:read', { documentId: 'p-1' })).toMatchObject({ status: 404 });
    });
  });
});
