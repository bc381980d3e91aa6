import type { Actor } from '../access/roles';
import type { Case } from '../case/case.schema';
import { caseWorkflows } from '../case/case-workflows';
import type { Command } from './command.schema';
import { statusChangeCommands } from './status-change-commands';

/**
 * Everything the server derives from an accepted change of a case: the commands of the status
 * change's steps, then those of what changed in the details (a decision to e-mail, a link to post).
 */
export function caseChangeCommands(change: { before: Case; after: Case; actor: Actor }): Command[] {
  return [...statusChangeCommands(change), ...caseWorkflows[change.after.type].commandsFromChange(change.before, change.after)];
}
