import {
  courseCertificateReceiptSchema,
  courseCertificatesPath,
  type CourseCertificateLetter,
} from '../../../src-shared/notifications/course-certificate-letter.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { LetterConnection } from '../../services/archive/adapters/server-letters.adapter';
import type { CertificateMailer } from './certificate-batch';

/**
 * The certificate batch's e-mail port in the app: posts each sealed certificate to the signed-in
 * session's server (`POST /courses/{caseId}/certificates`), which addresses it to the participant's
 * registered e-mail and queues it in its outbox. The server derives the e-mail's id from the case
 * and the participant, so a certificate posted again (a resumed batch) is sent once.
 */
export function createCertificateServerMailer(options: { connection: LetterConnection; fetch?: typeof fetch; timeoutMs?: number }): CertificateMailer {
  const fetchFn = options.fetch ?? fetch;
  return async (email) => {
    let connection: Awaited<ReturnType<LetterConnection>>;
    try {
      connection = await options.connection();
    } catch (error) {
      throw new AppError('precondition', `Not connected to the central server: ${AppError.from(error).message}`);
    }
    const body: CourseCertificateLetter = { participantId: email.participantId, fileName: email.fileName, pdfBase64: email.pdf.toString('base64') };
    let response: Response;
    try {
      response = await fetchFn(new URL(courseCertificatesPath(email.courseId), connection.serverUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${connection.accessToken}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new AppError('external', `The central server could not be reached: ${AppError.from(error).message}`);
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      if (!courseCertificateReceiptSchema.safeParse(answer).success)
        throw new AppError('external', 'The central server answered a certificate with something else than a receipt');
      return;
    }
    const message = (answer as { message?: unknown } | undefined)?.message;
    const reason = `${email.to.name}: ${typeof message === 'string' ? message : `HTTP ${response.status}`}`;
    if (response.status === 409) throw new AppError('conflict', `The server does not have the graded course yet; sync and try again (${reason})`);
    if (response.status === 403) throw new AppError('forbidden', reason);
    if (response.status === 400 || response.status === 413 || response.status === 422) throw new AppError('validation', reason);
    throw new AppError('external', `The central server refused the certificate (${reason})`);
  };
}
