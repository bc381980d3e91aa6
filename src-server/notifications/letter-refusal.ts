import type { AppErrorKind } from '../../src-shared/kernel/app-error';
import type { LetterRefusalReason } from '../../src-shared/notifications/letter.schema';
import type { SyncErrorCode } from '../../src-shared/sync/sync-error.schema';
import { HttpError } from '../http/http-error';

/** Each reason's answer: HTTP status, the sync error code clients already know, and its kind. */
const answers: Record<LetterRefusalReason, { status: number; code: SyncErrorCode; kind: AppErrorKind }> = {
  'bad-request': { status: 400, code: 'bad-request', kind: 'validation' },
  forbidden: { status: 403, code: 'forbidden', kind: 'forbidden' },
  'parent-missing': { status: 409, code: 'parent-missing', kind: 'conflict' },
  'workflow-step-not-reached': { status: 409, code: 'workflow-step-not-reached', kind: 'conflict' },
  'letter-kind-mismatch': { status: 422, code: 'letter-kind-mismatch', kind: 'validation' },
  'document-mismatch': { status: 422, code: 'document-mismatch', kind: 'validation' },
  'invalid-recipient': { status: 422, code: 'invalid-recipient', kind: 'validation' },
};

/** A refused letter: the answer of its reason, with the reason itself in `details.reason`. */
export class LetterRefusal extends HttpError {
  constructor(
    readonly reason: LetterRefusalReason,
    message: string,
  ) {
    const { status, code, kind } = answers[reason];
    super(status, code, kind, message, { reason });
  }
}
