import type { DecisionInput } from '../../../src-shared/documents/decision.schema';
import { appealDeadline } from '../../../src-shared/domain/appeal/appeal-deadline';
import { formatLongDate, formatShortDate } from './format';
import { bullets, drawPageFrames, heading, letterHead, paragraph, title } from './layout';

export const DECISION_TITLE = 'Vedtak';

/**
 * The decision letter (enkeltvedtak) of every case type that decides. Its fixed texts carry what
 * forvaltningsloven requires of every individual decision: grounds (§§ 24–25), and a notice (§ 27)
 * of the right to appeal (§ 28), the three-week deadline from receipt (§ 29), where and how to
 * appeal (§ 32) and the right to see the case documents (§§ 18–19). `caseSection` draws the case
 * type's own part (e.g. the verdict per course) right after the decision itself.
 */
export function drawDecisionLetter(doc: PDFKit.PDFDocument, input: DecisionInput, caseSection?: (doc: PDFKit.PDFDocument) => void): void {
  letterHead(
    doc,
    [input.student.name, ...input.student.postalAddress],
    [
      ['Vår dato', formatShortDate(input.date)],
      ['Vår ref.', input.caseNumber],
      ['Kontakt', input.contact.name],
    ],
  );
  title(doc, `${DECISION_TITLE} – ${input.title}`);

  heading(doc, 'Vedtak');
  paragraph(doc, input.outcome);
  caseSection?.(doc);

  heading(doc, 'Rettslig grunnlag');
  paragraph(doc, 'Vedtaket er gjort med hjemmel i:');
  bullets(doc, input.legalBasis);

  heading(doc, 'Faktiske forhold');
  paragraph(doc, input.facts);

  heading(doc, 'Hovedhensyn i vurderingen');
  paragraph(doc, input.mainConsiderations);
  paragraph(doc, 'Vedtaket er begrunnet i samsvar med forvaltningsloven §§ 24 og 25.', { muted: true });

  heading(doc, 'Du kan klage på vedtaket');
  paragraph(
    doc,
    'Du har rett til å klage på vedtaket, jf. forvaltningsloven § 28. Klagefristen er tre uker fra det ' +
      'tidspunktet dette brevet kom fram til deg, jf. forvaltningsloven § 29.' +
      (input.appeal.receivedOn
        ? ` Brevet kom fram til deg ${formatLongDate(input.appeal.receivedOn)}, så siste frist for å klage er ` +
          `${formatLongDate(appealDeadline(input.appeal.receivedOn))}.`
        : ''),
  );
  paragraph(
    doc,
    `Klagen sendes til ${input.appeal.submitTo}, som har fattet vedtaket, jf. forvaltningsloven § 32. ` +
      `Dersom vedtaket ikke blir endret, sendes klagen til ${input.appeal.appealBody} for endelig avgjørelse.`,
  );
  paragraph(doc, input.appeal.howTo);
  paragraph(
    doc,
    'Klagen må være skriftlig og undertegnet. Skriv hvilket vedtak du klager på, hvilken endring du ønsker, ' +
      'og begrunn klagen. Du kan be om at vedtaket ikke settes i verk før klagen er avgjort, jf. forvaltningsloven § 42.',
  );

  heading(doc, 'Du har rett til å se dokumentene i saken');
  paragraph(
    doc,
    'Du har rett til å se dokumentene i saken, jf. forvaltningsloven §§ 18 og 19. ' +
      `Ta kontakt med ${input.contact.name} (${input.contact.title.toLowerCase()}) om du ønsker innsyn eller har spørsmål til vedtaket.`,
  );
  paragraph(doc, 'Denne underretningen er gitt i samsvar med forvaltningsloven § 27.', { muted: true });

  paragraph(doc, 'Med vennlig hilsen');
  paragraph(doc, input.decidedBy.map((person) => `${person.name}, ${person.title.toLowerCase()}`).join('\n'));
  paragraph(doc, `Dokumentet er elektronisk godkjent og forseglet med virksomhetens segl ${formatLongDate(input.date)}.`, {
    muted: true,
  });
  if (input.copyTo.length > 0) {
    paragraph(doc, `Kopi til: ${input.copyTo.map((person) => `${person.name} (${person.title.toLowerCase()})`).join(', ')}`);
  }

  drawPageFrames(doc, { institution: input.institution, caseNumber: input.caseNumber, documentTitle: DECISION_TITLE });
}
