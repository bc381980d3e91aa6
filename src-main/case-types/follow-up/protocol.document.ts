import type { ProtocolInput } from '../../../src-shared/documents/protocol.schema';
import { protocolContent } from '../../../src-shared/documents/protocol-content';
import { describeConcern } from './describe-concern';
import { formatInstantDate, formatShortDate, formatTimestamp } from '../../services/pdf/format';
import { bullets, drawPageFrames, facts, heading, keepTogether, paragraph, signatureArea, title } from '../../services/pdf/layout';

export const PROTOCOL_TITLE = 'Protokoll fra oppfølgingssamtale';

/**
 * The protocol: facts of the case, the conversation as written in the notes (corrections in place
 * of what they correct), agreed measures and the signature area. `studentSignaturePng` is the
 * decoded image of `input.studentSignature`.
 */
export function drawProtocol(doc: PDFKit.PDFDocument, input: ProtocolInput, studentSignaturePng?: Buffer): void {
  title(doc, PROTOCOL_TITLE);
  const present = [
    `${input.student.name} (student)`,
    `${input.coordinator.name} (${input.coordinator.title.toLowerCase()})`,
    ...input.conversation.participants.map((person) => `${person.name} (${person.title.toLowerCase()})`),
  ];
  facts(doc, [
    ['Student', input.student.studentNumber ? `${input.student.name}, studentnr. ${input.student.studentNumber}` : input.student.name],
    ['Tidspunkt', formatTimestamp(input.conversation.heldAt)],
    ['Sted', input.conversation.place],
    ['Til stede', present.join(', ')],
    ['Referent', `${input.coordinator.name}, ${input.coordinator.title.toLowerCase()}`],
  ]);

  heading(doc, 'Bakgrunn');
  if (input.concerns.length === 0) {
    paragraph(doc, 'Ingen meldinger fra lærer er knyttet til saken.', { muted: true });
  } else {
    bullets(
      doc,
      input.concerns.map((report) => `${describeConcern(report)} (meldt av ${report.reporterName} ${formatInstantDate(report.reportedAt)})`),
    );
  }

  const content = protocolContent(input.notes);
  heading(doc, 'Samtalen');
  if (content.entries.length === 0) paragraph(doc, 'Det er ikke skrevet notater fra samtalen.', { muted: true });
  for (const entry of content.entries) {
    const correction = entry.correctsNoteWrittenAt ? ` – korrigerer notat fra ${formatTimestamp(entry.correctsNoteWrittenAt)}` : '';
    paragraph(doc, `${entry.authorName}, ${formatTimestamp(entry.writtenAt)}${correction}`, { muted: true });
    doc.moveUp(0.4);
    paragraph(doc, entry.text);
  }

  heading(doc, 'Avtalte tiltak');
  if (content.measures.length === 0) paragraph(doc, 'Det ble ikke avtalt tiltak.', { muted: true });
  else {
    bullets(
      doc,
      content.measures.map((measure) => `${measure.text} Ansvarlig: ${measure.ownerName}. Frist: ${formatShortDate(measure.due)}.`),
    );
  }

  heading(doc, 'Videre saksgang');
  paragraph(
    doc,
    `Protokollen sendes ${input.sendTo.title.toLowerCase()} ${input.sendTo.name} med kopi til studenten. ` +
      'Avdelingsleder vurderer saken sammen med rektor og kullkoordinator.',
  );

  keepTogether(doc, 190); // heading, text and signature lines on one page
  heading(doc, 'Underskrifter');
  paragraph(doc, 'Protokollen er gjennomgått og bekreftet av studenten og kullkoordinator.');
  signatureArea(doc, [
    {
      label: 'Student',
      name: input.student.name,
      image: studentSignaturePng,
      note: input.studentSignature ? `Signert på skjerm ${formatTimestamp(input.studentSignature.signedAt)}` : undefined,
    },
    {
      label: input.coordinator.title,
      name: input.coordinator.name,
      note: 'Signert elektronisk (PAdES)',
    },
  ]);

  drawPageFrames(doc, { institution: input.institution, caseNumber: input.caseNumber, documentTitle: PROTOCOL_TITLE });
}
