import { attachment, signature, type LetterEmail } from '../../notifications/notification-letters';

/** The approval's letters by e-mail: the decision (an individual decision, enkeltvedtak) to the student, PDF attached. */
export const approvalLetterEmails = {
  decision: (notice, party) => {
    const student = party('student');
    return {
      to: [student.email],
      cc: [],
      subject: `Vedtak i godkjenningssaken (sak ${notice.caseNumber})`,
      text:
        `Hei, ${student.name}.\n\nVedlagt er vedtaket om godkjenning av ekstern utdanning som du har søkt om. ` +
        `Brevet viser hva som er godkjent for hvert emne, og forklarer hvordan du kan klage; klagefristen er tre uker fra du mottok det.\n\n${signature(notice)}`,
      attachments: [attachment(notice.pdf)],
    };
  },
} satisfies Record<string, LetterEmail>;
