import { canSeeCase, isTerminalStatus } from '../../../src-shared/domain/access/access';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { Case } from '../../../src-shared/domain/case/case.schema';

/** The case officer's open approval cases they may see, by next deadline (soonest first). */
export function approvalQueue(cases: readonly Case[], actor: Actor): Case[] {
  return cases
    .filter((c) => c.type === 'approval' && !isTerminalStatus('approval', c.status) && canSeeCase(actor, c))
    .sort((a, b) => (a.nextDeadline === b.nextDeadline ? a.id.localeCompare(b.id) : a.nextDeadline < b.nextDeadline ? -1 : 1));
}
