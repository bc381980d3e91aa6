import { COURSE_CONTRACT_TITLE, type CourseContractInput } from '../../../src-shared/documents/course-contract.schema';
import { formatLongDate, formatNumber, formatTimestamp } from '../../services/pdf/format';
import { bullets, drawPageFrames, facts, heading, keepTogether, paragraph, signatureArea, title } from '../../services/pdf/layout';

const kroner = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/**
 * The teaching resource's contract for a further-education course: the parties, the course, the
 * duties the seed gives the teaching resource (teaching the sessions, the session plan and the
 * landing-page text, preparing the LMS course, grading within three weeks and the pass list), the
 * fee invoiced by EHF after the course, and the signatures: the teaching resource's (drawn on
 * screen — `teachingResourceSignaturePng`, the decoded image of `input.teachingResourceSignature` —
 * or with a certificate), then the department head's countersignature (PAdES).
 */
export function drawCourseContract(doc: PDFKit.PDFDocument, input: CourseContractInput, teachingResourceSignaturePng?: Buffer): void {
  const { course, institution } = input;
  const client = institution.department ? `${institution.name}, ${institution.department}` : institution.name;
  title(doc, `${COURSE_CONTRACT_TITLE} – etter- og videreutdanning`);
  facts(doc, [
    ['Oppdragsgiver', `${client}, representert ved ${input.departmentHead.title.toLowerCase()} ${input.departmentHead.name}`],
    ['Undervisningsressurs', input.teachingResource.email ? `${input.teachingResource.name} (${input.teachingResource.email})` : input.teachingResource.name],
    ['Kurs', `${course.code} ${course.name}`],
    ['Omfang', `${formatNumber(course.credits)} studiepoeng, ${course.sessions} samlinger`],
    ['Periode', `${formatLongDate(course.startDate)} – ${formatLongDate(course.endDate)}`],
    ['Kursavgift for deltakerne', `kr ${kroner.format(course.priceNok)}`],
    ['Dato', formatLongDate(input.date)],
  ]);

  heading(doc, 'Oppdraget');
  paragraph(doc, `Undervisningsressursen påtar seg å gjennomføre kurset ${course.code} ${course.name} for oppdragsgiver, og skal:`);
  bullets(doc, [
    `undervise på kursets ${course.sessions} samlinger i perioden, etter samlingsplanen;`,
    'lage samlingsplanen og sende den, sammen med teksten til kursets landingsside på skolens nettside, til avdelingsleder og konsulent driftsadministrasjon i god tid før påmeldingen åpner;',
    'klargjøre kursets emne i Canvas før oppstart: legge ut kursplan, forelesningsmateriell og praktisk informasjon (konsulent driftsadministrasjon gir tilgang og opplæring i Canvas og Zoom);',
    'vurdere deltakernes skriftlige oppgave og registrere karakterene i Canvas innen tre uker etter innleveringsfristen;',
    'straks sende liste over hvem som har bestått, med annen viktig informasjon, til avdelingsleder og konsulent driftsadministrasjon.',
  ]);

  heading(doc, 'Honorar og fakturering');
  paragraph(doc, input.fee);
  paragraph(
    doc,
    'Avdelingsleder sender fakturainformasjon når kontrakten er signert og arkivert. Undervisningsressursen fakturerer honoraret ' +
      'som elektronisk faktura (EHF) etter at kurset er gjennomført. Fakturaen godkjennes av avdelingsleder før utbetaling.',
  );

  heading(doc, 'Avlysning');
  paragraph(
    doc,
    'Oppdragsgiver kan avlyse kurset før oppstart, for eksempel ved for få påmeldte. Undervisningsressursen varsles da straks, og kontrakten faller bort.',
  );

  keepTogether(doc, 200); // heading, text and signature lines on one page
  heading(doc, 'Underskrifter');
  paragraph(
    doc,
    `Kontrakten signeres av undervisningsressursen innen ${formatLongDate(input.signBy)} og returneres til avdelingsleder, ` +
      'som kontrasignerer den og arkiverer den i saken.',
  );
  signatureArea(doc, [
    {
      label: 'Undervisningsressurs',
      name: input.teachingResource.name,
      image: teachingResourceSignaturePng,
      note: input.teachingResourceSignature ? `Signert på skjerm ${formatTimestamp(input.teachingResourceSignature.signedAt)}` : 'Signeres elektronisk (PAdES)',
    },
    { label: input.departmentHead.title, name: input.departmentHead.name, note: 'Kontrasigneres elektronisk (PAdES)' },
  ]);

  drawPageFrames(doc, { institution, caseNumber: input.caseNumber, documentTitle: COURSE_CONTRACT_TITLE });
}
