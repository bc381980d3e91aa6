import type { FastifyBaseLogger } from 'fastify';
import { workflowOf } from '../../src-shared/domain/case/case-workflows';
import type { Case } from '../../src-shared/domain/case/case.schema';
import { personSchema, type Person } from '../../src-shared/domain/person/person.schema';
import { CommandRunner } from '../../src-shared/domain/workflow/command-runner';
import type { Actor } from '../../src-shared/domain/access/roles';
import { isSystemActor, systemActor, type TransitionReason, type WorkflowEvent } from '../../src-shared/domain/workflow/workflow';
import { appendAudit } from '../audit/audit-log';
import type { Database, Sql } from '../db/database';
import { nothingQueued, serverPorts, type EnqueueIntegration, type Queued } from '../sync/step-commands';

export type ServerStepResult = { ok: true; state: Case } | { ok: false; reason: TransitionReason | 'not-found'; message: string };

/**
 * The case data as the server itself changes it: the stored case and person, and a workflow step
 * taken on the server — a server-only step (recording what an integration brought back) as
 * `systemActor`, or a step of someone who acts on the server and has no replica (an applicant or
 * a partner's nominator in the portal) as that actor.
 */
export interface ServerSteps {
  caseById(id: string): Promise<Case | undefined>;
  personById(id: string): Promise<Person | undefined>;
  /**
   * `alongside` runs in the step's transaction once the new state is stored (a receipt queued with
   * the registration it confirms: both or neither); it says what it queued, to be woken after commit.
   */
  take(caseId: string, event: WorkflowEvent, actor?: Actor, alongside?: (tx: Sql, state: Case) => Promise<Partial<Queued>>): Promise<ServerStepResult>;
}

/**
 * A step on the server goes through the same workflow as a laptop's: under the case's row lock the
 * transition runs on the stored case, with the actor's roles and scope checked by the workflow
 * (a step of someone who cannot see the case, or whose role the rule does not name, is refused);
 * the new state is stored with a new feed position (laptops pull it live; one that changed other
 * fields meanwhile merges them), the step's server commands (integration calls, notices) run in
 * the same transaction, and it is audited in the actor's name (`server-step` for the system's,
 * `case-step` for a person's).
 */
export function serverSteps(deps: {
  db: Database;
  /** NOTIFY channel of the live streams. */
  changesChannel: string;
  enqueueIntegration: EnqueueIntegration;
  log: FastifyBaseLogger;
  /** Wakes the e-mail outbox or the job worker once a step that queued for them has committed. */
  wake(queued: Queued): void;
}): ServerSteps {
  const runner = new CommandRunner('server', serverPorts);
  const read = async (collection: string, id: string): Promise<unknown> => {
    const [row] = await deps.db.query<{ doc: string }>('SELECT doc FROM sync_documents WHERE collection = $1 AND id = $2 AND NOT deleted', [collection, id]);
    return row ? JSON.parse(row.doc) : undefined;
  };

  return {
    caseById: async (id) => (await read('cases', id)) as Case | undefined,
    async personById(id) {
      const parsed = personSchema.safeParse(await read('people', id));
      return parsed.success ? parsed.data : undefined;
    },
    async take(caseId, event, actor = systemActor, alongside) {
      const queued = nothingQueued();
      const result = await deps.db.transaction(async (tx): Promise<ServerStepResult> => {
        const [row] = await tx.query<{ doc: string }>("SELECT doc FROM sync_documents WHERE collection = 'cases' AND id = $1 AND NOT deleted FOR UPDATE", [
          caseId,
        ]);
        if (!row) return { ok: false, reason: 'not-found', message: `No case ${caseId}` };
        const before = JSON.parse(row.doc) as Case;
        const step = workflowOf(before.type).transitionCase(before, event, actor);
        if (!step.ok) return step;
        await tx.query(
          `UPDATE sync_documents SET doc = $2, txid = pg_current_xact_id(), seq = nextval('sync_seq'), version = version + 1
            WHERE collection = 'cases' AND id = $1`,
          [caseId, JSON.stringify(step.state)],
        );
        const commands = [...step.commands, ...workflowOf(before.type).commandsFromChange(before, step.state)];
        const { handedOver } = await runner.run(commands, { tx, caseDoc: step.state, log: deps.log, enqueueIntegration: deps.enqueueIntegration, queued });
        // A server step makes nothing on a laptop; were one to ask for it, it is said, not lost silently.
        for (const { command } of handedOver) deps.log.warn({ caseId, event: event.type, command: command.type }, 'A server step asked for a laptop command');
        const also = alongside ? await alongside(tx, step.state) : {};
        queued.email ||= also.email === true;
        queued.jobs ||= also.jobs === true;
        const action = isSystemActor(actor) ? 'server-step' : 'case-step';
        await appendAudit(tx, [{ actorId: actor.userId, action, collection: 'cases', documentId: caseId, outcome: 'accepted', detail: { event: event.type } }]);
        await tx.query('SELECT pg_notify($1, $2)', [deps.changesChannel, 'cases']);
        return { ok: true, state: step.state };
      });
      if (queued.email || queued.jobs) deps.wake(queued);
      return result;
    },
  };
}
