import { randomUUID } from 'node:crypto';
import type { ActorScope } from '../../../../src-shared/domain/access';
import { NO_DEADLINE, type Case } from '../../../../src-shared/domain/case/case.schema';
import type { Note } from '../../../../src-shared/domain/note/note.schema';

export const INSTITUTION = 'hvl';
export const scope = (overrides: Partial<ActorScope> = {}): ActorScope => ({
  institution: INSTITUTION,
  departments: [],
  cohorts: [],
  partners: [],
  ...overrides,
});

const at = '2026-03-02T09:00:00.000Z';

/** A follow-up case opened by a cohort coordinator (passes the shared workflow check). */
export function followUpCase(createdBy: string, overrides: Partial<Case> = {}): Case {
  return {
    id: randomUUID(),
    type: 'followUp',
    caseNumber: '2026/00001',
    title: 'Oppfølging av student',
    status: 'open',
    institution: INSTITUTION,
    department: 'helse',
    cohort: 'spl-2025',
    subjectPersonId: randomUUID(),
    assignees: [createdBy],
    deadlines: [],
    nextDeadline: NO_DEADLINE,
    details: { reports: [] },
    createdAt: at,
    createdBy,
    updatedAt: at,
    updatedBy: createdBy,
    ...overrides,
  };
}

export function note(caseId: string, authorId: string, text = 'Samtale gjennomført.'): Note {
  return { id: randomUUID(), caseId, authorId, authorName: 'Kari Koordinator', createdAt: at, text, visibility: 'internal' };
}
