import { ChangeRefusedError } from '../api/portal-api';
import type { Dictionary } from '../i18n/dictionary';

/** What the applicant is told when a change failed: by the server's refusal, else that the server could not be reached. */
export function refusalText(t: Dictionary, error: unknown): string {
  if (!(error instanceof ChangeRefusedError)) return t.failed;
  if (error.status === 409) return t.application.refused.conflict;
  if (error.status === 413 || error.status === 415) return t.application.refused.file;
  return t.application.refused.invalid;
}
