import { sessionErrorDetailsSchema, type SessionErrorCode } from '../../../src-shared/ipc/session.contract';
import type { AppErrorData } from '../../../src-shared/kernel/app-error';

/** The machine-readable code of a failed session call (see session.contract.ts), if it has one. */
export function sessionErrorCodeOf(error: AppErrorData): SessionErrorCode | undefined {
  const details = sessionErrorDetailsSchema.safeParse(error.details);
  return details.success ? details.data.code : undefined;
}

/** With `offline-too-long`: the server's maximum offline time, in days. */
export function maxOfflineDaysOf(error: AppErrorData): number | undefined {
  const details = sessionErrorDetailsSchema.safeParse(error.details);
  return details.success ? details.data.maxOfflineDays : undefined;
}
