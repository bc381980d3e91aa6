import type { CourseDeliveryDetails } from '../../../../src-shared/domain/course-delivery/course-delivery.schema';
import type { RegistrationInput } from '../../../../src-shared/domain/course-delivery/participants';
import type { OutgoingEmail } from '../../../notifications/email.schema';
import { longDate } from './course-messages';
import { courseMailId } from './mail-id';

/**
 * The receipt a participant gets at once for their registration: what they registered for, that
 * the department head decides and they will be told by e-mail, and the course's dates. Norwegian
 * first, a short English line after.
 */
export function registrationReceipt(course: CourseDeliveryDetails['course'], registration: RegistrationInput): OutgoingEmail {
  const title = `${course.code} ${course.name}`;
  const dates = (language: 'nb-NO' | 'en-GB') => `${longDate(course.startDate, language)} – ${longDate(course.endDate, language)}`;
  const text = [
    `Hei ${registration.name},`,
    '',
    `Vi har mottatt påmeldingen din til kurset ${title} (${course.credits} studiepoeng).`,
    '',
    `Kursdatoer: ${dates('nb-NO')}, ${course.sessions} samlinger.`,
    `Pris: ${course.priceNok.toLocaleString('nb-NO')} kr.`,
    '',
    'Avdelingslederen avgjør hvem som får plass på kurset. Du får beskjed på e-post når det er avgjort.',
    '',
    '---',
    '',
    `We have received your registration for ${title} (${dates('en-GB')}). The head of department decides who is admitted; you will be told by e-mail.`,
  ].join('\n');
  return { to: [registration.email], cc: [], subject: `Påmelding mottatt / Registration received: ${title}`, text, attachments: [] };
}

/** The receipt's outbox id: the same case and participant always give the same id, so a retry never mails twice. */
export const receiptId = (caseId: string, participantId: string): string => courseMailId(caseId, participantId, 'registration');
