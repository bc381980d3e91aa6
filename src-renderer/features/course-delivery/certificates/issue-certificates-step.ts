import type { RxCollection } from 'rxdb';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { courseDeliveryWorkflow, type CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import type { Command } from '../../../../src-shared/domain/workflow/command.schema';
import { CommandRunner, type Ports } from '../../../../src-shared/domain/workflow/command-runner';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { transitionError } from '../../case/step-outcome';

/** The step gives only the certificates (already made by the batch) and the server's integration call. */
const notForCertificates = (command: Command): never => {
  throw new AppError('internal', `The certificates step gave a ${command.type} command (case ${command.caseId})`);
};

const ports: Ports<'laptop', void, never> = {
  renderDocument: () => [], // the batch made, sealed and sent them before the step is taken
  requestSignature: notForCertificates,
  archive: notForCertificates,
  letter: notForCertificates,
  createTask: notForCertificates,
  closeCaseFolder: notForCertificates,
};
const runner = new CommandRunner('laptop', ports);

/**
 * `issueCertificates` once the batch has finished: the shared workflow decides as the acting user,
 * the course goes into the local replica as "certificates sent" (synced like any change; the server
 * checks it again and runs the step's integration call).
 */
export async function takeIssueCertificates(db: { cases: RxCollection<Case> }, caseDoc: CourseDeliveryCase, actor: Actor, at: string): Promise<void> {
  const step = courseDeliveryWorkflow.transition(caseDoc, { type: 'issueCertificates', at }, actor);
  if (!step.ok) throw transitionError(step);
  await runner.run(step.commands, undefined);
  await db.cases.incrementalUpsert(step.state as Case);
}
