import { channels, type MethodName, type SaksflytApi } from '../../src-shared/ipc/channels';
import type { Result } from '../../src-shared/kernel/result';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The typed API the renderer sees as `window.saksflyt`: one method per contract channel, each
 * sending at most one argument on its own fixed channel (no generic invoke is exposed).
 * A failed invoke (e.g. no handler in main) becomes an `internal` envelope, never a rejection.
 */
export function createPreloadApi(invoke: Invoke): SaksflytApi {
  const api: Partial<Record<MethodName, (...input: unknown[]) => Promise<Result<unknown>>>> = {};
  for (const method of Object.keys(channels) as MethodName[]) {
    const { channel } = channels[method];
    api[method] = async (...input) => {
      try {
        return (await invoke(channel, ...input.slice(0, 1))) as Result<unknown>;
      } catch (error) {
        return { ok: false, error: { kind: 'internal', message: `IPC call ${channel} failed: ${String(error)}` } };
      }
    };
  }
  return Object.freeze(api) as SaksflytApi;
}
