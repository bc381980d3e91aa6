import {
  courseCertificateReceiptSchema,
  courseCertificatesPath,
  type CourseCertificateLetter,
} from '../../../src-shared/notifications/course-certificate-letter.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import { callServer, type ServerCallOptions } from '../../services/session/server-call';
import type { CertificateMailer } from './certificate-batch';

/**
 * The certificate batch's e-mail port in the app: posts each sealed certificate to the signed-in
 * session's server (`POST /courses/{caseId}/certificates`), which addresses it to the participant's
 * registered e-mail and queues it in its outbox. The server derives the e-mail's id from the case
 * and the participant, so a certificate posted again (a resumed batch) is sent once.
 */
export function createCertificateServerMailer(options: ServerCallOptions): CertificateMailer {
  return async (email) => {
    const body: CourseCertificateLetter = { participantId: email.participantId, fileName: email.fileName, pdfBase64: email.pdf.toString('base64') };
    const answer = await callServer(options, { method: 'POST', path: courseCertificatesPath(email.courseId), body });
    if (answer.ok) {
      if (!courseCertificateReceiptSchema.safeParse(answer.body).success)
        throw new AppError('external', 'The central server answered a certificate with something else than a receipt');
      return;
    }
    const reason = `${email.to.name}: ${answer.reason}`;
    if (answer.status === 409) throw new AppError('conflict', `The server does not have the graded course yet; sync and try again (${reason})`);
    if (answer.status === 403) throw new AppError('forbidden', reason);
    if (answer.status === 400 || answer.status === 413 || answer.status === 422) throw new AppError('validation', reason);
    throw new AppError('external', `The central server refused the certificate (${reason})`);
  };
}
