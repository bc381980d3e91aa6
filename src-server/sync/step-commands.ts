import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../src-shared/domain/access';
import type { Case } from '../../src-shared/domain/case/case.schema';
import type { CommandOfKind } from '../../src-shared/domain/workflow/command-executors';
import { CommandRunner, type Ports } from '../../src-shared/domain/workflow/command-runner';
import { caseChangeCommands } from '../../src-shared/domain/workflow/case-change-commands';
import type { Sql } from '../db/database';
import { queueNotice } from '../notifications/notices/queue-notice';

/** Hands an integration call to the server's job queue (the case as stored after the step), in the push's transaction. */
export type EnqueueIntegration = (command: CommandOfKind['callIntegration'], caseDoc: Case, tx: Sql) => Promise<void>;

/** What steps queued, so the e-mail outbox and the job worker are woken once their transaction has committed. */
export interface Queued {
  email: boolean;
  jobs: boolean;
}
export const nothingQueued = (): Queued => ({ email: false, jobs: false });

/** What the server's executors have at hand: the push's transaction and the case after the step. */
export interface ServerPortContext {
  tx: Sql;
  caseDoc: Case;
  log: FastifyBaseLogger;
  enqueueIntegration: EnqueueIntegration;
  queued: Queued;
}

/** The server's executors, one per kind of command it runs. */
export const serverPorts: Ports<'server', ServerPortContext, never> = {
  notice: async (command, { tx, caseDoc, log, queued }) => {
    if (await queueNotice(tx, command, caseDoc, log)) queued.email = true;
    return [];
  },
  callIntegration: async (command, { tx, caseDoc, enqueueIntegration, queued }) => {
    await enqueueIntegration(command, caseDoc, tx);
    queued.jobs = true;
    return [];
  },
};

const serverRunner = new CommandRunner('server', serverPorts);

export interface CaseStep {
  before: Case;
  after: Case;
  actor: Actor;
}

/** What push calls around an accepted change of a case. */
export interface CaseStepHook {
  /** In the push's transaction, once the changed case is stored; returns what it queued. */
  accepted(tx: Sql, step: CaseStep): Promise<Queued>;
  /** After the push's transaction committed having queued something: wakes who runs it. */
  committed(queued: Queued): void;
}

/**
 * The server's side of an accepted step or edit: the commands the workflow derives from the stored
 * and the pushed case (notices, integration calls) run in the push's transaction, so a refused push sends
 * nothing and a repeated one (same state, nothing stored) nothing twice. The laptop's commands were
 * run on the laptop.
 */
export function caseStepCommands(deps: { log: FastifyBaseLogger; enqueueIntegration: EnqueueIntegration; wake(queued: Queued): void }): CaseStepHook {
  return {
    async accepted(tx, step) {
      const queued = nothingQueued();
      await serverRunner.run(caseChangeCommands(step), { tx, caseDoc: step.after, log: deps.log, enqueueIntegration: deps.enqueueIntegration, queued });
      return queued;
    },
    committed: deps.wake,
  };
}
