import type { SaksflytApi } from '../../src-shared/ipc/channels';

/** A render failure goes to the main process's log (best effort: the API never rejects). */
export function logError(api: SaksflytApi, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  void api.log({ level: 'error', message: message.slice(0, 4000) });
}
