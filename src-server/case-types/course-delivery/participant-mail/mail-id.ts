import { createHash } from 'node:crypto';

/**
 * The outbox id of one course e-mail, e.g. (case, participant, 'decision', 'admitted'): the same
 * parts always give the same id, so a job run again never mails twice. Shaped as a name-based
 * UUID (version 5, RFC 9562 variant), as the outbox's ids are UUIDs.
 */
export function courseMailId(...parts: string[]): string {
  const hex = createHash('sha256')
    .update(JSON.stringify(['course-mail', ...parts]))
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
