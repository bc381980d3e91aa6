import type { Actor } from '../access/roles';
import { statusChangePath } from '../case/case-change';
import type { Case } from '../case/case.schema';
import { caseWorkflows } from '../case/case-workflows';
import type { Command } from './command.schema';

/**
 * The commands an accepted status change derives from state alone: per step of the path the
 * change took, its `commandsFromState`. The server, which sees only the stored and the pushed case,
 * runs its side of these. Offline, several steps may arrive as one push; the states between them
 * were never sent, so each is the pushed case at that step's status.
 */
export function statusChangeCommands({ before, after, actor }: { before: Case; after: Case; actor: Actor }): Command[] {
  if (before.status === after.status) return [];
  const workflow = caseWorkflows[after.type];
  const found = statusChangePath(workflow, before, after, actor);
  if (!('path' in found)) return [];
  const { path } = found;
  return path.flatMap((step, i) =>
    workflow.commandsFromState(
      step.event,
      i === 0 ? before : { ...after, status: step.from },
      i === path.length - 1 ? after : { ...after, status: step.to },
      actor,
    ),
  );
}
