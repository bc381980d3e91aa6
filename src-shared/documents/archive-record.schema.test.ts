import { describe, expect, it } from 'vitest';
import { archiveRecordSchema } from './archive-record.schema';

const document = {
  documentId: 'doc-1',
  kind: 'contract',
  title: 'Kontrakt om undervisning',
  documentDate: '2026-08-18',
  fileName: 'kontrakt-2026-00107.pdf',
  createdBy: 'Per Hansen',
  signedBy: ['Solveig Kræmer', 'Per Hansen'],
  case: {
    id: 'course-1',
    caseNumber: '2026/00107',
    title: 'Kursgjennomføring',
    institution: 'Høgskolen',
    department: 'EVU',
    responsible: 'Per Hansen',
    openedAt: '2026-08-17T08:00:00.000Z',
  },
};
const student = { nationalId: '14837512345', givenName: 'Åse', familyName: 'Ødegård', email: 'ase@example.no' };
const teacher = { role: 'recipient', party: 'external', name: 'Solveig Kræmer', email: 'solveig@example.no' } as const;
const issues = (value: unknown) => archiveRecordSchema.safeParse(value).error?.issues.map((issue) => issue.path.join('.'));

describe('archive record: filed on a student or on the case alone', () => {
  it('reads a record made before the folder existed as a student’s, unchanged', () => {
    const before = { ...document, student, recipients: [{ role: 'recipient', party: 'student', name: 'Åse Ødegård', email: student.email }] };
    expect(archiveRecordSchema.parse(before)).toEqual(before);
  });

  it('takes a case-folder record without anybody’s national ID, with the teaching resource as an outside recipient', () => {
    const record = { ...document, folder: 'case', recipients: [teacher] };
    expect(archiveRecordSchema.parse(record)).toEqual(record);
  });

  it('refuses a case-folder record that names a student, and a student record without one', () => {
    expect(issues({ ...document, folder: 'case', student, recipients: [teacher] })).toEqual(['student']);
    expect(issues({ ...document, folder: 'case', recipients: [{ ...teacher, party: 'student' }] })).toEqual(['recipients']);
    expect(issues({ ...document, recipients: [] })).toEqual(['student']);
    expect(issues({ ...document, folder: 'person', recipients: [] })).toEqual(['folder']);
  });
});
