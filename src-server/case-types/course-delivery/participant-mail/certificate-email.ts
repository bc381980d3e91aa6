import type { CourseDeliveryDetails } from '../../../../src-shared/domain/course-delivery/course-delivery.schema';
import type { Participant } from '../../../../src-shared/domain/course-delivery/participants';
import type { OutgoingEmail } from '../../../notifications/email.schema';
import { courseMailId } from './mail-id';

/**
 * The e-mail that brings a participant their course certificate (kursbevis), the sealed PDF
 * attached, to the address they registered with. Norwegian first, a short English line after.
 */
export function courseCertificateEmail(
  course: CourseDeliveryDetails['course'],
  participant: Pick<Participant, 'name' | 'email'>,
  pdf: { filename: string; bytes: Buffer },
): OutgoingEmail {
  const title = `${course.code} ${course.name}`;
  const text = [
    `Hei ${participant.name},`,
    '',
    `Gratulerer med bestått kurs! Vedlagt er kursbeviset ditt for ${title}.`,
    '',
    'Kursbeviset er en PDF forseglet med institusjonens elektroniske segl. Ta vare på det; seglet viser at det er ekte og uendret.',
    '',
    '---',
    '',
    `Your course certificate for ${title} is attached (a PDF sealed with the institution’s electronic seal).`,
  ].join('\n');
  return {
    to: [participant.email],
    cc: [],
    subject: `Kursbevis / Course certificate: ${title}`,
    text,
    attachments: [{ filename: pdf.filename, contentType: 'application/pdf', contentBase64: pdf.bytes.toString('base64') }],
  };
}

/** The certificate e-mail's outbox id: one per case and participant, so a certificate posted again is sent once. */
export const courseCertificateEmailId = (caseId: string, participantId: string): string => courseMailId(caseId, participantId, 'certificate');
