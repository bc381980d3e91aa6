import { createHash } from 'node:crypto';
import type { CourseDeliveryDetails } from '../../../src-shared/domain/course-delivery/course-delivery.schema';
import type { RegistrationInput } from '../../../src-shared/domain/course-delivery/participants';
import type { OutgoingEmail } from '../../notifications/email.schema';

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
export function receiptId(caseId: string, participantId: string): string {
  const hex = createHash('sha256')
    .update(JSON.stringify(['course-registration', caseId, participantId]))
    .digest('hex');
  // Shaped as a name-based UUID (version 5, RFC 9562 variant), as the outbox's ids are UUIDs.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A calendar date (YYYY-MM-DD) written out, e.g. "5. oktober 2026", never shifted by time zone. */
const longDate = (value: string, locale: 'nb-NO' | 'en-GB') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00.000Z`));
