import type { OutgoingEmail } from './email.schema';
import type { Addressee } from './letter-recipients';

export interface LetterParty {
  name: string;
  email: string;
}

export interface LetterNotice {
  institution: string;
  caseNumber: string;
  /** Contact for questions, named in the signature of the e-mail. */
  sender: { name: string; title: string };
  pdf: { filename: string; bytes: Uint8Array };
}

/** A letter's e-mail, written from the notice to the parties the server chose (one per addressee of the issuing step). */
export type LetterEmail = (notice: LetterNotice, party: (addressee: Addressee) => LetterParty) => OutgoingEmail;

/** The letter's PDF as the e-mail's attachment. */
export const attachment = (pdf: LetterNotice['pdf']) => ({
  filename: pdf.filename,
  contentType: 'application/pdf' as const,
  contentBase64: Buffer.from(pdf.bytes).toString('base64'),
});

/** Who to ask, at the end of every letter's e-mail. */
export const signature = (notice: LetterNotice) => `Med vennlig hilsen\n${notice.sender.name}\n${notice.sender.title}\n${notice.institution}`;

/** The follow-up's letters: summons, protocol and decision. */
export const followUpLetterEmails = {
  summons: (notice, party) => summonsEmail(notice, party('student')),
  protocol: (notice, party) => protocolEmail(notice, party('departmentHead'), party('student')),
  decision: (notice, party) => decisionEmail(notice, party('student'), party('rector')),
} satisfies Record<string, LetterEmail>;

/** The summons to the follow-up conversation, with the letter attached. */
export function summonsEmail(notice: LetterNotice, student: LetterParty): OutgoingEmail {
  return {
    to: [student.email],
    cc: [],
    subject: `Innkalling til oppfølgingssamtale (sak ${notice.caseNumber})`,
    text:
      `Hei, ${student.name}.\n\nDu er kalt inn til en oppfølgingssamtale. Tid, sted og bakgrunn står i det vedlagte brevet.\n` +
      `Passer ikke tidspunktet, svar på denne e-posten.\n\n${signature(notice)}`,
    attachments: [attachment(notice.pdf)],
  };
}

/** The signed protocol to the department head, with a copy to the student. */
export function protocolEmail(notice: LetterNotice, departmentHead: LetterParty, student: LetterParty): OutgoingEmail {
  return {
    to: [departmentHead.email],
    cc: [student.email],
    subject: `Protokoll fra oppfølgingssamtale (sak ${notice.caseNumber})`,
    text: `Hei.\n\nVedlagt er den signerte protokollen fra oppfølgingssamtalen med ${student.name}. ` + `${student.name} får kopi.\n\n${signature(notice)}`,
    attachments: [attachment(notice.pdf)],
  };
}

/** The decision to the student, with a copy to the rector. */
export function decisionEmail(notice: LetterNotice, student: LetterParty, rector: LetterParty): OutgoingEmail {
  return {
    to: [student.email],
    cc: [rector.email],
    subject: `Vedtak i sak ${notice.caseNumber}`,
    text:
      `Hei, ${student.name}.\n\nVedlagt er vedtaket i saken din. Brevet forklarer hvordan du kan klage, ` +
      `og at klagefristen er tre uker fra du mottok det.\n\n${signature(notice)}`,
    attachments: [attachment(notice.pdf)],
  };
}
