import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { demoSignaturePng } from '../../../src-main/cli/demo-signature';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { PENDING_CASE_FILES } from '../../../src-main/services/case-files/compose-case-files';
import { ARCHIVE_OUTBOX_DIR, DOCUMENTS_DIR } from '../../../src-main/services/documents-wiring/compose-documents';
import { courseContractInput } from '../../../src-shared/documents/course-contract-input';
import type { ArchiveEntry, IssuedDocument } from '../../../src-shared/documents/documents.contract';
import { COURSE_CASE_ID, course } from '../case-files/support';
import { openSealedFile, pdfText } from '../documents/tools';

/**
 * The data folder at rest: the main process (the browser host, wired as the app runs it) issues a
 * demo case's letters, archives them, keeps a contract it could not upload yet, and takes over a
 * plain PDF an older version left. Then every file of the data folder is read as raw bytes: no PDF,
 * no ZIP or TAR, and none of the case's sensitive strings in UTF-8 or UTF-16LE. The same strings are
 * found in what the app opens (and in the hand-over folder outside the data folder), so the test can fail.
 */
const demo = demoFollowUpCase();
const signedProtocol = { ...demo.protocol, studentSignature: { pngBase64: demoSignaturePng().toString('base64'), signedAt: '2026-10-20T10:30:00.000Z' } };
const contract = courseContractInput(
  course.start,
  { institution: course.institution, departmentHead: course.departmentHead, teachingResourceEmail: course.teachingResource.email },
  '2026-08-18T08:00:00.000Z',
);
const sensitive = [demo.student.name, demo.student.familyName, demo.student.nationalId, demo.student.email, course.teachingResource.name, 'deltidsjobb'];

let root: string;
let dataDir: string;
let handover: string;

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
async function value<T>(host: BrowserHost, channel: string, input?: unknown): Promise<T> {
  const response = await fetch(new URL(`rpc/${channel}`, host.url), {
    method: 'POST',
    ...(input === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  });
  const envelope = (await response.json()) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.kind}: ${envelope.error.message}`);
  return envelope.value;
}

async function withHost(use: (host: BrowserHost) => Promise<void>): Promise<void> {
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir: join(root, 'renderer') });
  try {
    await use(host);
  } finally {
    await host.close();
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** What the raw bytes of the files under `dir` give away: PDFs, ZIP or TAR packages, and the sensitive strings. */
async function leaksIn(dir: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file);
    const name = relative(dir, file).split('\\').join('/');
    if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') leaks.push(`${name}: a PDF`);
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) leaks.push(`${name}: a ZIP`);
    if (bytes.subarray(257, 262).toString('latin1') === 'ustar') leaks.push(`${name}: a TAR`);
    for (const text of sensitive) {
      if (bytes.includes(Buffer.from(text, 'utf8'))) leaks.push(`${name}: "${text}" (UTF-8)`);
      if (bytes.includes(Buffer.from(text, 'utf16le'))) leaks.push(`${name}: "${text}" (UTF-16LE)`);
    }
  }
  return leaks;
}

const pdfOf = (base64: string) => Buffer.from(base64, 'base64');
const documentFile = (documentId: string) => join(dataDir, DOCUMENTS_DIR, `${Buffer.from(documentId, 'utf8').toString('base64url')}.pdf`);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-raw-dump-'));
  dataDir = join(root, 'data');
  handover = join(root, 'handover');
  await mkdir(join(root, 'renderer'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><html lang="nb"><title>Saksflyt</title></html>');
  await mkdir(dataDir, { recursive: true });
  // The folder archive is handed over outside the data folder; the Noark 5 package keeps its default inside it.
  await writeFile(join(dataDir, 'documents.json'), JSON.stringify({ archive: { folder: { dir: handover } } }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the data folder at rest', () => {
  it('holds no PDF, archive package or sensitive string of a demo case in the clear, and the app still opens it all', async () => {
    let decision: IssuedDocument | undefined;
    let legacy: IssuedDocument | undefined;
    await withHost(async (host) => {
      legacy = await value<IssuedDocument>(host, 'documents:issue-summons', { documentId: 'legacy-summons', summons: demo.summons });
      await value(host, 'documents:sign-protocol', { documentId: `${demo.caseId}-protocol`, protocol: signedProtocol, studentCertificate: true });
      decision = await value<IssuedDocument>(host, 'documents:seal-decision', { documentId: `${demo.caseId}-decision`, decision: demo.decision });
      const record = demoArchiveRecord(
        demo,
        'decision',
        decision.signatures.map((signature) => signature.signer),
      );
      for (const target of ['folder', 'noark5']) await value(host, 'archive:enqueue', { target, record });
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const entries = await value<ArchiveEntry[]>(host, 'archive:list');
        if (entries.every((entry) => entry.status === 'archived')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await value<ArchiveEntry[]>(host, 'archive:list')).map((entry) => entry.status)).toEqual(['archived', 'archived']);
      // Nobody is signed in: the signed contract waits in the data folder for its upload.
      await value(host, 'documents:sign-contract', { documentId: 'contract-1', caseId: COURSE_CASE_ID, contract, teachingResourceCertificate: true });
    });

    // An older version kept its PDFs plain: the next start seals the one it finds, and it opens as before.
    await writeFile(documentFile('legacy-summons'), pdfOf(legacy!.pdfBase64));
    await withHost(async (host) => {
      expect(await value(host, 'documents:read', { documentId: 'legacy-summons' })).toEqual({ pdfBase64: legacy!.pdfBase64, sha256: legacy!.sha256 });
      const read = await value<{ pdfBase64: string }>(host, 'documents:read', { documentId: `${demo.caseId}-decision` });
      expect(read.pdfBase64).toBe(decision!.pdfBase64);
    });

    const names = (await filesUnder(dataDir)).map((file) => relative(dataDir, file).split('\\').join('/'));
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^documents\/.+\.pdf$/), expect.stringMatching(/^archive-outbox\/files\/.+\.pdf$/)]));
    expect(names).toEqual(expect.arrayContaining(['archive-outbox/outbox.json', 'noark5-staging/manifest.json', PENDING_CASE_FILES]));
    expect(await leaksIn(dataDir)).toEqual([]);

    // Positive controls: what the app opens holds the strings the raw bytes lack.
    const opened = await pdfText(await openSealedFile(dataDir, relative(dataDir, documentFile(`${demo.caseId}-decision`))));
    expect(opened).toContain(demo.student.name);
    const contractText = await pdfText(await openSealedFile(dataDir, relative(dataDir, documentFile('contract-1'))));
    expect(contractText).toContain(course.teachingResource.name);
    const outbox = (await openSealedFile(dataDir, ARCHIVE_OUTBOX_DIR, 'outbox.json')).toString('utf8');
    expect(outbox).toContain(demo.student.nationalId);
    expect(JSON.parse((await openSealedFile(dataDir, PENDING_CASE_FILES)).toString('utf8'))).toEqual({
      uploads: [{ caseId: COURSE_CASE_ID, documentId: 'contract-1' }],
    });
    // The hand-over outside the data folder stays plain, as the archive takes it.
    const handedOver = (await filesUnder(handover)).find((file) => file.endsWith('.pdf'));
    expect(await pdfText(await readFile(handedOver!))).toContain(demo.student.name);
    // The same scan finds what the hand-over holds in the clear.
    expect(await leaksIn(handover)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\.pdf: a PDF$/),
        `manifest.json: "${demo.student.nationalId}" (UTF-8)`,
        `manifest.json: "${demo.student.name}" (UTF-8)`,
      ]),
    );
  });
});
