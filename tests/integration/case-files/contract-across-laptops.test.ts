import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { PENDING_CASE_FILES } from '../../../src-main/services/case-files/compose-case-files';
import { courseContractInput } from '../../../src-shared/documents/course-contract-input';
import type { IssuedDocument } from '../../../src-shared/documents/documents.contract';
import { openSealedFile, pdfsig, runOnPdf } from '../documents/tools';
import { TcpProxy } from '../sync/support/tcp-proxy';
import { TEST_PASSWORD, type TestServer } from '../sync/support/test-server';
import { COURSE_CASE_ID, course, people, startCaseFilesServer } from './support';

/**
 * The course contract across laptops: each laptop is a main process of its own (the browser host,
 * wired as the app runs it, in demo signing mode) with its own data folder, signed in to one real
 * central server. The teaching resource signs on laptop A, the department head countersigns on
 * laptop B, which has never seen the signed file: it comes through the server.
 */
type Envelope<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

let root: string;
let server: TestServer;
const hosts: BrowserHost[] = [];
const contract = courseContractInput(
  course.start,
  { institution: course.institution, departmentHead: course.departmentHead, teachingResourceEmail: course.teachingResource.email },
  '2026-08-18T08:00:00.000Z',
);

async function rpc<T>(host: BrowserHost, channel: string, input?: unknown): Promise<Envelope<T>> {
  const response = await fetch(new URL(`rpc/${channel}`, host.url), {
    method: 'POST',
    ...(input === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  });
  return (await response.json()) as Envelope<T>;
}

async function value<T>(host: BrowserHost, channel: string, input?: unknown): Promise<T> {
  const envelope = await rpc<T>(host, channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.kind}: ${envelope.error.message}`);
  return envelope.value;
}

/** A laptop with its own data folder, signed in as `user` to the server at `serverUrl` (or signed out). */
async function laptop(name: string, user?: keyof typeof people, serverUrl = server.url): Promise<{ host: BrowserHost; dataDir: string }> {
  const dataDir = join(root, name);
  const host = await startBrowserHost({ port: 0, dataDir, rendererDir: join(root, 'renderer') });
  hosts.push(host);
  await value(host, 'settings:update', { serverUrl });
  if (user) await value(host, 'session:login', { username: people[user].id, password: TEST_PASSWORD });
  return { host, dataDir };
}

async function closeLaptop(host: BrowserHost): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.close();
}

const keptOnServer = async (documentId: string) =>
  (await server.db.query<{ sha256: string }>('SELECT sha256 FROM case_files WHERE document_id = $1', [documentId]))[0]?.sha256;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-case-files-'));
  await mkdir(join(root, 'renderer'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><html lang="nb"><title>Saksflyt</title></html>');
  server = await startCaseFilesServer();
}, 60_000);
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the course contract across two laptops', () => {
  it('is signed by the teaching resource on laptop A and countersigned by the head on laptop B through the server', async () => {
    const a = await laptop('laptop-a', 'teacher');
    const b = await laptop('laptop-b', 'head');
    const documentId = `${COURSE_CASE_ID}-contract-0001`;

    const signed = await value<IssuedDocument>(a.host, 'documents:sign-contract', {
      documentId,
      caseId: COURSE_CASE_ID,
      contract,
      teachingResourceCertificate: true,
    });
    expect(await keptOnServer(documentId)).toBe(signed.sha256);

    // Laptop B has never kept it: it reads it from the server, then countersigns it.
    expect(await value(b.host, 'documents:read', { documentId, caseId: COURSE_CASE_ID })).toEqual({ pdfBase64: signed.pdfBase64, sha256: signed.sha256 });
    const countersigned = await value<IssuedDocument>(b.host, 'documents:countersign-contract', {
      documentId,
      caseId: COURSE_CASE_ID,
      contract,
      teachingResourceSignedAt: signed.signatures[0]!.signedAt,
    });
    expect(countersigned.signatures.map((signature) => signature.signer)).toEqual([course.teachingResource.name, course.departmentHead.name]);
    const pdf = Buffer.from(countersigned.pdfBase64, 'base64');

    // pdfsig: two signatures, both valid, the second (the head's demo key) over the whole file.
    const report = (await runOnPdf('pdfsig', [], pdf)).stdout;
    expect(report.match(/^Signature #\d+:$/gm)).toHaveLength(2);
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect((await pdfsig(pdf)).map(({ valid, coversAll }) => ({ valid, coversAll }))).toEqual([
      { valid: true, coversAll: false },
      { valid: true, coversAll: true },
    ]);

    // The server keeps the countersigned revision; a third laptop reads that one.
    expect(await keptOnServer(documentId)).toBe(countersigned.sha256);
    const c = await laptop('laptop-c', 'head');
    expect(await value(c.host, 'documents:read', { documentId, caseId: COURSE_CASE_ID })).toEqual({
      pdfBase64: countersigned.pdfBase64,
      sha256: countersigned.sha256,
    });
    await Promise.all([a, b, c].map(({ host }) => closeLaptop(host)));
  });

  it('remembers a contract signed while the server cannot be reached and uploads it at the next start', async () => {
    const proxy = new TcpProxy(Number(new URL(server.url).port));
    const proxyUrl = await proxy.listen();
    try {
      const a = await laptop('laptop-offline', 'teacher', proxyUrl);
      const documentId = `${COURSE_CASE_ID}-contract-0002`;
      proxy.hooks.onConnect = () => false;
      proxy.dropAll();
      const signed = await value<IssuedDocument>(a.host, 'documents:sign-contract', {
        documentId,
        caseId: COURSE_CASE_ID,
        contract,
        teachingResourceCertificate: true,
      });
      expect(await keptOnServer(documentId)).toBeUndefined();
      expect(JSON.parse((await openSealedFile(a.dataDir, PENDING_CASE_FILES)).toString('utf8'))).toEqual({ uploads: [{ caseId: COURSE_CASE_ID, documentId }] });
      await closeLaptop(a.host);

      proxy.hooks.onConnect = undefined;
      const again = await startBrowserHost({ port: 0, dataDir: a.dataDir, rendererDir: join(root, 'renderer') });
      hosts.push(again);
      // The start uploads what is pending, then takes it off the list.
      const pending = async () => JSON.parse((await openSealedFile(a.dataDir, PENDING_CASE_FILES)).toString('utf8')) as { uploads: unknown[] };
      for (let attempt = 0; attempt < 100 && (await pending()).uploads.length > 0; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await pending()).toEqual({ uploads: [] });
      expect(await keptOnServer(documentId)).toBe(signed.sha256);
      await closeLaptop(again);
    } finally {
      await proxy.close();
    }
  });

  it('works without a server as before: a document this laptop lacks is not found, and nothing is fetched', async () => {
    const alone = await laptop('laptop-alone');
    expect(await rpc(alone.host, 'documents:read', { documentId: `${COURSE_CASE_ID}-contract-0001`, caseId: COURSE_CASE_ID })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
    const signed = await value<IssuedDocument>(alone.host, 'documents:sign-contract', {
      documentId: 'local-contract',
      caseId: COURSE_CASE_ID,
      contract,
      teachingResourceCertificate: true,
    });
    const countersigned = await value<IssuedDocument>(alone.host, 'documents:countersign-contract', {
      documentId: 'local-contract',
      caseId: COURSE_CASE_ID,
      contract,
      teachingResourceSignedAt: signed.signatures[0]!.signedAt,
    });
    expect(countersigned.signatures).toHaveLength(2);
    expect(await keptOnServer('local-contract')).toBeUndefined();
    await closeLaptop(alone.host);
  });
});
