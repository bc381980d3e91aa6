import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { Recipient } from '../../../src-shared/domain/workflow/command.schema';

/** An e-mail without a letter: what the server writes when it accepts a step that gives notice. */
export interface NoticeText {
  subject: string;
  text: string;
}

/** The text of one notify template, written from the case as the server holds it after the step, for its recipient. */
export type NoticeTemplate = (c: Case, to: Recipient) => NoticeText;

/** Subject with the case number; the body ends with what the case is and that the e-mail is automatic. */
export function notice(c: Case, subject: string, ...paragraphs: string[]): NoticeText {
  return {
    subject: `${subject} – sak ${c.caseNumber}`,
    text: [...paragraphs, `Sak: ${c.title} (${c.caseNumber})`, 'Denne e-posten er sendt automatisk fra Saksflyt. Åpne saken i Saksflyt for å se mer.'].join(
      '\n\n',
    ),
  };
}

const meetingTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Oslo' });

/** "tirsdag 1. desember 2026 kl. 10:15", in Norwegian time whatever the server's zone. */
export const formatMeetingTime = (isoTimestamp: string): string => meetingTime.format(new Date(isoTimestamp));
