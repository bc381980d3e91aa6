import type { SummonsInput } from '../../../src-shared/documents/summons.schema';
import { describeConcern } from './describe-concern';
import { formatLongDate, formatMeetingTime, formatShortDate } from '../../services/pdf/format';
import { bullets, drawPageFrames, facts, heading, letterHead, paragraph, title } from '../../services/pdf/layout';

export const SUMMONS_TITLE = 'Innkalling til oppfølgingssamtale';

export function drawSummons(doc: PDFKit.PDFDocument, input: SummonsInput): void {
  letterHead(
    doc,
    [input.student.name, ...input.student.postalAddress],
    [
      ['Vår dato', formatShortDate(input.date)],
      ['Vår ref.', input.caseNumber],
      ['Saksbehandler', input.coordinator.name],
    ],
  );
  title(doc, SUMMONS_TITLE);
  paragraph(doc, `Hei, ${input.student.name}.`);
  paragraph(doc, 'Vi kaller deg inn til en oppfølgingssamtale om studiesituasjonen din.');

  const meeting = input.meeting;
  facts(doc, [
    ['Tid', formatMeetingTime(meeting.startsAt)],
    ['Varighet', `ca. ${meeting.durationMinutes} minutter`],
    ...(meeting.place.trim() ? [['Sted', meeting.place] as const] : []),
    ...(meeting.videoLink ? [['Videomøte', meeting.videoLink] as const] : []),
    ['Samtalen holdes av', `${input.coordinator.name}, ${input.coordinator.title.toLowerCase()}`],
  ]);

  heading(doc, 'Bakgrunn for samtalen');
  if (input.reason.trim()) paragraph(doc, input.reason);
  bullets(doc, input.concerns.map(describeConcern));

  heading(doc, 'Om samtalen');
  paragraph(
    doc,
    'I samtalen går vi sammen gjennom deltakelse, studieprogresjon og status på studentarbeidene dine, ' +
      'og vi blir enige om tiltak som kan hjelpe deg videre. Det skrives en protokoll fra samtalen som både ' +
      'du og kullkoordinator signerer. Protokollen sendes avdelingsleder, og du får en kopi.',
  );
  paragraph(doc, `Passer ikke tidspunktet, ta kontakt med ${input.coordinator.name} så snart som mulig, slik at vi kan finne et nytt.`);
  paragraph(doc, 'Med vennlig hilsen');
  paragraph(doc, `${input.coordinator.name}\n${input.coordinator.title}\n${formatLongDate(input.date)}`);

  drawPageFrames(doc, { institution: input.institution, caseNumber: input.caseNumber, documentTitle: SUMMONS_TITLE });
}
