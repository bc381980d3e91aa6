import { createHash } from 'node:crypto';
import type { CourseDeliveryDetails } from '../../src-shared/domain/course-delivery/course-delivery.schema';
import type { Participant } from '../../src-shared/domain/course-delivery/participants';
import type { OutgoingEmail } from './email.schema';

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

/** The certificate e-mail's outbox id: one per course case and participant, so nobody gets two. */
export function courseCertificateEmailId(caseId: string, participantId: string): string {
  const hex = createHash('sha256')
    .update(JSON.stringify(['course-certificate', caseId, participantId]))
    .digest('hex');
  // Shaped as a name-based UUID (version 5, RFC 9562 variant), as the outbox's ids are UUIDs.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
