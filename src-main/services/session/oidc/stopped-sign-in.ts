import type { AppError } from '../../../../src-shared/kernel/app-error';
import { sessionError } from '../auth-client';

/** The error of a sign-in whose wait for the browser was stopped: by its time limit, or by the user. */
export function stoppedSignIn(signal: AbortSignal): AppError {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError'
    ? sessionError('precondition', 'oidc-expired', 'The sign-in in the browser was not finished in time')
    : sessionError('precondition', 'oidc-cancelled', 'The sign-in was cancelled');
}
