import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { Participant } from '../../../../src-shared/domain/course-delivery/participants';
import { longDate } from './course-messages';

const decisions = ['admitted', 'waitlisted', 'rejected'] as const;
export type Decision = (typeof decisions)[number];
/** A status the department head's decision gives (not registered or withdrawn). */
export const isDecision = (status: string): status is Decision => (decisions as readonly string[]).includes(status);

const whatNext: Record<Decision, (title: string) => { subject: string; paragraphs: string[]; english: string }> = {
  admitted: (title) => ({
    english: `You have been admitted to ${title}. A welcome letter with the links to Canvas and the video room follows before the course starts.`,
    subject: `Du har fått plass på ${title}`,
    paragraphs: [
      `Du har fått plass på kurset ${title}.`,
      'Før kursstart får du et velkomstbrev med lenke til kursrommet i Canvas og til videorommet samlingene holdes i. Faktura for kursavgiften kommer i eget brev.',
    ],
  }),
  waitlisted: (title) => ({
    english: `${title} is full, and you are on the waiting list. We will e-mail you if a place becomes free.`,
    subject: `Du står på venteliste til ${title}`,
    paragraphs: [`Kurset ${title} er fullt, og du står på venteliste.`, 'Blir en plass ledig, får du beskjed på e-post. Du trenger ikke gjøre noe nå.'],
  }),
  rejected: (title) => ({
    english: `You have not been admitted to ${title}. You will not be invoiced.`,
    subject: `Du har ikke fått plass på ${title}`,
    paragraphs: [`Du har dessverre ikke fått plass på kurset ${title}.`, 'Du blir ikke fakturert for kurset.'],
  }),
};

/**
 * The e-mail telling a participant the department head's decision on their registration: what
 * happens next, the reason when given, the course's dates; Norwegian first, a short English line after.
 */
export function decisionMail(c: CourseDeliveryCase, participant: Participant, decision: Decision): { subject: string; text: string } {
  const { course } = c.details;
  const { subject, paragraphs, english } = whatNext[decision](`${course.code} ${course.name}`);
  const reason = participant.decision?.reason;
  return {
    subject,
    text: [
      `Hei ${participant.name},`,
      ...paragraphs,
      ...(reason ? [`Begrunnelse: ${reason}`] : []),
      `Kursdatoer: ${longDate(course.startDate)} – ${longDate(course.endDate)}, ${course.sessions} samlinger.`,
      'Denne e-posten er sendt automatisk. Har du spørsmål, ta kontakt med etter- og videreutdanning.',
      '---',
      english,
    ].join('\n\n'),
  };
}
