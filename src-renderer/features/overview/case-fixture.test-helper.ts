import type { Case } from '../../../src-shared/domain/case/case.schema';

const at = '2026-01-01T08:00:00.000Z';

/** A follow-up case for the overview's tests: `id` (its last five characters make the case number) and `title`. */
export const overviewCase = (id: string, title: string): Case => ({
  id,
  type: 'followUp',
  caseNumber: `2026/${id.slice(-5)}`,
  title,
  status: 'reported',
  institution: 'HVL',
  department: 'Avdeling for helse',
  cohort: '',
  subjectPersonId: '',
  assignees: [],
  deadlines: [],
  nextDeadline: '2026-03-20',
  details: {},
  createdAt: at,
  createdBy: 'seed',
  updatedAt: at,
  updatedBy: 'seed',
});
