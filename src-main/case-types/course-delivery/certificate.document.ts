import type { CertificateCourse, CourseCertificateInput } from '../../../src-shared/documents/course-certificate.schema';
import { formatLongDate, formatNumber } from '../../services/pdf/format';
import { contentWidth, drawPageFrames, facts, paragraph, title } from '../../services/pdf/layout';
import { FONT } from '../../services/pdf/pdfa-document';

export const CERTIFICATE_TITLE = 'Kursbevis';

/**
 * The course certificate (kursbevis): one page stating that the participant has completed and
 * passed the course, its extent and dates, the department head's certificate text, and who
 * issued it. The PDF is sealed with the institution's seal afterwards, which the last line says.
 */
export function drawCourseCertificate(doc: PDFKit.PDFDocument, input: CourseCertificateInput): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);

  doc.moveDown(1.5);
  title(doc, CERTIFICATE_TITLE);
  paragraph(doc, 'Det bekreftes at');
  doc
    .font(FONT.bold)
    .fontSize(fitSize(doc, input.participant.name, width, [20, 16, 13], 2 * 26))
    .fillColor('black');
  doc.text(input.participant.name, left, doc.y, { width });
  doc.font(FONT.regular).fontSize(10.5);
  doc.text(`født ${formatLongDate(input.participant.birthDate)}`, left, doc.y + 2, { width });
  doc.moveDown(1);
  paragraph(doc, 'har gjennomført og bestått videreutdanningskurset');
  const courseTitle = `${input.course.code} ${input.course.name}`;
  doc
    .font(FONT.bold)
    .fontSize(fitSize(doc, courseTitle, width, [14, 12, 10.5], 2 * 19))
    .fillColor('black');
  doc.text(courseTitle, left, doc.y, { width });
  doc.moveDown(1);

  facts(doc, [
    ['Omfang', courseExtent(input.course)],
    ['Gjennomført', `${formatLongDate(input.course.startDate)} – ${formatLongDate(input.course.endDate)}`],
    ['Utstedt av', input.institution.department ? `${input.institution.name}, ${input.institution.department}` : input.institution.name],
  ]);

  doc.moveDown(0.5);
  const room = doc.page.height - doc.page.margins.bottom - doc.y - CLOSING_HEIGHT;
  doc.font(FONT.regular);
  doc.fontSize(fitSize(doc, input.certificateText, width, [10.5, 9.5, 8.5, 7.5], room)).fillColor('black');
  doc.text(input.certificateText, left, doc.y, { width, lineGap: 2 });

  doc.moveDown(1.5);
  paragraph(doc, formatLongDate(input.date));
  paragraph(doc, `${input.issuedBy.name}\n${input.issuedBy.title}`);
  paragraph(doc, `Kursbeviset er elektronisk utstedt og forseglet med virksomhetens segl ${formatLongDate(input.date)}.`, { muted: true });

  drawPageFrames(doc, { institution: input.institution, caseNumber: input.caseNumber, documentTitle: CERTIFICATE_TITLE });
}

/** Height kept below the certificate text for the date, the issuer and the seal note. */
const CLOSING_HEIGHT = 110;

/**
 * The largest of `sizes` (largest first) at which `text`, in the current font, takes at most
 * `maxHeight` points, so that a long name, course name or certificate text keeps the certificate on one page.
 */
function fitSize(doc: PDFKit.PDFDocument, text: string, width: number, sizes: readonly [number, ...number[]], maxHeight: number): number {
  const fits = sizes.find((size) => doc.fontSize(size).heightOfString(text, { width, lineGap: 2 }) <= maxHeight);
  return fits ?? sizes[sizes.length - 1] ?? sizes[0];
}

/** "10 studiepoeng (60 timer)", "10 studiepoeng" or "60 timer". */
export function courseExtent(course: Pick<CertificateCourse, 'credits' | 'hours'>): string {
  const credits = course.credits === undefined ? undefined : `${formatNumber(course.credits)} studiepoeng`;
  const hours = course.hours === undefined ? undefined : `${formatNumber(course.hours)} timer`;
  return credits && hours ? `${credits} (${hours})` : (credits ?? hours ?? '');
}
