import { approvalVerdictLabels, type ApprovalDecisionCourse, type ApprovalDecisionInput } from '../../../src-shared/documents/approval-decision.schema';
import { decisionOutcome } from '../../../src-shared/domain/approval/decision';
import { drawDecisionLetter } from '../../services/pdf/decision-letter';
import { formatNumber } from '../../services/pdf/format';
import { facts, heading, keepTogether, paragraph, table } from '../../services/pdf/layout';

/**
 * The approval case's decision (godkjenningsvedtak): the shared decision letter, with the verdict
 * on each external course in a table, the credits approved in all, and the grounds per course.
 */
export function drawApprovalDecision(doc: PDFKit.PDFDocument, input: ApprovalDecisionInput): void {
  drawDecisionLetter(doc, input, () => {
    heading(doc, 'Vurdering av emnene');
    table(
      doc,
      [
        { header: 'Emne', width: '*' },
        { header: 'Institusjon', width: 105 },
        { header: 'Termin', width: 58 },
        { header: 'Omfang (sp)', width: 48, align: 'right' },
        { header: 'Vurdering', width: 78 },
        { header: 'Godkjent (sp)', width: 52, align: 'right' },
      ],
      input.courses.map((course) => [
        `${course.code} ${course.name}`,
        `${course.institutionName} (${course.institutionCode})`,
        course.term,
        formatNumber(course.courseCredits),
        approvalVerdictLabels[course.verdict],
        formatNumber(course.credits),
      ]),
    );
    const appliedFor = input.courses.reduce((sum, course) => sum + course.courseCredits, 0);
    facts(doc, [
      ['Samlet resultat', approvalVerdictLabels[decisionOutcome(input.courses)]],
      ['Godkjent til sammen', `${formatNumber(input.approvedCredits)} av ${formatNumber(appliedFor)} studiepoeng`],
    ]);

    heading(doc, 'Begrunnelse for hvert emne');
    for (const course of input.courses) {
      keepTogether(doc, 50); // the course's line stays with the start of its grounds
      facts(doc, [courseVerdictLine(course)]);
      paragraph(doc, course.grounds);
    }
  });
}

/** ["RES-100 Resultatutveksling (Høgskulen i Sogn og Fjordane, 2024 HØST)", "Delvis godkjent, 5 av 10 studiepoeng"] */
const courseVerdictLine = (course: ApprovalDecisionCourse): [string, string] => [
  `${course.code} ${course.name} (${course.institutionName}, ${course.term})`,
  `${approvalVerdictLabels[course.verdict]}, ${formatNumber(course.credits)} av ${formatNumber(course.courseCredits)} studiepoeng`,
];
