import type { OutgoingEmail } from './email.schema';

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

const attachment = (pdf: LetterNotice['pdf']) => ({
  filename: pdf.filename,
  contentType: 'application/pdf' as const,
  contentBase64: Buffer.from(pdf.bytes).toString('base64'),
});

const signature = (notice: LetterNotice) => `Med vennlig hilsen\n${notice.sender.name}\n${notice.sender.title}\n${notice.institution}`;

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
