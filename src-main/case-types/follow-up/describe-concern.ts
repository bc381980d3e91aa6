import { concernKindLabels, courseworkStateLabels, type ConcernReport } from '../../../src-shared/domain/follow-up/follow-up.schema';
import { formatShortDate } from '../../services/pdf/format';

/**
 * One teacher report in one paragraph: "SYK1001 Anatomi – Fagvansker, Lav studieprogresjon.
 * <description> Fravær: 40 %. Studentarbeider: Arbeidskrav 1 godkjent; Arbeidskrav 2 ikke levert (frist 01.10.2026)."
 */
export function describeConcern(report: ConcernReport): string {
  const kinds = report.concerns.map((kind) => concernKindLabels[kind].nb).join(', ');
  const parts = [`${report.course.code} ${report.course.name} – ${kinds}.`, report.description.trim()];
  if (report.absencePercent !== undefined) parts.push(`Fravær: ${report.absencePercent} %.`);
  if (report.coursework.length > 0) {
    const items = report.coursework.map(
      (work) => `${work.title} ${courseworkStateLabels[work.status].nb.toLowerCase()}${work.due ? ` (frist ${formatShortDate(work.due)})` : ''}`,
    );
    parts.push(`Studentarbeider: ${items.join('; ')}.`);
  }
  return parts.join(' ');
}
