import type { Actor } from '../../src-shared/domain/access';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { WorkflowEvent } from '../../src-shared/domain/workflow/workflow';
import type { ServerSteps } from '../cases/server-steps';
import { HttpError } from '../http/http-error';

/**
 * A workflow step a portal user takes on the server (steps.take, as themselves): a case they may
 * not see is 404 like an unknown one; a role the step does not allow is 403; a step the case's
 * state does not allow now is 409 with the workflow's reason.
 */
export async function takePortalStep<E extends WorkflowEvent>(steps: ServerSteps, caseId: string, event: E, actor: Actor): Promise<Case> {
  const result = await steps.take(caseId, event, actor);
  if (result.ok) return result.state;
  if (result.reason === 'not-found' || result.reason === 'out-of-scope') throw new HttpError(404, 'not-found', 'not-found', 'No such application');
  if (result.reason === 'role-not-allowed') throw new HttpError(403, 'forbidden', 'forbidden', result.message);
  if (result.reason === 'invalid-event' || result.reason === 'unknown-event') throw HttpError.badRequest(result.message);
  throw new HttpError(409, 'conflict', 'conflict', result.message);
}
