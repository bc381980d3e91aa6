import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { caseFilePath, caseFileReceiptSchema, caseFileSchema } from '../../../src-shared/documents/case-file.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import type { TestServer } from '../sync/support/test-server';
import { COURSE_CASE_ID, people, startCaseFilesServer } from './support';

/**
 * `PUT|GET /cases/{caseId}/files/{documentId}` over real HTTP on PGlite: who may keep and read a
 * case's PDFs, write-once with the incremental revision as the one exception, and clear 4xx
 * answers (never a 500) for whatever comes in.
 */
let server: TestServer;
const sessions: Partial<Record<keyof typeof people, Session>> = {};

beforeAll(async () => {
  server = await startCaseFilesServer();
  for (const name of Object.keys(people) as (keyof typeof people)[]) sessions[name] = await server.login(people[name].id);
}, 60_000);
afterAll(() => server?.close());

const signedPdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const revision = Buffer.concat([signedPdf, Buffer.from('2 0 obj << /Sig true >> endobj\n%%EOF\n', 'latin1')]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function request(method: 'PUT' | 'GET', who: keyof typeof people | undefined, path: string, body?: string) {
  const headers: Record<string, string> = {};
  if (who) headers.authorization = `Bearer ${sessions[who]!.accessToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const answer: unknown = await response.json();
  // Never a 500, and every refusal in the error shape.
  expect(response.status).toBeLessThan(500);
  if (!response.ok) expect(syncErrorSchema.safeParse(answer).success).toBe(true);
  return { status: response.status, answer: answer as Record<string, unknown> };
}

const put = (who: keyof typeof people | undefined, documentId: string, pdf: Buffer, caseId = COURSE_CASE_ID) =>
  request('PUT', who, caseFilePath(caseId, documentId), JSON.stringify({ pdfBase64: pdf.toString('base64') }));
const get = (who: keyof typeof people | undefined, documentId: string, caseId = COURSE_CASE_ID) => request('GET', who, caseFilePath(caseId, documentId));

async function auditOf(documentId: string) {
  return server.db.query<{ actor_id: string; outcome: string; reason: string | null; detail: string }>(
    `SELECT actor_id, outcome, reason, detail FROM audit_log WHERE action = 'case-file' AND document_id = $1 ORDER BY id`,
    [documentId],
  );
}

describe('a case’s kept PDFs on the server', () => {
  it('takes the teaching resource’s signed contract once, its countersigned revision, and the same bytes again', async () => {
    const stored = await put('teacher', 'contract-1', signedPdf);
    expect(stored).toEqual({ status: 200, answer: { sha256: sha256(signedPdf), outcome: 'stored' } });
    expect(caseFileReceiptSchema.parse(stored.answer).outcome).toBe('stored');
    expect(caseFileSchema.parse((await get('head', 'contract-1')).answer)).toEqual({ pdfBase64: signedPdf.toString('base64'), sha256: sha256(signedPdf) });

    expect(await put('teacher', 'contract-1', signedPdf)).toEqual({ status: 200, answer: { sha256: sha256(signedPdf), outcome: 'unchanged' } });
    // Other bytes under the same id are refused; the kept file stays.
    const other = Buffer.from(signedPdf.toString('latin1').replace('Catalog', 'Katalog'), 'latin1');
    expect(await put('teacher', 'contract-1', other)).toMatchObject({ status: 409, answer: { code: 'conflict' } });
    // A shorter file that the stored one starts with is no revision either.
    expect(await put('head', 'contract-1', signedPdf.subarray(0, 20))).toMatchObject({ status: 409 });

    expect(await put('head', 'contract-1', revision)).toEqual({ status: 200, answer: { sha256: sha256(revision), outcome: 'revised' } });
    expect((await get('teacher', 'contract-1')).answer).toEqual({ pdfBase64: revision.toString('base64'), sha256: sha256(revision) });
    // The signed version is no longer what the server keeps: sending it again is a conflict.
    expect(await put('teacher', 'contract-1', signedPdf)).toMatchObject({ status: 409 });

    const [row] = await server.db.query<{ case_id: string; size: number; uploaded_by: string }>(
      'SELECT case_id, size, uploaded_by FROM case_files WHERE document_id = $1',
      ['contract-1'],
    );
    expect(row).toEqual({ case_id: COURSE_CASE_ID, size: revision.length, uploaded_by: people.head.id });
    const audit = await auditOf('contract-1');
    expect(audit.filter((entry) => entry.outcome === 'accepted').map((entry) => [entry.actor_id, JSON.parse(entry.detail).outcome])).toEqual([
      [people.teacher.id, 'stored'],
      [people.teacher.id, 'unchanged'],
      [people.head.id, 'revised'],
    ]);
    expect(audit.filter((entry) => entry.outcome === 'denied').map((entry) => entry.reason)).toEqual(['conflict', 'conflict', 'conflict']);
  });

  it('refuses a head of another department, a student and anyone without a session', async () => {
    await put('teacher', 'contract-2', signedPdf);
    expect(await get('otherHead', 'contract-2')).toMatchObject({ status: 403, answer: { code: 'forbidden' } });
    expect(await put('otherHead', 'contract-3', signedPdf)).toMatchObject({ status: 403, answer: { code: 'forbidden' } });
    expect(await get('student', 'contract-2')).toMatchObject({ status: 403 });
    expect(await put('student', 'contract-3', signedPdf)).toMatchObject({ status: 403 });
    expect(await get(undefined, 'contract-2')).toMatchObject({ status: 401, answer: { code: 'unauthenticated' } });
    expect(await put(undefined, 'contract-3', signedPdf)).toMatchObject({ status: 401 });
    expect(await get('head', 'contract-3')).toMatchObject({ status: 404, answer: { code: 'not-found' } });
    expect((await auditOf('contract-3')).map((entry) => [entry.actor_id, entry.outcome])).toEqual([
      [people.otherHead.id, 'denied'],
      [people.student.id, 'denied'],
    ]);
  });

  it('answers 404 for a file or case it does not keep, and 409 for an upload to a case not synced yet', async () => {
    expect(await get('head', 'never-uploaded')).toMatchObject({ status: 404, answer: { code: 'not-found' } });
    expect(await get('head', 'contract-1', 'no-such-case')).toMatchObject({ status: 404 });
    expect(await put('head', 'contract-9', signedPdf, 'no-such-case')).toMatchObject({ status: 409, answer: { code: 'parent-missing' } });
  });

  it('refuses what is no PDF, malformed JSON, stray fields and hostile ids with 400', async () => {
    expect(await put('teacher', 'contract-4', Buffer.from('<html>not a pdf</html>'))).toMatchObject({ status: 400, answer: { code: 'bad-request' } });
    const path = caseFilePath(COURSE_CASE_ID, 'contract-4');
    expect(await request('PUT', 'teacher', path, '{"pdfBase64":')).toMatchObject({ status: 400, answer: { code: 'bad-request' } });
    expect(await request('PUT', 'teacher', path, JSON.stringify({ pdfBase64: 'not base64!' }))).toMatchObject({ status: 400 });
    expect(await request('PUT', 'teacher', path, JSON.stringify({ pdfBase64: signedPdf.toString('base64'), extra: 1 }))).toMatchObject({ status: 400 });
    expect(await request('PUT', 'teacher', path, JSON.stringify([]))).toMatchObject({ status: 400 });
    expect(await put('teacher', 'x'.repeat(65), signedPdf)).toMatchObject({ status: 400 });
    expect(await get('teacher', 'x'.repeat(65))).toMatchObject({ status: 400 });
    expect(await get('head', 'contract-4')).toMatchObject({ status: 404 });
  });
});
