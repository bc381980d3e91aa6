import { createHash } from 'node:crypto';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../src-shared/domain/document/document.schema';
import type { Person } from '../../src-shared/domain/person/person.schema';
import type { LetterRequest } from '../../src-shared/notifications/letter.schema';
import type { Sql } from '../db/database';
import { LetterRefusal } from './letter-refusal';
import { letterStep, letterStepState } from './letter-step';

type LetterRecord = LetterRequest['record'];

/** A replicated row as the server holds it now (deleted rows count as absent). */
export async function stored<T>(sql: Sql, collection: 'cases' | 'documents' | 'people', id: string): Promise<T | undefined> {
  const [row] = await sql.query<{ doc: string }>(`SELECT doc FROM sync_documents WHERE collection = $1 AND id = $2 AND NOT deleted`, [collection, id]);
  return row ? (JSON.parse(row.doc) as T) : undefined;
}

const notSynced = (what: string, caseNumber: string) =>
  new LetterRefusal('parent-missing', `The ${what} of case ${caseNumber} is not on the server yet; the letter is sent again after it has synced.`);

/** The letter's case as the server holds it; one that has not synced yet is a 409. */
export async function letterCase(sql: Sql, record: LetterRecord): Promise<Case> {
  const c = await stored<Case>(sql, 'cases', record.case.id);
  if (!c)
    throw new LetterRefusal('parent-missing', `Case ${record.case.caseNumber} is not on the server yet; the letter is sent again after the case has synced.`);
  return c;
}

/**
 * The server mails only what the case holds: a case whose type sends this letter and that has taken
 * the step issuing it, with the document of the letter's kind on it (same bytes, by SHA-256; the one
 * the case records, where it records one), to the case's own student. Returns that student from
 * the register of people.
 */
export async function checkIssued(sql: Sql, c: Case, record: LetterRecord, pdf: Buffer): Promise<Person> {
  const { kind } = record;
  letterStep(c, kind); // refuses a case type that sends no such letter
  const [document, student] = await Promise.all([stored<CaseDocument>(sql, 'documents', record.documentId), stored<Person>(sql, 'people', c.subjectPersonId)]);
  if (!document) throw notSynced('document', c.caseNumber);
  if (!student) throw notSynced('student', c.caseNumber);
  if (document.caseId !== c.id) throw new LetterRefusal('document-mismatch', `The document is not on case ${c.caseNumber}.`);
  if (document.kind !== kind)
    throw new LetterRefusal('letter-kind-mismatch', `A ${kind} letter cannot carry the ${document.kind} recorded on case ${c.caseNumber}.`);
  if (document.sha256 !== createHash('sha256').update(pdf).digest('hex')) {
    throw new LetterRefusal('document-mismatch', `The PDF is not the ${kind} recorded on case ${c.caseNumber}.`);
  }
  const step = letterStepState(c, kind, document.id);
  if (step === 'not-reached') {
    throw new LetterRefusal(
      'workflow-step-not-reached',
      `Case ${c.caseNumber} has not issued its ${kind} yet (it is "${c.status}"); the letter is sent again after the case has synced.`,
    );
  }
  if (step === 'other-document') throw new LetterRefusal('document-mismatch', `The document is not the ${kind} the case ${c.caseNumber} records.`);
  if (student.nationalId !== record.student.nationalId)
    throw new LetterRefusal('invalid-recipient', `The letter's student is not the student of case ${c.caseNumber}.`);
  return student;
}
