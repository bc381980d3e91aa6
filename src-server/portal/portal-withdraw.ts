import type { Actor } from '../../src-shared/domain/access';
import type { ServerSteps } from '../cases/server-steps';
import type { Sql } from '../db/database';
import { HttpError } from '../http/http-error';
import { takePortalStep } from './portal-step';

/**
 * A partner's nominator withdraws one of the partner's applications (by case number or id), with a
 * reason: the workflow's withdraw step as the nominator, audited, seen by the case officer at once.
 * Another partner's case is the same 404 as an unknown one.
 */
export async function withdrawNomination(sql: Sql, steps: ServerSteps, input: { actor: Actor; ref: string; reason: string; now: Date }): Promise<void> {
  const [row] = await sql.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE collection = 'cases' AND NOT deleted AND doc::json->>'type' = 'nomination'
        AND (id = $1 OR doc::json->>'caseNumber' = $1) AND doc::json->>'cohort' = ANY($2)`,
    [input.ref, input.actor.scope.partners],
  );
  if (!row) throw new HttpError(404, 'not-found', 'not-found', `No nomination ${input.ref}`);
  await takePortalStep(steps, row.id, { type: 'withdraw', at: input.now.toISOString(), reason: input.reason }, input.actor);
}
