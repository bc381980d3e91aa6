import type { HandedOver } from '../../../src-shared/domain/workflow/command-runner';
import type { TransitionReason } from '../../../src-shared/domain/workflow/workflow';
import { AppError, type AppErrorKind } from '../../../src-shared/kernel/app-error';

/** What the laptop says about a command the central server runs once the step has synced. */
export type ServerReport =
  { type: 'noticeByServer'; template: string } | { type: 'noticeNotSent'; template: string } | { type: 'integration'; system: string; operation: string };

const errorKindFor: Record<TransitionReason, AppErrorKind> = {
  'invalid-event': 'validation',
  'unknown-event': 'validation',
  'illegal-transition': 'conflict',
  'role-not-allowed': 'forbidden',
  'out-of-scope': 'forbidden',
  'precondition-failed': 'precondition',
};

/** A refused workflow transition as the error the step reports. */
export const transitionError = (refused: { reason: TransitionReason; message: string }): AppError =>
  new AppError(errorKindFor[refused.reason], refused.message, { reason: refused.reason });

/**
 * A command of any workflow the server runs, as the step reports it: sent once the change has
 * synced; notices never on local demo data (`sendsLetters` false: nobody is signed in to a server).
 */
export function serverReport(sendsLetters: boolean, { command }: HandedOver): ServerReport {
  if (command.type === 'callIntegration') return { type: 'integration', system: command.system, operation: command.operation };
  const template = command.type === 'notify' ? command.template : command.type;
  return sendsLetters ? { type: 'noticeByServer', template } : { type: 'noticeNotSent', template };
}
