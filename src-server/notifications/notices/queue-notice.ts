import type { FastifyBaseLogger } from 'fastify';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CommandOfKind } from '../../../src-shared/domain/workflow/command-executors';
import type { Recipient } from '../../../src-shared/domain/workflow/command.schema';
import type { Sql } from '../../db/database';
import { queueEmail } from '../email-outbox';
import { createSqlEmailOutboxStore } from '../sql-email-outbox-store';
import { noticeAddresses } from './notice-recipients';
import { noticeTemplate } from './notice-texts';

const describe = (recipient: Recipient) =>
  recipient.kind === 'role' ? `role ${recipient.role}` : recipient.kind === 'user' ? `user ${recipient.userId}` : `person ${recipient.personId}`;

/**
 * Queues a notice (an e-mail without a letter) in the server's e-mail outbox, in the caller's
 * transaction: it is sent only if the step that gave it is stored. The command's `to` and
 * `copyTo` alone decide who gets it. A notice nobody can be addressed for, or whose template has
 * no text, is logged as an error rather than holding up the step the server has accepted.
 */
export async function queueNotice(sql: Sql, command: CommandOfKind['notice'], c: Case, log: FastifyBaseLogger): Promise<boolean> {
  const write = noticeTemplate(command.template);
  if (!write) {
    log.error({ caseId: c.id, template: command.template }, 'notice not sent: the template has no text');
    return false;
  }
  const to = [...new Set(await noticeAddresses(sql, command.to, c))];
  if (to.length === 0) {
    log.error({ caseId: c.id, template: command.template }, `notice not sent: no e-mail address for ${describe(command.to)} on case ${c.caseNumber}`);
    return false;
  }
  const copies = await Promise.all(command.copyTo.map((recipient) => noticeAddresses(sql, recipient, c)));
  const cc = [...new Set(copies.flat())].filter((address) => !to.includes(address));
  const { subject, text } = write(c, command.to);
  await queueEmail(createSqlEmailOutboxStore(sql), { to: to.slice(0, 20), cc: cc.slice(0, 20), subject, text, attachments: [] });
  return true;
}
