import { channels, type MethodName, type SaksflytApi } from '../../src-shared/ipc/channels';
import { AppError, summarizeZodError } from '../../src-shared/kernel/app-error';
import { fail, resultSchema, type Result } from '../../src-shared/kernel/result';

declare global {
  interface Window {
    /** The preload's typed API; absent when the renderer runs in a plain browser. */
    saksflyt?: SaksflytApi;
  }
}

/** Carries one call to the main process and resolves to its raw (unchecked) envelope. */
export type Transport = (method: MethodName, input: unknown) => Promise<unknown>;

type AnyMethod = (input?: unknown) => Promise<unknown>;

/** Electron: the preload exposes one method per channel. */
export function bridgeTransport(bridge: SaksflytApi): Transport {
  return (method, input) => {
    const call = bridge[method] as AnyMethod;
    return input === undefined ? call() : call(input);
  };
}

/** Browser: the browser host serves the same contract at POST /rpc/<channel>. */
export function httpTransport(baseUrl = ''): Transport {
  return async (method, input) => {
    const response = await fetch(`${baseUrl}/rpc/${channels[method].channel}`, {
      method: 'POST',
      ...(input === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
    });
    try {
      return await response.json();
    } catch {
      throw new AppError('external', `HTTP ${response.status} without a JSON envelope`);
    }
  };
}

/**
 * The typed API the renderer uses, identical over both transports. Inputs are checked before they
 * leave and envelopes are parsed when they come back, so a result is always a valid `Result`.
 */
export function createApi(transport: Transport): SaksflytApi {
  const api: Partial<Record<MethodName, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of Object.keys(channels) as MethodName[]) {
    const contract = channels[method];
    const envelope = resultSchema(contract.output);
    api[method] = async (input) => {
      const parsedInput = contract.input.safeParse(input);
      if (!parsedInput.success) return fail(AppError.from(parsedInput.error));
      try {
        const parsed = envelope.safeParse(await transport(method, parsedInput.data));
        if (parsed.success) return parsed.data as Result<unknown>;
        return fail(new AppError('internal', `Invalid reply on ${contract.channel}: ${summarizeZodError(parsed.error)}`));
      } catch (error) {
        const cause = AppError.from(error);
        return fail(new AppError('external', `${contract.channel} failed: ${cause.message}`));
      }
    };
  }
  return api as SaksflytApi;
}

/** The API for the environment the renderer finds itself in. */
export function createDefaultApi(): SaksflytApi {
  return createApi(window.saksflyt ? bridgeTransport(window.saksflyt) : httpTransport());
}
