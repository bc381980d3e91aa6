import type { ConcernKind, ConcernReport } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { formatShortDate } from './format';

/** How documents name what a teacher reported (Norwegian bokmål, the language of the letters). */
export const concernKindLabels: Record<ConcernKind, string> = {
  subjectDifficulties: 'Fagvansker',
  missingParticipation: 'Manglende deltakelse',
  lowProgression: 'Lav studieprogresjon',
  courseworkNotPassed: 'Studentarbeider ikke bestått',
};

type CourseworkStatus = ConcernReport['coursework'][number]['status'];

export const courseworkStatusLabels: Record<CourseworkStatus, string> = {
  notSubmitted: 'ikke levert',
  submitted: 'levert, ikke vurdert',
  approved: 'godkjent',
  notApproved: 'ikke godkjent',
  resubmissionRequired: 'må leveres på nytt',
};

/**
 * One teacher report in one paragraph: "SYK1001 Anatomi – Fagvansker, Lav studieprogresjon.
 * <description> Fravær: 40 %. Studentarbeider: Arbeidskrav 1 godkjent; Arbeidskrav 2 ikke levert (frist 01.10.2026)."
 */
export function describeConcern(report: ConcernReport): string {
  const kinds = report.concerns.map((kind) => concernKindLabels[kind]).join(', ');
  const parts = [`${report.course.code} ${report.course.name} – ${kinds}.`, report.description.trim()];
  if (report.absencePercent !== undefined) parts.push(`Fravær: ${report.absencePercent} %.`);
  if (report.coursework.length > 0) {
    const items = report.coursework.map(
      (work) => `${work.title} ${courseworkStatusLabels[work.status]}${work.due ? ` (frist ${formatShortDate(work.due)})` : ''}`,
    );
    parts.push(`Studentarbeider: ${items.join('; ')}.`);
  }
  return parts.join(' ');
}
